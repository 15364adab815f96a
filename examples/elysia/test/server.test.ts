/**
 * The example as its README runs it: `bun run src/main.ts` (the Bun binary of the npm `bun`
 * package) on a free port, in its own process group; undici sends what a browser would.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { send } from '@corsica/testkit/http'
import { type Child, startChild } from '@corsica/testkit/process'
import { checkExampleCase, notesApi, serverExampleCases } from '@corsica/testkit/server-example'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const fromBun = createRequire(createRequire(import.meta.url).resolve('bun/package.json'))
const BUN = join(dirname(fromBun.resolve('@oven/bun-linux-x64/package.json')), 'bin/bun')

let server: Child
let base: string
beforeAll(async () => {
  const { child, match } = await startChild(BUN, ['run', 'src/main.ts'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { PORT: '0', NO_COLOR: '1' },
    ready: /listening on (http:\/\/[^\s/]+)/,
  })
  server = child
  base = match[1]!
})
afterAll(() => server?.stop())

// The notes API; its policy has no csrf, its routes do not echo x-request-id. Elysia answers a
// thrown error with its message as text.
const cases = serverExampleCases({
  ...notesApi,
  echoesRequestId: false,
  broken: { path: '/api/broken', body: /the database is down/ },
  csrf: false,
})

describe('example-elysia on Bun', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await checkExampleCase(c, base)).toEqual([])
  })

  it('the JSON stays JSON, with its content type', async () => {
    const answer = await send(`${base}/api/notes`, { headers: { origin: 'http://localhost:5173' } })
    expect(answer.headers.get('content-type')).toBe('application/json;charset=utf-8')
  })
})
