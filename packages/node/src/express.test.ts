/**
 * What Express users rely on beyond the shared table, over HTTP in Express 5 and 4: error pages
 * and 404s keep the CORS headers, Vary set by the app is merged, a mounted middleware answers
 * preflights without any route, csrf refuses before any route runs, the origin function's
 * arguments, and a bad config failing at the user's call.
 */
import { CorsConfigError } from '@corsica/core'
import { onErrorNote } from '@corsica/testkit'
import express5 from 'express'
import express4 from 'express4'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, type Running, send } from '../test/http.ts'
import { cors, withCors } from './index.ts'

const APP = 'https://app.test'
const EVIL = 'https://evil.test'

for (const [name, express] of [
  ['Express 5', express5],
  ['Express 4', express4],
] as const) {
  describe(`cors() in ${name}`, () => {
    let server: Running
    const seen: string[] = []
    const originCalls: unknown[][] = []

    beforeAll(async () => {
      const app = express()
      app.use('/fn', (_req, res, next) => {
        res.locals.tenant = 't1'
        next()
      })
      app.use(
        '/fn',
        cors({
          origin: (origin: string, request: Request, req: any, res: any) => {
            originCalls.push([origin, request instanceof Request, request.url, req.method, res.locals.tenant])
            return origin === APP
          },
        }),
      )
      app.use('/csrf', cors({ origin: [APP], csrf: true }))
      app.use('/api', cors({ origin: [APP], credentials: true }))
      app.use((req, _res, next) => {
        seen.push(`${req.method} ${req.originalUrl}`)
        next()
      })
      app.get('/api/throws', () => {
        throw new Error('nope')
      })
      app.get('/api/401', (_req, _res, next) => next(new Error('401')))
      app.get('/api/vary-set', (_req, res) => {
        res.setHeader('Vary', 'Accept-Encoding')
        res.send('ok')
      })
      app.get('/api/vary-express', (_req, res) => {
        res.vary('Accept')
        res.send('ok')
      })
      app.get('/api/own-acao', (_req, res) => {
        res.set('Access-Control-Allow-Origin', '*').send('ok')
      })
      app.post('/csrf/write', (_req, res) => {
        res.send('written')
      })
      app.get('/fn/x', (_req, res) => {
        res.send('ok')
      })
      app.use((error: Error, _req: any, res: any, next: any) => {
        if (error.message === '401') res.status(401).send('unauthorized')
        else next(error)
      })
      server = await listen(app as any)
    })
    afterAll(() => server.close())

    it("Express's default error handler's 500 keeps the CORS headers", async () => {
      const r = await send(`${server.base}/api/throws`, 'GET', { origin: APP })
      expect([r.status, r.headers.get('access-control-allow-origin'), r.headers.get('vary')]).toEqual([
        500,
        APP,
        'Origin',
      ])
      expect(r.headers.get('access-control-allow-credentials')).toBe('true')
    })

    it("a custom error handler's answer keeps them", async () => {
      const r = await send(`${server.base}/api/401`, 'GET', { origin: APP })
      expect([r.status, r.body, r.headers.get('access-control-allow-origin')]).toEqual([
        401,
        'unauthorized',
        APP,
      ])
    })

    it("Express's 404 keeps them", async () => {
      const r = await send(`${server.base}/api/nothing-here`, 'GET', { origin: APP })
      expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([404, APP])
    })

    it("res.setHeader('Vary', …) after the middleware is merged, not lost", async () => {
      const r = await send(`${server.base}/api/vary-set`, 'GET', { origin: APP })
      expect(r.headers.get('vary')).toBe('Accept-Encoding, Origin')
    })

    it("Express's res.vary() is merged", async () => {
      const r = await send(`${server.base}/api/vary-express`, 'GET', { origin: APP })
      expect(r.headers.get('vary')).toBe('Accept, Origin')
    })

    it("a route's own Access-Control-Allow-Origin: * is not what a refused origin gets", async () => {
      const r = await send(`${server.base}/api/own-acao`, 'GET', { origin: EVIL })
      expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([200, null])
      const ok = await send(`${server.base}/api/own-acao`, 'GET', { origin: APP })
      expect(ok.headers.get('access-control-allow-origin')).toBe(APP)
    })

    it('a mounted middleware answers a preflight for any path under it, no app.options, no route runs', async () => {
      seen.length = 0
      const r = await send(`${server.base}/api/items/42`, 'OPTIONS', {
        origin: APP,
        'access-control-request-method': 'DELETE',
      })
      expect([
        r.status,
        r.headers.get('access-control-allow-origin'),
        r.headers.get('access-control-allow-methods'),
      ]).toEqual([204, APP, 'GET, HEAD, PUT, PATCH, POST, DELETE'])
      expect(seen).toEqual([])
    })

    it('csrf: a cross-origin write from an origin not trusted gets the 403, before any route', async () => {
      seen.length = 0
      const r = await send(`${server.base}/csrf/write`, 'POST', {
        origin: EVIL,
        'sec-fetch-site': 'cross-site',
      })
      expect(r.status).toBe(403)
      expect(r.headers.get('access-control-allow-origin')).toBeNull()
      expect(seen).toEqual([])
      const trusted = await send(`${server.base}/csrf/write`, 'POST', {
        origin: APP,
        'sec-fetch-site': 'cross-site',
      })
      expect([trusted.status, trusted.body, trusted.headers.get('access-control-allow-origin')]).toEqual([
        200,
        'written',
        APP,
      ])
      expect(seen).toEqual(['POST /csrf/write'])
    })

    it('the origin function gets (origin, a Fetch Request of this request, req, res)', async () => {
      originCalls.length = 0
      const r = await send(`${server.base}/fn/x?q=1`, 'GET', { origin: APP, host: 'api.test:8080' })
      expect(r.headers.get('access-control-allow-origin')).toBe(APP)
      expect(originCalls).toEqual([[APP, true, 'http://api.test:8080/fn/x?q=1', 'GET', 't1']])
    })
  })
}

