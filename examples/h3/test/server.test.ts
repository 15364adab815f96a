/**
 * The example as its README runs it: `pnpm start` (node, h3's `serve`) on a free port, in its
 * own process group; undici sends what a browser would.
 */
import { fileURLToPath } from 'node:url'
import { type Child, startChild } from '@corsica/testkit/process'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const APP = 'https://app.example.com'

let server: Child
let base: string
beforeAll(async () => {
  const { child, match } = await startChild('pnpm', ['start'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { PORT: '0' },
    ready: /listening on (http:\/\/[^\s/]+)/,
  })
  server = child
  base = match[1]!
})
afterAll(() => server?.stop())

const send = async (path: string, method: string, headers: Record<string, string>, body?: string) => {
  const res = await request(`${base}${path}`, { method: method as 'GET', headers, body })
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() }
}

describe('example-h3 on Node', () => {
  it('answers a preflight with no OPTIONS route', async () => {
    const res = await send('/api/notes', 'OPTIONS', {
      origin: APP,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-request-id',
    })
    expect(res.status).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe(APP)
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect(res.headers['access-control-allow-headers']).toBe('content-type, x-request-id')
    expect(res.headers['access-control-max-age']).toBe('600')
  })

  it('grants a GET from the Vite dev server', async () => {
    const res = await send('/api/notes', 'GET', { origin: 'http://localhost:5173' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toEqual([{ id: 1, text: 'Try a cross-origin fetch' }])
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    expect(res.headers['access-control-expose-headers']).toBe('x-request-id')
  })

  it('creates a note (201), and a bad one is an HTTPError 400 with the grant', async () => {
    const headers = { origin: APP, 'content-type': 'application/json' }
    const created = await send('/api/notes', 'POST', headers, '{"text":"hi"}')
    expect(created.status).toBe(201)
    expect(JSON.parse(created.text)).toEqual({ id: 2, text: 'hi' })
    expect(created.headers['access-control-allow-origin']).toBe(APP)
    const bad = await send('/api/notes', 'POST', headers, '{}')
    expect(bad.status).toBe(400)
    expect(bad.headers['access-control-allow-origin']).toBe(APP)
  })

  it("a route that throws: h3's 500 carries the CORS headers", async () => {
    const res = await send('/api/broken', 'GET', { origin: APP })
    expect(res.status).toBe(500)
    expect(res.headers['access-control-allow-origin']).toBe(APP)
  })

  it('an unlisted origin: 403 to its preflight, nothing granted on its GET', async () => {
    const evil = 'https://evil.example'
    const pre = await send('/api/notes', 'OPTIONS', { origin: evil, 'access-control-request-method': 'POST' })
    expect(pre.status).toBe(403)
    expect(pre.headers['access-control-allow-origin']).toBeUndefined()
    const res = await send('/api/notes', 'GET', { origin: evil })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    expect(res.headers.vary).toBe('Origin')
  })
})
