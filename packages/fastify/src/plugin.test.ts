/**
 * What Fastify users rely on beyond the shared table, over HTTP: error replies, custom error
 * handlers and 404s keep the CORS headers, Vary set by a route is merged, no OPTIONS route is
 * registered at the root, registering in a child context scopes the plugin (as @fastify/cors),
 * csrf refuses before the route runs, and a bad config fails the registration.
 */
import { CorsConfigError } from '@corsica/core'
import { onErrorNote } from '@corsica/testkit'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, type Running, send } from '../../node/test/http.ts'
import { fastifyApp } from '../test/app.ts'
import corsica from './index.ts'

const APP = 'https://app.test'
const EVIL = 'https://evil.test'
const preflight = (origin = APP) => ({ origin, 'access-control-request-method': 'PUT' })

describe('corsica at the root', () => {
  let server: Running
  const routes: string[] = []
  const ran: string[] = []
  beforeAll(async () => {
    const { app, listener } = fastifyApp()
    app.addHook('onRoute', (r) => {
      routes.push(`${r.method} ${r.url}`)
    })
    await app.register(corsica, { origin: [APP], credentials: true, csrf: true })
    app.addHook('onRequest', async (request) => {
      ran.push(`${request.method} ${request.url}`)
    })
    app.get('/throws', async () => {
      throw new Error('nope')
    })
    app.get('/vary', async (_request, reply) => {
      reply.header('vary', 'Accept-Encoding')
      return 'ok'
    })
    app.post('/write', async () => 'written')
    app.register(async (child) => {
      child.setErrorHandler(async (_error, _request, reply) => reply.code(418).send('custom'))
      child.get('/child-throws', async () => {
        throw new Error('nope')
      })
    })
    server = await listen(await listener())
  })
  afterAll(() => server.close())

  it("Fastify's error reply keeps the CORS headers", async () => {
    const r = await send(`${server.base}/throws`, 'GET', { origin: APP })
    expect([r.status, r.headers.get('access-control-allow-origin'), r.headers.get('vary')]).toEqual([
      500,
      APP,
      'Origin',
    ])
  })

  it("a custom error handler's reply keeps them", async () => {
    const r = await send(`${server.base}/child-throws`, 'GET', { origin: APP })
    expect([r.status, r.body, r.headers.get('access-control-allow-origin')]).toEqual([418, 'custom', APP])
  })

  it("Fastify's 404 keeps them", async () => {
    const r = await send(`${server.base}/nothing`, 'GET', { origin: APP })
    expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([404, APP])
  })

  it("a route's Vary is merged", async () => {
    const r = await send(`${server.base}/vary`, 'GET', { origin: APP })
    expect(r.headers.get('vary')).toBe('Accept-Encoding, Origin')
  })

  it('answers a preflight for any path from onRequest, with no OPTIONS route registered', async () => {
    ran.length = 0
    const r = await send(`${server.base}/anything/at/all`, 'OPTIONS', preflight())
    expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([204, APP])
    expect(routes.filter((r) => r.startsWith('OPTIONS'))).toEqual([])
    expect(ran).toEqual([]) // hooks registered after the plugin never saw it
  })

  it('csrf: a cross-origin write from an origin not trusted gets the 403 before the route', async () => {
    const r = await send(`${server.base}/write`, 'POST', { origin: EVIL, 'sec-fetch-site': 'cross-site' })
    expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([403, null])
    const ok = await send(`${server.base}/write`, 'POST', { origin: APP, 'sec-fetch-site': 'cross-site' })
    expect([ok.status, ok.body, ok.headers.get('access-control-allow-origin')]).toEqual([200, 'written', APP])
  })
})

describe('corsica registered in a child context (encapsulation, as @fastify/cors)', () => {
  let server: Running
  beforeAll(async () => {
    const { app, listener } = fastifyApp()
    app.get('/outside', async () => 'outside')
    await app.register(
      async (child: FastifyInstance) => {
        await child.register(corsica, { origin: [APP] })
        child.get('/inside', async () => 'inside')
      },
      { prefix: '/api' },
    )
    server = await listen(await listener())
  })
  afterAll(() => server.close())

  it("the child's routes get the headers", async () => {
    const r = await send(`${server.base}/api/inside`, 'GET', { origin: APP })
    expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([200, APP])
  })

  it('a preflight under its prefix is answered, even for a path with no route', async () => {
    for (const path of ['/api/inside', '/api/nothing']) {
      const r = await send(`${server.base}${path}`, 'OPTIONS', preflight())
      expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([204, APP])
    }
  })

  it('a plain OPTIONS under its prefix is not a preflight: 404 as without the plugin', async () => {
    const r = await send(`${server.base}/api/inside`, 'OPTIONS', { origin: APP })
    expect(r.status).toBe(404)
  })

  it('routes outside the child get nothing', async () => {
    const r = await send(`${server.base}/outside`, 'GET', { origin: APP })
    expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([200, null])
    const p = await send(`${server.base}/outside`, 'OPTIONS', preflight())
    expect([p.status, p.headers.get('access-control-allow-origin')]).toEqual([404, null])
  })
})

describe('a bad config', () => {
  it('rejects the registration with CorsConfigError', async () => {
    const { app } = fastifyApp()
    await expect(app.register(corsica, { origin: '*', credentials: true })).rejects.toBeInstanceOf(
      CorsConfigError,
    )
  })

  it('an onError function does nothing (Fastify answers what a route throws): said at registration', async () => {
    const note = await onErrorNote(async (options) => {
      const { app } = fastifyApp()
      await app.register(corsica, options)
      await app.close()
    })
    expect(note).toContain('Fastify answers what a route throws')
    expect(note).toContain('fastify.setErrorHandler((error, request, reply) => ...)')
  })
})

describe('corsica after an onRequest hook that set headers', () => {
  let server: Running
  beforeAll(async () => {
    const { app, listener } = fastifyApp()
    // A request-id hook and a badly written CORS one, registered before the plugin.
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*')
      reply.header('vary', 'Accept-Encoding')
      reply.header('x-request-id', 'r-1')
    })
    await app.register(corsica, { origin: [APP], methods: ['PUT'] })
    app.get('/', async () => 'ok')
    server = await listen(await listener())
  })
  afterAll(() => server.close())

  const preflight = (origin: string) =>
    send(`${server.base}/`, 'OPTIONS', { origin, 'access-control-request-method': 'PUT' })

  it('a refused preflight keeps the earlier x-request-id, never the earlier CORS grant; Vary is merged', async () => {
    const r = await preflight('https://evil.test')
    expect(r.status).toBe(403)
    expect(r.headers.get('access-control-allow-origin')).toBeNull()
    expect(r.headers.get('x-request-id')).toBe('r-1')
    expect(r.headers.get('vary')?.split(', ').slice(0, 2)).toEqual(['Accept-Encoding', 'Origin'])
  })

  it("a granted preflight carries the policy's grant alone", async () => {
    const r = await preflight(APP)
    expect(r.status).toBe(204)
    expect(r.headers.get('access-control-allow-origin')).toBe(APP)
    expect(r.headers.get('x-request-id')).toBe('r-1')
  })
})