describe('cors() options', () => {
  it('a bad config throws CorsConfigError at the call, its stack starting at the caller', () => {
    let error: unknown
    try {
      cors({ origin: '*', credentials: true })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CorsConfigError)
    const frames = String((error as Error).stack)
      .split('\n')
      .filter((l) => l.trim().startsWith('at '))
    expect(frames[0]).toContain('express.test.ts')
  })

  it('an onError function does nothing (Express answers what a route throws): said at start-up', async () => {
    const note = await onErrorNote((options) => cors(options))
    expect(note).toContain('Express (or Connect) answers what a route throws')
    expect(note).toContain('Fix: leave it out; shape error answers with an error handler:')
  })

  it('withCors: what the listener throws goes on to node:http, so onError does nothing there either', async () => {
    const note = await onErrorNote((options) => withCors(options, () => {}))
    expect(note).toContain('what your listener throws goes on to node:http')
  })
})

/** Headers an earlier middleware set, a badly written CORS one among them. */
function earlier(_req: unknown, res: any, next: () => void) {
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Access-Control-Allow-Headers', 'x-anything')
  res.setHeader('Vary', 'Accept-Encoding')
  res.setHeader('x-request-id', 'r-1')
  next()
}

for (const [name, express] of [
  ['Express 5', express5],
  ['Express 4', express4],
] as const) {
  describe(`cors() in ${name}, after a middleware that set headers`, () => {
    let server: Running
    beforeAll(async () => {
      const app = express()
      app.use(earlier)
      app.use(cors({ origin: [APP], methods: ['PUT'] }))
      app.use((_req: unknown, res: any) => res.send('ok'))
      server = await listen(app as any)
    })
    afterAll(() => server.close())

    const preflight = (origin: string) =>
      send(`${server.base}/`, 'OPTIONS', { origin, 'access-control-request-method': 'PUT' })

    it('a refused preflight keeps the earlier x-request-id, never the earlier CORS grant; Vary is merged', async () => {
      const r = await preflight(EVIL)
      expect(r.status).toBe(403)
      expect(r.headers.get('access-control-allow-origin')).toBeNull()
      expect(r.headers.get('access-control-allow-headers')).toBeNull()
      expect(r.headers.get('x-request-id')).toBe('r-1')
      expect(r.headers.get('vary')?.split(', ').slice(0, 2)).toEqual(['Accept-Encoding', 'Origin'])
    })

    it("a granted preflight carries the policy's grant alone", async () => {
      const r = await preflight(APP)
      expect(r.status).toBe(204)
      expect(r.headers.get('access-control-allow-origin')).toBe(APP)
      expect(r.headers.get('access-control-allow-headers')).toBeNull()
      expect(r.headers.get('x-request-id')).toBe('r-1')
    })
  })
}
