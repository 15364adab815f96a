/**
 * Runs `pnpm start` (the README's command: the worker in workerd) and talks to it over a real
 * socket with undici, as a browser would for each kind of CORS request.
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// One process harness serves both examples.
import { type Started, send as sendTo, startExample } from '../../hono-node/test/start.ts'

const APP = 'https://app.example.com'
let worker: Started

beforeAll(async () => {
  worker = await startExample(fileURLToPath(new URL('..', import.meta.url)))
}, 30_000)

afterAll(() => worker?.stop())

const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  sendTo(`${worker.url}${path}`, method, headers, body)

describe('example-cloudflare-worker in workerd, over a real socket', () => {
  it('grants a preflight from a listed front end, with credentials and the custom header', async () => {
    const res = await send('OPTIONS', '/api/echo', {
      origin: APP,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-request-id',
    })
    expect(res.status).toBe(204)
    expect(res.header('access-control-allow-origin')).toBe(APP)
    expect(res.header('access-control-allow-credentials')).toBe('true')
    expect(res.header('access-control-allow-methods')).toBe('GET, POST, DELETE')
    expect(res.header('access-control-allow-headers')).toBe('content-type, x-request-id')
    expect(res.header('access-control-max-age')).toBe('600')
  })

  it('refuses a preflight from an unlisted origin: no Access-Control-Allow-Origin', async () => {
    const res = await send('OPTIONS', '/api/echo', {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    })
    expect(res.status).toBe(403) // Corsica's documented answer; browsers fail it on the missing ACAO
    expect(res.header('access-control-allow-origin')).toBeNull()
    expect(res.header('access-control-allow-credentials')).toBeNull()
  })

  it('adds CORS headers to an actual request, with env passed through', async () => {
    const res = await send('GET', '/api/hello', { origin: APP, 'x-request-id': 'r-7' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toMatchObject({ hello: 'corsica-example' })
    expect(res.header('x-request-id')).toBe('r-7')
    expect(res.header('access-control-allow-origin')).toBe(APP)
    expect(res.header('access-control-allow-credentials')).toBe('true')
    expect(res.header('access-control-expose-headers')).toBe('x-request-id')
    expect(res.header('vary')).toBe('Origin')
  })

  it('answers a credentialed POST with its body and CORS headers', async () => {
    const res = await send(
      'POST',
      '/api/echo',
      { origin: APP, 'content-type': 'application/json' },
      '{"a":1}',
    )
    expect(res.status).toBe(201)
    expect(JSON.parse(res.text)).toEqual({ received: { a: 1 } })
    expect(res.header('access-control-allow-origin')).toBe(APP)
  })

  it('refuses a cross-site POST from an unlisted origin with 403 before the handler (csrf)', async () => {
    const res = await send(
      'POST',
      '/api/echo',
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      '{"a":1}',
    )
    expect(res.status).toBe(403)
    expect(res.text).toMatch(/^Cross-origin request refused/)
  })

  it('keeps the 500 the worker returns for a failure readable by the front end', async () => {
    const res = await send('GET', '/api/broken', { origin: APP })
    expect(res.status).toBe(500)
    expect(JSON.parse(res.text)).toEqual({ error: 'internal error' })
    expect(res.header('access-control-allow-origin')).toBe(APP)
  })

  it('gives an unlisted origin the data but no permission to read it', async () => {
    const res = await send('GET', '/api/hello', { origin: 'https://evil.example' })
    expect(res.status).toBe(200)
    expect(res.header('access-control-allow-origin')).toBeNull()
    expect(res.header('vary')).toBe('Origin')
  })

  it('keeps the scheduled handler: workerd runs it on a cron event', async () => {
    const fired = await send('GET', '/cdn-cgi/handler/scheduled', {})
    expect(fired.status).toBe(200)
    const res = await send('GET', '/api/hello', {})
    expect(JSON.parse(res.text)).toMatchObject({ lastCron: 'manual' })
  })
})
