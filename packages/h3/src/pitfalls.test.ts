/**
 * h3's own pitfalls, each by name, over HTTP against apps on h3's `serve`. Expected values follow
 * the Fetch standard's CORS check and CORS-preflight fetch.
 */

import { onErrorNote } from '@corsica/testkit'
import { send } from '@corsica/testkit/http'
import { H3, HTTPError } from 'h3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Served, serveApp } from '../test/serve.ts'
import { cors } from './index.ts'

const APP = 'https://app.test'
const EVIL = 'https://evil.test'
const ACAO = 'access-control-allow-origin'
const ACAH = 'access-control-allow-headers'
const policy = {
  origin: [APP],
  credentials: true,
  allowedHeaders: ['content-type'],
  exposedHeaders: ['x-request-id'],
}
const calls = { onError: 0, onResponse: 0 }

/** One policy for the whole app; the routes produce values, Responses and errors. */
const app = new H3({
  onError: (error) => {
    calls.onError++
    if (error.status === 418) return Response.json({ error: 'teapot' }, { status: 418 })
  },
  onResponse: () => {
    calls.onResponse++
  },
})
  .use(cors(policy))
  .get('/json', () => ({ notes: [] }))
  .get('/vary', (event) => {
    event.res.headers.set('vary', 'Accept-Encoding')
    return 'varies'
  })
  .get('/http-error', () => {
    throw new HTTPError({ status: 409, message: 'conflict' })
  })
  .get('/throw', () => {
    throw new Error('boom')
  })
  .get('/on-error', () => {
    throw new HTTPError({ status: 418 })
  })
  .get('/redirect', () => Response.redirect('https://elsewhere.test/', 302))
  .get('/own-cors', () => new Response('own', { headers: { [ACAO]: '*' } }))

/** Route-scoped: the middleware only on some routes, and on a path prefix. */
const scoped = new H3()
  .get('/scoped', () => 'scoped', { middleware: [cors(policy)] })
  .all('/scoped-all', () => 'scoped', { middleware: [cors(policy)] })
  .use('/api/**', cors(policy))
  .get('/api/items', () => [])
  .get('/open', () => 'open')

/** An earlier middleware prepares headers, a CORS header among them. */
const earlier = new H3()
  .use((event) => {
    event.res.headers.set('x-request-id', 'req-1')
    event.res.headers.set(ACAO, '*')
  })
  .use(cors({ origin: [APP] }))
  .get('/', () => 'ok')

let servers: Record<'app' | 'scoped' | 'earlier', Served>
beforeAll(async () => {
  servers = { app: await serveApp(app), scoped: await serveApp(scoped), earlier: await serveApp(earlier) }
})
afterAll(() => Promise.all(Object.values(servers).map((server) => server.close())))

const get = (path: string, origin = APP, base = servers.app.url) =>
  send(`${base}${path}`, { headers: { origin } })
const preflight = (path: string, origin = APP, base = servers.app.url) =>
  send(`${base}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  })

describe('h3 pitfalls', () => {
  it('a preflight is answered by app.use(cors()) without an OPTIONS route, even for an unknown path', async () => {
    for (const path of ['/json', '/no-such-route']) {
      const answer = await preflight(path)
      expect(answer.status).toBe(204)
      expect(answer.headers.get(ACAO)).toBe(APP)
      expect(answer.headers.get(ACAH)).toBe('content-type')
    }
  })

  it("a value keeps h3's content type", async () => {
    const answer = await get('/json')
    expect(answer.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  // h3 2.0 puts only event.res.errHeaders on an error's answer, and nothing on onError's Response.
  it.each([
    ['a thrown HTTPError', '/http-error', 409],
    ['a thrown Error (h3 answers 500)', '/throw', 500],
    ["the app's onError Response", '/on-error', 418],
    ['a 404 (no route)', '/no-such-route', 404],
  ] as const)('%s keeps the CORS headers', async (_, path, status) => {
    const answer = await get(path)
    expect(answer.status).toBe(status)
    expect(answer.headers.get(ACAO)).toBe(APP)
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
    expect(answer.headers.get('access-control-expose-headers')).toBe('x-request-id')
    expect(answer.headers.get('vary')).toBe('Origin')
  })

  it("the app's onError and onResponse run once per request, as without the middleware", async () => {
    const before = { ...calls }
    await get('/on-error')
    await get('/json')
    expect(calls.onError - before.onError).toBe(1)
    expect(calls.onResponse - before.onResponse).toBe(2)
  })

  it("event.res.headers' vary is merged with Origin, not replaced", async () => {
    expect((await get('/vary')).headers.get('vary')).toBe('Accept-Encoding, Origin')
  })

  it('an immutable Response (Response.redirect) gets the headers on a copy', async () => {
    const answer = await get('/redirect')
    expect(answer.status).toBe(302)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  it("a route's own Access-Control-Allow-Origin: * is removed for a refused origin", async () => {
    const answer = await get('/own-cors', EVIL)
    expect(answer.body).toBe('own')
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  it('route-scoped on app.get(): actual requests get the headers, but a preflight never matches a GET route', async () => {
    const base = servers.scoped.url
    expect((await get('/scoped', APP, base)).headers.get(ACAO)).toBe(APP)
    const answer = await preflight('/scoped', APP, base)
    expect(answer.status).toBe(404) // h3 matches no route for OPTIONS, so no route middleware runs
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  it('route-scoped on app.all() or app.use(path): preflights are answered too; other routes get nothing', async () => {
    const base = servers.scoped.url
    for (const path of ['/scoped-all', '/api/items']) {
      expect((await preflight(path, APP, base)).status).toBe(204)
      expect((await get(path, APP, base)).headers.get(ACAO)).toBe(APP)
    }
    expect((await get('/open', APP, base)).headers.get(ACAO)).toBeNull()
  })

  it("an earlier middleware's headers reach the preflight answer, but never its access-control-*", async () => {
    const base = servers.earlier.url
    const refused = await preflight('/', EVIL, base)
    expect(refused.status).toBe(403)
    expect(refused.headers.get(ACAO)).toBeNull()
    expect(refused.headers.get('x-request-id')).toBe('req-1')
    const actual = await get('/', EVIL, base)
    expect(actual.headers.get(ACAO)).toBeNull()
    expect(actual.headers.get('x-request-id')).toBe('req-1')
  })
})

it("an onError function does nothing (h3 answers what a route throws, with the app's onError): said at start-up", async () => {
  const note = await onErrorNote((options) => cors(options))
  expect(note).toContain('h3 answers what a route throws')
  expect(note).toContain('new H3({ onError: (error, event) => ... })')
})
