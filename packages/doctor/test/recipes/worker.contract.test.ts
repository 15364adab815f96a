// CORS contract tests for a Cloudflare Worker: call its fetch with the env and ctx it needs.
import { createCors } from '@corsica/core'
import { describe, it } from 'vitest'
import { expectCorsAllowed, expectCorsBlocked } from '../../src/index'

interface Env {
  GREETING: string
}
/** The part of the Workers ExecutionContext this worker uses. */
interface Ctx {
  waitUntil(promise: Promise<unknown>): void
}

// The worker under test (in your project: import it from src/worker.ts).
const cors = createCors({
  origin: ['https://app.example.com'],
  methods: ['GET', 'PUT'],
  allowedHeaders: ['authorization'],
})
const worker = {
  fetch: cors.wrap((request: Request, env: Env, _ctx: Ctx) =>
    Response.json({ hello: env.GREETING, path: new URL(request.url).pathname }),
  ),
}

// Bindings and an execution context, as the runtime would pass them.
const env: Env = { GREETING: 'world' }
const ctx: Ctx = { waitUntil() {} }
const handler = (request: Request) => worker.fetch(request, env, ctx)

describe('CORS contract of the worker', () => {
  it('the front end updates a record with a bearer token', async () => {
    await expectCorsAllowed({
      url: 'https://worker.example.workers.dev/records/1',
      origin: 'https://app.example.com',
      method: 'PUT',
      headers: ['Authorization: Bearer t0k3n'],
      body: '{}',
      handler,
    })
  })

  it('DELETE is not part of the contract', async () => {
    await expectCorsBlocked({
      url: 'https://worker.example.workers.dev/records/1',
      origin: 'https://app.example.com',
      method: 'DELETE',
      handler,
    })
  })
})
