/**
 * A real Deno.serve process (test/fixtures/server.ts in the npm `deno` binary), in its own
 * process group, on 127.0.0.1 port 0; undici from Node is the client. Stopped by PID.
 */
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DenoServer, packageDir, serveScript } from './deno-process.ts'

const APP = 'https://app.test'
let server: DenoServer

beforeAll(async () => {
  server = await serveScript(`${packageDir}/test/fixtures/server.ts`, { config: `${packageDir}/deno.json` })
})

afterAll(() => server?.stop())

describe('withCors in a Deno.serve process, undici as the client', () => {
  it('answers a preflight itself: 204, the origin echoed, credentials, the method', async () => {
    const res = await request(`${server.origin}/items/1`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'PUT' },
    })
    expect(await res.body.text()).toBe('')
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe(APP)
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect(res.headers['access-control-allow-methods']).toBe('PUT')
  })

  it('runs the handler for an actual request, with Deno.serve info passed through', async () => {
    const res = await request(`${server.origin}/items`, {
      method: 'PUT',
      headers: { origin: APP },
      body: 'x',
    })
    expect(await res.body.text()).toBe('PUT ok')
    expect(res.statusCode).toBe(200)
    expect(res.headers['x-remote']).toBe('127.0.0.1')
    expect(res.headers['access-control-allow-origin']).toBe(APP)
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect(res.headers['access-control-expose-headers']).toBe('x-remote')
    expect(res.headers.vary).toBe('Origin')
  })

  it('lets a handler exception reach Deno.serve, which answers 500 and logs it', async () => {
    const res = await request(`${server.origin}/throw`, { headers: { origin: APP } })
    await res.body.dump()
    expect(res.statusCode).toBe(500)
    await expect.poll(() => server.output()).toContain('expected: /throw throws')
  })

  it('grants a refused origin nothing', async () => {
    const res = await request(`${server.origin}/items`, { headers: { origin: 'https://evil.test' } })
    await res.body.dump()
    expect(res.statusCode).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    expect(res.headers['access-control-allow-credentials']).toBeUndefined()
  })
})
