/** React Router's own pitfalls, each by name, against the built test app (test/app). */
import { CorsConfigError } from '@corsica/core'
import { send } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'
import { cors } from '../src/index'

const url = inject('reactRouterUrl')
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
  test('without cors(), React Router hands a preflight to a resource route to its loader', async () => {
    const answer = await send(`${url}/bare/items`, preflight(APP))
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('[{"id":1}]')
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  test('with cors(), a preflight to a resource route is answered 204 before its action', async () => {
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

  test('React Router 7.18 answers a preflight to a document route 405 before any middleware: no CORS headers', async () => {
    const answer = await send(`${url}/`, preflight(APP, 'GET'))
    expect(answer.status).toBe(405)
    expect(answer.headers.get(ACAO)).toBeNull()
  })
})

describe('answers', () => {
  test("a resource route's JSON", async () => {
    const answer = await get('/api/items')
    expect(answer.status).toBe(200)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test("a loader that throws: React Router's 500 keeps the CORS headers", async () => {
    const answer = await get('/api/throws')
    expect(answer.status).toBe(500)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test("a document route whose loader throws: the ErrorBoundary's 500 page keeps the CORS headers", async () => {
    const answer = await get('/broken')
    expect(answer.status).toBe(500)
    expect(answer.headers.get('content-type')).toContain('text/html')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('a document', async () => {
    const answer = await get('/')
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('Corsica on React Router')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('Response.redirect() (immutable headers) gets them on a copy', async () => {
    const answer = await get('/api/redirect')
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe('https://elsewhere.example/next')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('React Router 7.18 runs no middleware for a URL no route matches: its 404 has no CORS headers', async () => {
    const answer = await get('/api/nowhere')
    expect(answer.status).toBe(404)
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  test('React Router has no CSRF check of its own: a cross-origin form POST reaches the action', async () => {
    const answer = await send(`${url}/api/items`, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(answer.status).toBe(201)
    expect(answer.headers.get(ACAO)).toBeNull()
  })
})

test('bad options throw a CorsConfigError at the call, when the route module loads', () => {
  expect(() => cors({ origin: '*', credentials: true })).toThrow(CorsConfigError)
})
