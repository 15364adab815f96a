/**
 * Elysia's own pitfalls, each by name, over HTTP against the apps of test/servers.ts in Bun.
 * Expected values follow the Fetch standard's CORS check and CORS-preflight fetch.
 */

import { send } from '@corsica/testkit/http'
import { describe, expect, inject, it } from 'vitest'

const APP = 'https://app.test'
const ACAO = 'access-control-allow-origin'
const ACAH = 'access-control-allow-headers'
const ACEH = 'access-control-expose-headers'
const { pitfalls, earlier } = inject('elysia')
const get = (path: string, origin = APP) => send(`${pitfalls}${path}`, { headers: { origin } })
const preflight = (base: string, path: string, origin = APP, requestHeaders?: string) =>
  send(`${base}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      ...(requestHeaders ? { 'access-control-request-headers': requestHeaders } : {}),
    },
  })

describe('Elysia pitfalls', () => {
  it('a preflight is answered before routing: no .options() route, even for an unknown path', async () => {
    for (const path of ['/json', '/no-such-route']) {
      const answer = await preflight(pitfalls, path, APP, 'content-type')
      expect(answer.status).toBe(204)
      expect(answer.headers.get(ACAO)).toBe(APP)
      expect(answer.headers.get(ACAH)).toBe('content-type')
    }
  })

  it("the handler's content type stays: an object is application/json, a string text/plain (not application/octet-stream)", async () => {
    const json = await get('/json')
    expect(json.headers.get('content-type')).toBe('application/json;charset=utf-8')
    expect(JSON.parse(json.body)).toEqual({ notes: [] })
    expect(json.headers.get(ACAO)).toBe(APP)
    const text = await get('/text')
    expect(text.headers.get('content-type')).toBe('text/plain;charset=utf-8')
    expect(text.body).toBe('plain')
    expect(text.headers.get(ACAO)).toBe(APP)
  })

  it('a POST body echoed as JSON keeps its content type and gets the grant', async () => {
    const answer = await send(`${pitfalls}/notes`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: '{"text":"hi"}',
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/json;charset=utf-8')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  it.each([
    ['status(409, …) returned', '/status', 409],
    ['status(401, …) thrown', '/throw-status', 401],
    ['a thrown Error (Elysia answers 500)', '/throw', 500],
    ["onError's own Response", '/on-error', 418],
    ['a 404 (no route)', '/no-such-route', 404],
  ] as const)('%s keeps the CORS headers', async (_, path, status) => {
    const answer = await get(path)
    expect(answer.status).toBe(status)
    expect(answer.headers.get(ACAO)).toBe(APP)
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
    expect(answer.headers.get(ACEH)).toBe('x-request-id')
    expect(answer.headers.get('vary')).toBe('Origin')
  })

  it("a handler's set.headers.vary is merged with Origin, not replaced", async () => {
    expect((await get('/vary')).headers.get('vary')).toBe('Accept-Encoding, Origin')
  })

  it('an immutable Response (Response.redirect) gets the headers on a copy', async () => {
    const answer = await get('/redirect')
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe('https://elsewhere.test/')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  it("a route's own Access-Control-Allow-Origin: * is removed for a refused origin", async () => {
    const answer = await get('/own-cors', 'https://evil.test')
    expect(answer.body).toBe('own')
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  // @elysiajs/cors 1.4 defaults allowedHeaders and exposeHeaders to true and echoes every request
  // header name, cf-* and x-forwarded-* from a CDN included (elysiajs/elysia-cors#76).
  it('request headers from a proxy (cf-*, x-forwarded-*) are never echoed into the CORS lists', async () => {
    const proxied = { 'cf-connecting-ip': '203.0.113.9', 'cf-ray': '8a1b', 'x-forwarded-for': '203.0.113.9' }
    const answer = await send(`${pitfalls}/json`, { headers: { origin: APP, ...proxied } })
    expect(answer.headers.get(ACEH)).toBe('x-request-id')
    expect(answer.headers.get(ACAH)).toBeNull()
    const pre = await send(`${pitfalls}/json`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'POST', ...proxied },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get(ACAH)).toBe('content-type') // the policy's list, whatever was sent
    expect(pre.headers.get(ACEH)).toBeNull()
  })

  it("an earlier hook's set.headers reach the preflight answer, but never its access-control-*", async () => {
    const refused = await preflight(earlier, '/', 'https://evil.test')
    expect(refused.status).toBe(403)
    expect(refused.headers.get(ACAO)).toBeNull()
    expect(refused.headers.get('x-request-id')).toBe('req-1')
    const granted = await preflight(earlier, '/')
    expect(granted.headers.get(ACAO)).toBe(APP)
    expect(granted.headers.get('x-request-id')).toBe('req-1')
  })

  it("an earlier hook's Access-Control-Allow-Origin: * is removed from a refused origin's actual answer", async () => {
    const answer = await send(`${earlier}/`, { headers: { origin: 'https://evil.test' } })
    expect(answer.status).toBe(200)
    expect(answer.headers.get(ACAO)).toBeNull()
    expect(answer.headers.get('vary')).toBe('Origin')
  })
})
