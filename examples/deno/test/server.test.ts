/**
 * The example, for real: src/main.ts runs in the Deno binary from npm (type-checked with
 * --check) on 127.0.0.1, port 0, in its own process group; undici talks to it over a socket.
 * Expected values follow the Fetch standard's CORS check and CORS-preflight fetch.
 */
import { fileURLToPath } from 'node:url'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DenoServer, serveScript } from '../../../packages/deno/test/deno-process.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const app = 'https://app.example.com'
let server: DenoServer

beforeAll(async () => {
  server = await serveScript(here('../src/main.ts'), {
    config: here('../deno.json'),
    allowEnv: ['PORT', 'HOSTNAME'],
  })
})

afterAll(() => server?.stop())

const send = (path: string, method: string, headers: Record<string, string>, body?: string) =>
  request(`${server.origin}${path}`, { method, headers, body })

describe('example-deno on Deno.serve', () => {
  it('grants a credentialed preflight for POST with content-type and x-request-id', async () => {
    const res = await send('/api/notes', 'OPTIONS', {
      origin: app,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-request-id',
    })
    await res.body.dump()
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe(app)
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect(String(res.headers['access-control-allow-methods']).split(/,\s*/)).toContain('POST')
    expect(String(res.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/)).toEqual(
      expect.arrayContaining(['content-type', 'x-request-id']),
    )
    expect(res.headers['access-control-max-age']).toBe('600')
    expect(String(res.headers.vary)).toMatch(/\bOrigin\b/i)
  })

  it('answers a GET from the Vite dev server with credentials and the exposed request id', async () => {
    const res = await send('/api/notes', 'GET', { origin: 'http://localhost:5173', 'x-request-id': 'req-1' })
    expect(res.statusCode).toBe(200)
    expect(await res.body.json()).toEqual([{ id: 1, text: 'Try a cross-origin fetch' }])
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect(res.headers['access-control-expose-headers']).toBe('x-request-id')
    expect(res.headers['x-request-id']).toBe('req-1')
    expect(String(res.headers.vary)).toMatch(/\bOrigin\b/i)
  })

  it('creates a note from the admin app', async () => {
    const origin = 'https://admin.example.com'
    const res = await send(
      '/api/notes',
      'POST',
      { origin, 'content-type': 'application/json' },
      JSON.stringify({ text: 'from admin' }),
    )
    expect(res.statusCode).toBe(201)
    expect(await res.body.json()).toMatchObject({ text: 'from admin' })
    expect(res.headers['access-control-allow-origin']).toBe(origin)
  })

  it('refuses a cross-site POST from an unlisted origin with 403 before the handler (csrf): no note is added', async () => {
    const res = await send(
      '/api/notes',
      'POST',
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      JSON.stringify({ text: 'from evil' }),
    )
    expect(res.statusCode).toBe(403)
    expect(await res.body.text()).toMatch(/^Cross-origin request refused/)
    const notes = await send('/api/notes', 'GET', {})
    expect(JSON.stringify(await notes.body.json())).not.toContain('from evil')
  })

  it('gives an unlisted origin no CORS headers, only Vary: Origin', async () => {
    const res = await send('/api/notes', 'GET', { origin: 'https://evil.example' })
    await res.body.dump()
    expect(res.statusCode).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    expect(res.headers['access-control-allow-credentials']).toBeUndefined()
    expect(String(res.headers.vary)).toMatch(/\bOrigin\b/i)
  })

  it('refuses a preflight asking for a header the policy does not allow, and logs why', async () => {
    const res = await send('/api/notes', 'OPTIONS', {
      origin: app,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-api-key',
    })
    await res.body.dump()
    // The policy's own list, without x-api-key: the browser fails the preflight and names the header.
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe(app)
    expect(res.headers['access-control-allow-headers']).toBe('content-type, x-request-id')
    await expect.poll(() => server.output()).toContain('[cors] header-not-allowed')
  })

  it('refuses a preflight for a method the policy does not list (PUT)', async () => {
    const res = await send('/api/notes/1', 'OPTIONS', { origin: app, 'access-control-request-method': 'PUT' })
    await res.body.dump()
    // The methods the policy lists, without PUT: the browser fails the preflight and names the method.
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-methods']).toBe('GET, POST, DELETE')
  })
})
