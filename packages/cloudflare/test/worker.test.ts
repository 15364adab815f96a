/**
 * A module worker wrapped with withCors, called through a service binding, so workerd itself
 * dispatches each event: what withCors must keep of the platform (env, ctx, other handlers,
 * `this`, exceptions) and the fetch() response case.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const APP = 'https://app.test'
const worker = env.CORS_WORKER
const seen = async () => (await worker.fetch('https://api.test/seen')).json<Record<string, unknown>>()

describe('withCors module worker, dispatched by workerd', () => {
  it('answers a preflight without running fetch', async () => {
    const before = (await seen()).fetchCalls
    const res = await worker.fetch('https://api.test/env', {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'PUT' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect((await seen()).fetchCalls).toBe(before)
  })

  it('passes env and ctx through, and calls fetch with the worker as `this`', async () => {
    const res = await worker.fetch('https://api.test/env', { headers: { origin: APP } })
    expect(await res.json()).toEqual({ greeting: 'hello from env', label: 'fixture worker' })
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    await new Promise((resolve) => setTimeout(resolve, 50)) // ctx.waitUntil work outlives the response
    expect(await seen()).toMatchObject({ fetchThisIsWorker: true, waitUntilRan: true })
  })

  it('copies a fetch() response, whose headers are immutable, to put the CORS headers on it', async () => {
    // The premise: a subrequest's response cannot be changed in place (Fetch: "immutable" guard).
    const direct = await env.UPSTREAM.fetch('https://upstream.internal/')
    expect(() => direct.headers.set('x-test', '1')).toThrow(TypeError)
    await direct.arrayBuffer()

    const res = await worker.fetch('https://api.test/upstream', { headers: { origin: APP } })
    expect(await res.text()).toBe('from upstream')
    expect(res.headers.get('x-upstream')).toBe('yes')
    // The policy owns the CORS headers: upstream's `*` gives way to the granted origin, and
    // Origin joins the upstream's own Vary.
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-expose-headers')).toBe('x-upstream')
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Origin')
  })

  it("removes an upstream's own grant for an origin the policy refuses", async () => {
    const res = await worker.fetch('https://api.test/upstream', { headers: { origin: 'https://evil.test' } })
    expect(await res.text()).toBe('from upstream')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Origin')
  })

  it("answers a handler's exception 500 with the CORS headers (the platform's own 500 has none)", async () => {
    // Uncaught, the exception would reach the caller (a browser gets workerd's 500 without CORS
    // headers and reports a CORS error for a crash). withCors answers it, and logs it.
    const response = await worker.fetch('https://api.test/throw', { headers: { origin: APP } })
    expect(response.status).toBe(500)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(await response.text()).toBe('Internal Server Error')
  })

  it('keeps the scheduled handler, called with the worker as `this`', async () => {
    const result = await worker.scheduled({ cron: '*/5 * * * *' })
    expect(result.outcome).toBe('ok')
    expect(await seen()).toMatchObject({ scheduled: ['*/5 * * * *'], scheduledThisIsWorker: true })
  })
})
