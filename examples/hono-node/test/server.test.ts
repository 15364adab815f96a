/**
 * Runs `pnpm start` (the README's command) in its own process group and talks to it over a real
 * socket with undici, as a browser would for each kind of CORS request.
 */
import { fileURLToPath } from 'node:url'
import { send } from '@corsica/testkit/http'
import { type StartedExample, startExample } from '@corsica/testkit/process'
import { checkExampleCase, serverExampleCases } from '@corsica/testkit/server-example'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let server: StartedExample

beforeAll(async () => {
  server = await startExample(fileURLToPath(new URL('..', import.meta.url)))
}, 30_000)

afterAll(() => server?.child.stop())

const cases = serverExampleCases({
  read: { path: '/api/notes', from: 'https://app.example.com', body: ['buy milk'] },
  echoesRequestId: true,
  write: { path: '/api/notes', body: { ok: true, count: 2 } },
  broken: { path: '/api/broken', body: { error: 'the database is down' } },
  csrf: true,
})

describe('example-hono-node over a real socket', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await checkExampleCase(c, server.url)).toEqual([])
  })

  it('leaves routes outside /api alone', async () => {
    const answer = await send(`${server.url}/`, { headers: { origin: 'https://app.example.com' } })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
  })
})
