/** What cors() must keep of Hono: start-up errors, onError responses, the raw Request, env, ctx. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onErrorNote } from '@corsica/testkit'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CorsConfigError, type CorsOptions, cors } from './index.ts'

const APP = 'https://app.test'
const EVIL = 'https://evil.test'
const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'PUT' },
})

describe('cors() options', () => {
  it('throws every configuration problem when cors() is called, before any request', () => {
    let thrown: unknown
    try {
      cors({ origin: '*', credentials: true, maxAge: -5 })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CorsConfigError)
    const message = String((thrown as Error).message)
    expect(message).toContain('origin')
    expect(message).toContain('maxAge')
  })

  it.each([
    ['options', (options: CorsOptions) => cors(options)],
    [
      'options from env, at the first request',
      async (options: CorsOptions) => {
        const app = new Hono().use(cors(() => options)).get('/', (c) => c.text('ok'))
        await app.request('/')
      },
    ],
  ])(
    '%s: an onError function does nothing (Hono answers what a route throws), and is said to',
    async (_, start) => {
      const note = await onErrorNote(start)
      expect(note).toContain('Hono answers what a route throws, and the CORS headers are added.')
      expect(note).toContain('Fix: leave it out; shape error answers with app.onError((error, c) => ...).')
    },
  )
})

describe('cors() in the middleware chain', () => {
  it('answers a preflight without calling the rest of the chain', async () => {
    let reached = 0
    const app = new Hono()
    app.use('*', cors({ origin: [APP] }))
    app.use('*', async (_c, next) => {
      reached++
      await next()
    })
    app.all('*', (c) => c.text('handler'))
    const res = await app.request('/x', preflight(APP))
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(reached).toBe(0)
  })

  it('puts CORS headers on the 500 that app.onError makes of a thrown Error', async () => {
    const app = new Hono()
    app.use('*', cors({ origin: [APP], credentials: true }))
    app.get('/boom', () => {
      throw new Error('boom')
    })
    app.onError((error, c) => c.json({ error: error.message }, 500))
    const res = await app.request('/boom', { headers: { origin: APP } })
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({ error: 'boom' })
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('vary')).toBe('Origin')
  })

  it("puts CORS headers on Hono's default error response (HTTPException)", async () => {
    const app = new Hono()
    app.use('*', cors({ origin: [APP] }))
    app.get('/private', () => {
      throw new HTTPException(401, { message: 'sign in first' })
    })
    const res = await app.request('/private', { headers: { origin: APP } })
    expect(res.status).toBe(401)
    expect(await res.text()).toBe('sign in first')
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
  })

  it('grants nothing on an error response for a refused origin', async () => {
    const app = new Hono()
    app.use('*', cors({ origin: [APP] }))
    app.get('/boom', () => {
      throw new Error('boom')
    })
    app.onError((_error, c) => c.text('failed', 500))
    const res = await app.request('/boom', { headers: { origin: EVIL } })
    expect(res.status).toBe(500)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('vary')).toBe('Origin')
  })

  it('lets a non-Error throw propagate, as Hono does without cors()', async () => {
    const app = new Hono()
    app.use('*', cors({ origin: [APP] }))
    app.get('/odd', () => {
      throw 'not an Error'
    })
    await expect(app.request('/odd', { headers: { origin: APP } })).rejects.toBe('not an Error')
  })

  it('gives the origin function the raw Request the route sees', async () => {
    const seen: Request[] = []
    const app = new Hono()
    app.use(
      '*',
      cors({
        origin: (origin, request) => {
          seen.push(request)
          return origin === APP
        },
      }),
    )
    let routeRequest: Request | undefined
    app.get('/x', (c) => {
      routeRequest = c.req.raw
      return c.text('ok')
    })
    const res = await app.request('/x', { headers: { origin: APP } })
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBe(routeRequest)
  })

  it('keeps c.env and the execution context working', async () => {
    const app = new Hono<{ Bindings: { GREETING: string } }>()
    app.use('*', cors({ origin: [APP] }))
    let waited = false
    app.get('/env', (c) => {
      c.executionCtx.waitUntil(Promise.resolve().then(() => (waited = true)))
      return c.text(c.env.GREETING)
    })
    const pending: Promise<unknown>[] = []
    const ctx = {
      waitUntil: (p: Promise<unknown>) => pending.push(p),
      passThroughOnException() {},
      props: {},
    }
    const res = await app.fetch(
      new Request('http://api.test/env', { headers: { origin: APP } }),
      { GREETING: 'hi' },
      ctx,
    )
    expect(await res.text()).toBe('hi')
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    await Promise.all(pending)
    expect(waited).toBe(true)
  })

  it('leaves routes outside its path alone', async () => {
    const app = new Hono()
    app.use('/api/*', cors({ origin: [APP] }))
    app.get('*', (c) => c.text('ok'))
    const outside = await app.request('/home', { headers: { origin: APP } })
    expect(outside.headers.get('access-control-allow-origin')).toBeNull()
    expect(outside.headers.get('vary')).toBeNull()
    const inside = await app.request('/api/x', { headers: { origin: APP } })
    expect(inside.headers.get('access-control-allow-origin')).toBe(APP)
  })
})

describe('a route that returns a fetch() response (immutable headers)', () => {
  let upstream: Server
  let upstreamUrl: string
  beforeAll(async () => {
    upstream = createServer((_req, res) => {
      res.writeHead(200, { 'access-control-allow-origin': '*', vary: 'Accept-Encoding', 'x-upstream': 'yes' })
      res.end('from upstream')
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/`
  })
  afterAll(async () => {
    upstream.closeAllConnections()
    await new Promise((resolve) => upstream.close(resolve))
  })

  function proxyApp() {
    const app = new Hono()
    app.use('*', cors({ origin: [APP], exposedHeaders: ['x-upstream'] }))
    app.get('*', () => fetch(upstreamUrl))
    return app
  }

  it('has immutable headers in the first place', async () => {
    const res = await fetch(upstreamUrl)
    await res.text()
    expect(() => res.headers.set('x-test', '1')).toThrow(TypeError)
  })

  it('gets the policy headers, upstream CORS headers replaced and Vary merged', async () => {
    const res = await proxyApp().request('/', { headers: { origin: APP } })
    expect(await res.text()).toBe('from upstream')
    expect(res.headers.get('x-upstream')).toBe('yes')
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('access-control-expose-headers')).toBe('x-upstream')
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Origin')
  })

  it("loses the upstream's own grant for a refused origin", async () => {
    const res = await proxyApp().request('/', { headers: { origin: EVIL } })
    expect(await res.text()).toBe('from upstream')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Origin')
  })
})
