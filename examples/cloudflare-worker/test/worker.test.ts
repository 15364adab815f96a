/**
 * Runs `pnpm start` (the README's command: the worker in workerd) and talks to it over a real
 * socket with undici, as a browser would for each kind of CORS request.
 */
import { fileURLToPath } from 'node:url'
import { send } from '@corsica/testkit/http'
import { type StartedExample, startExample } from '@corsica/testkit/process'
import { checkExampleCase, serverExampleCases } from '@corsica/testkit/server-example'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let worker: StartedExample

beforeAll(async () => {
  worker = await startExample(fileURLToPath(new URL('..', import.meta.url)))
}, 30_000)

afterAll(() => worker?.child.stop())

// The worker's env passes through: API_NAME is corsica-example (scripts/start.mjs).
const cases = serverExampleCases({
  read: {
    path: '/api/hello',
    from: 'https://app.example.com',
    body: { hello: 'corsica-example', lastCron: 'never' },
  },
  echoesRequestId: true,
  write: { path: '/api/echo', body: { received: { text: 'hi' } } },
  broken: { path: '/api/broken', body: { error: 'internal error' } },
  csrf: true,
})

describe('example-cloudflare-worker in workerd, over a real socket', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await checkExampleCase(c, worker.url)).toEqual([])
  })

  it('keeps the scheduled handler: workerd runs it on a cron event', async () => {
    const fired = await send(`${worker.url}/cdn-cgi/handler/scheduled`)
    expect(fired.status).toBe(200)
    const answer = await send(`${worker.url}/api/hello`)
    expect(JSON.parse(answer.body)).toMatchObject({ lastCron: 'manual' })
  })
})
