/** The example app on a real socket (127.0.0.1, a free port), sent what a browser sends. */
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.ts'

const APP = 'https://app.example.com'
let base: string
let stop: () => Promise<void>

beforeAll(async () => {
  const server = createApp().listen(0, '127.0.0.1')
  await once(server, 'listening')
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  stop = () => new Promise((resolve) => server.close(() => resolve()))
})
afterAll(() => stop())

async function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  const res = await request(`${base}${path}`, { method, headers, body, reset: true })
  const text = await res.body.text()
  const header = (name: string) => {
    const v = res.headers[name]
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v
  }
  return { status: res.statusCode, header, text }
}

describe('example: Express 5 + @corsica/node', () => {
  it('grants a preflight from a listed front end, before any route', async () => {
    const r = await send('OPTIONS', '/api/notes', {
      origin: APP,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-request-id',
    })
    expect(r.status).toBe(204)
    expect(r.header('access-control-allow-origin')).toBe(APP)
    expect(r.header('access-control-allow-credentials')).toBe('true')
    expect(r.header('access-control-allow-methods')).toBe('GET, POST, DELETE')
    expect(r.header('access-control-allow-headers')).toBe('content-type, x-request-id')
    expect(r.header('access-control-max-age')).toBe('600')
  })

  it('a preview deployment matches the pattern', async () => {
    const origin = 'https://pr-42.preview.example.com'
    const r = await send('GET', '/api/notes', { origin })
    expect([r.status, r.header('access-control-allow-origin')]).toEqual([200, origin])
  })

  it('grants the actual request, exposing x-request-id', async () => {
    const r = await send('GET', '/api/notes', { origin: APP, 'x-request-id': 'r-1' })
    expect(r.status).toBe(200)
    expect(r.header('access-control-allow-origin')).toBe(APP)
    expect(r.header('access-control-expose-headers')).toBe('x-request-id')
    expect(r.header('x-request-id')).toBe('r-1')
    expect(r.header('vary')).toContain('Origin')
  })

  it('a route that throws: the 500 carries the CORS headers, so the page sees the error', async () => {
    const r = await send('GET', '/api/broken', { origin: APP })
    expect([r.status, r.header('access-control-allow-origin')]).toEqual([500, APP])
  })

  it('an unlisted origin: 403 to its preflight, nothing granted on its requests', async () => {
    const p = await send('OPTIONS', '/api/notes', {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    })
    expect([p.status, p.header('access-control-allow-origin')]).toEqual([403, null])
    const g = await send('GET', '/api/notes', { origin: 'https://evil.example' })
    expect([g.status, g.header('access-control-allow-origin')]).toEqual([200, null])
  })

  it('csrf: a cross-site form post from elsewhere is refused before the route runs', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' }
    const r = await send('POST', '/api/notes', { ...form, origin: 'https://evil.example' }, 'text=pwned')
    expect(r.status).toBe(403)
    const notes = await send('GET', '/api/notes', {})
    expect(notes.text).not.toContain('pwned')
  })

  it('a listed front end may write', async () => {
    const r = await send(
      'POST',
      '/api/notes',
      { origin: APP, 'content-type': 'application/json' },
      '{"text":"hi"}',
    )
    expect([r.status, r.header('access-control-allow-origin')]).toEqual([201, APP])
  })
})
