/**
 * Runs `pnpm start` (the README's command) in its own process group and talks to it over a real
 * socket with undici, as a browser would for each kind of CORS request.
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Started, send as sendTo, startExample } from './start.ts'

const app = 'https://app.example.com'
let server: Started

beforeAll(async () => {
  server = await startExample(fileURLToPath(new URL('..', import.meta.url)))
}, 30_000)

afterAll(() => server?.stop())

const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  sendTo(`${server.url}${path}`, method, headers, body)

describe('example-hono-node over a real socket', () => {
  it('grants a preflight from a listed front end, with credentials and the custom header', async () => {
    const res = await send('OPTIONS', '/api/notes', {
      origin: app,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-request-id',
    })
    expect(res.status).toBe(204)
    expect(res.header('access-control-allow-origin')).toBe(app)
    expect(res.header('access-control-allow-credentials')).toBe('true')
    expect(res.header('access-control-allow-methods')).toBe('GET, POST, DELETE')
    expect(res.header('access-control-allow-headers')).toBe('content-type, x-request-id')
    expect(res.header('access-control-max-age')).toBe('600')
    expect(res.header('vary')).toBe(
      'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network',
    )
  })

  it('refuses a cross-site POST from an unlisted origin with 403 before the handler (csrf): no note is added', async () => {
    const res = await send(
      'POST',
      '/api/notes',
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      JSON.stringify({ text: 'from evil' }),
    )
    expect(res.status).toBe(403)
    expect(res.text).toMatch(/^Cross-origin request refused/)
    expect((await send('GET', '/api/notes', {})).text).not.toContain('from evil')
  })

  it('refuses a preflight from an unlisted origin: no Access-Control-Allow-Origin', async () => {
    const res = await send('OPTIONS', '/api/notes', {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    })
    expect(res.status).toBe(403) // Corsica's documented answer; browsers fail it on the missing ACAO
    expect(res.header('access-control-allow-origin')).toBeNull()
    expect(res.header('access-control-allow-credentials')).toBeNull()
  })

  it('refuses a preflight asking for a header the policy does not allow', async () => {
    const res = await send('OPTIONS', '/api/notes', {
      origin: app,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-api-key',
    })
    // Fetch, CORS-preflight fetch: every CORS-unsafe requested header must be in
    // Access-Control-Allow-Headers, or the browser fails the preflight. Corsica answers the
    // allowed origin with the policy's list (without x-api-key), so the browser says which header.
    expect(res.status).toBe(204)
    expect(res.header('access-control-allow-origin')).toBe(app)
    expect(res.header('access-control-allow-headers')).toBe('content-type, x-request-id')
    expect(res.header('access-control-max-age')).toBeNull()
  })

  it('adds CORS headers to an actual request and exposes x-request-id', async () => {
    const res = await send('GET', '/api/notes', { origin: app, 'x-request-id': 'r-1' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toEqual(['buy milk'])
    expect(res.header('x-request-id')).toBe('r-1')
    expect(res.header('access-control-allow-origin')).toBe(app)
    expect(res.header('access-control-allow-credentials')).toBe('true')
    expect(res.header('access-control-expose-headers')).toBe('x-request-id')
    expect(res.header('vary')).toBe('Origin')
  })

  it('keeps the 500 from app.onError readable by the front end', async () => {
    const res = await send('GET', '/api/broken', { origin: app })
    expect(res.status).toBe(500)
    expect(JSON.parse(res.text)).toEqual({ error: 'the database is down' })
    expect(res.header('access-control-allow-origin')).toBe(app)
    expect(res.header('access-control-allow-credentials')).toBe('true')
  })

  it('gives an unlisted origin the data but no permission to read it', async () => {
    const res = await send('GET', '/api/notes', { origin: 'https://evil.example' })
    expect(res.status).toBe(200)
    expect(res.header('access-control-allow-origin')).toBeNull()
    expect(res.header('access-control-allow-credentials')).toBeNull()
    expect(res.header('vary')).toBe('Origin')
  })

  it('leaves routes outside /api alone', async () => {
    const res = await send('GET', '/', { origin: app })
    expect(res.status).toBe(200)
    expect(res.header('access-control-allow-origin')).toBeNull()
  })
})
