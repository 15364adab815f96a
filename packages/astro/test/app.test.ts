/** Astro's own pitfalls, each by name, against the built test app (test/app). */
import { CorsConfigError } from '@corsica/core'
import { send } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'
import { cors } from '../src/index'

const url = inject('astroUrl')
const APP = 'https://app.example.com'
const EVIL = 'https://evil.example.net'
const ACAO = 'access-control-allow-origin'
const preflight = (origin: string, method = 'POST') => ({
  method: 'OPTIONS',
  headers: {
    origin,
    'access-control-request-method': method,
    'access-control-request-headers': 'content-type',
  },
})
const get = (path: string, origin = APP) => send(`${url}${path}`, { headers: { origin } })

describe('preflights', () => {
  test('without cors(), Astro answers a preflight to an endpoint with no OPTIONS export itself', async () => {
    const answer = await send(`${url}/bare/items`, preflight(APP))
    expect(answer.status).toBe(404)
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  test('with cors(), the same endpoint (GET and POST only) gets its preflight answered 204', async () => {
    const answer = await send(`${url}/api/items`, preflight(APP))
    expect(answer.status).toBe(204)
    expect(answer.headers.get(ACAO)).toBe(APP)
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type')
  })

  test('a refused preflight grants nothing', async () => {
    const answer = await send(`${url}/api/items`, preflight(EVIL))
    expect(answer.status).toBe(403)
    expect(answer.headers.get(ACAO)).toBeNull()
  })
})

describe('a thrown error', () => {
  test("Astro's bare 500 skips the middleware: a naive one never sees it", async () => {
    const answer = await get('/bare/throws')
    expect(answer.status).toBe(500)
    expect(answer.headers.get('x-naive-middleware')).toBeNull()
  })

  test('cors() catches it: the 500 keeps the CORS headers', async () => {
    const answer = await get('/api/throws')
    expect(answer.status).toBe(500)
    expect(answer.headers.get(ACAO)).toBe(APP)
    expect(answer.headers.get('vary')).toBe('Origin')
  })
})

describe('every other answer keeps the CORS headers', () => {
  test("an endpoint's JSON", async () => {
    const answer = await get('/api/items')
    expect(answer.status).toBe(200)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test("a URL no route matches: Astro's 404", async () => {
    const answer = await get('/api/nowhere')
    expect(answer.status).toBe(404)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('a page', async () => {
    const answer = await get('/')
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('Corsica on Astro')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('Response.redirect() (immutable headers) gets them on a copy', async () => {
    const answer = await get('/api/redirect')
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe('https://elsewhere.example/next')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })
})

describe("Astro's own origin check (security.checkOrigin, on by default)", () => {
  test('a cross-site form POST from an origin the policy allows is answered 403 before the middleware, without CORS headers', async () => {
    const answer = await send(`${url}/api/items`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(answer.status).toBe(403)
    expect(answer.body).toBe('Cross-site POST form submissions are forbidden')
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  test('a cross-site write with no Content-Type is refused the same way', async () => {
    const answer = await send(`${url}/api/items`, { method: 'POST', headers: { origin: APP } })
    expect(answer.status).toBe(403)
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  test('a JSON POST reaches the endpoint and gets the CORS headers', async () => {
    const answer = await send(`${url}/api/items`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(answer.status).toBe(201)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })
})

test('bad options throw a CorsConfigError at the call, when src/middleware.ts loads', () => {
  expect(() => cors({ origin: '*', credentials: true })).toThrow(CorsConfigError)
})
