/** SvelteKit's own pitfalls, each by name, against the built test app (test/app). */
import { CorsConfigError } from '@corsica/core'
import { send } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'
import { cors } from '../src/index'

const url = inject('sveltekitUrl')
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

describe('preflights', () => {
  test('without the hook, SvelteKit answers a preflight to an endpoint with no OPTIONS export 405', async () => {
    const answer = await send(`${url}/bare/items`, preflight(APP))
    expect(answer.status).toBe(405)
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  test('with cors(), the same endpoint (GET and POST only) gets its preflight answered 204', async () => {
    const answer = await send(`${url}/api/items`, preflight(APP))
    expect(answer.status).toBe(204)
    expect(answer.headers.get(ACAO)).toBe(APP)
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type')
  })

  test('a preflight to a page route is answered too', async () => {
    const answer = await send(`${url}/`, preflight(APP, 'PUT'))
    expect(answer.status).toBe(204)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('a refused preflight grants nothing and never reaches SvelteKit', async () => {
    const answer = await send(`${url}/api/items`, preflight(EVIL))
    expect(answer.status).toBe(403)
    expect(answer.headers.get(ACAO)).toBeNull()
  })
})

describe('every answer keeps the CORS headers', () => {
  const get = (path: string, origin = APP) => send(`${url}${path}`, { headers: { origin } })

  test("an endpoint's JSON, with the header a later hook in sequence() set", async () => {
    const answer = await get('/api/items')
    expect(answer.status).toBe(200)
    expect(answer.headers.get(ACAO)).toBe(APP)
    expect(answer.headers.get('vary')).toBe('Origin')
    expect(answer.headers.get('x-later-hook')).toBe('ran')
    expect(answer.headers.get('access-control-expose-headers')).toBe('x-later-hook')
  })

  test('an endpoint that throws: SvelteKit’s 500', async () => {
    const answer = await get('/api/throws')
    expect(answer.status).toBe(500)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('error(418) from an endpoint', async () => {
    const answer = await get('/api/teapot')
    expect(answer.status).toBe(418)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('a URL no route matches: SvelteKit’s 404 page', async () => {
    const answer = await get('/api/nowhere')
    expect(answer.status).toBe(404)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('a page', async () => {
    const answer = await get('/')
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('Corsica on SvelteKit')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('Response.redirect() (immutable headers) gets them on a copy', async () => {
    const answer = await get('/api/redirect')
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe('https://elsewhere.example/next')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('a hook after cors() in sequence() that throws: SvelteKit answers 500 outside the hooks, without CORS headers', async () => {
    const answer = await get('/api/hook-throws')
    expect(answer.status).toBe(500)
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  test('a refused origin: the endpoint runs, nothing is granted', async () => {
    const answer = await get('/api/items', EVIL)
    expect(answer.status).toBe(200)
    expect(answer.headers.get(ACAO)).toBeNull()
    expect(answer.headers.get('vary')).toBe('Origin')
  })
})

describe("SvelteKit's own CSRF check (csrf.trustedOrigins empty, the default)", () => {
  test('a cross-origin form POST from an origin the policy allows is answered 403 before any hook, without CORS headers', async () => {
    const answer = await send(`${url}/api/items`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(answer.status).toBe(403)
    expect(answer.body).toBe('Cross-site POST form submissions are forbidden')
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  test('a JSON POST is not a form: it reaches the endpoint and gets the CORS headers', async () => {
    const answer = await send(`${url}/api/items`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(answer.status).toBe(201)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })
})

test('bad options throw a CorsConfigError at the call, when hooks.server.ts loads', () => {
  expect(() => cors({ origin: '*', credentials: true })).toThrow(CorsConfigError)
})
