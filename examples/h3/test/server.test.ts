/**
 * The example as its README runs it: `pnpm start` (node, h3's `serve`) on a free port, in its
 * own process group; undici sends what a browser would.
 */
import { fileURLToPath } from 'node:url'
import { send } from '@corsica/testkit/http'
import { type StartedExample, startExample } from '@corsica/testkit/process'
import { APP, checkExampleCase, notesApi, serverExampleCases } from '@corsica/testkit/server-example'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let server: StartedExample
beforeAll(async () => {
  server = await startExample(fileURLToPath(new URL('..', import.meta.url)))
})
afterAll(() => server?.child.stop())

// The notes API; its policy has no csrf, its routes do not echo x-request-id. h3 hides a thrown
// error's message.
const cases = serverExampleCases({
  ...notesApi,
  echoesRequestId: false,
  broken: { path: '/api/broken', body: { status: 500, unhandled: true, message: 'HTTPError' } },
  csrf: false,
})

describe('example-h3 on Node', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await checkExampleCase(c, server.url)).toEqual([])
  })

  it('a bad note is an HTTPError 400 with the grant', async () => {
    const answer = await send(`${server.url}/api/notes`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: '{}',
    })
    expect([answer.status, answer.headers.get('access-control-allow-origin')]).toEqual([400, APP])
  })
})
