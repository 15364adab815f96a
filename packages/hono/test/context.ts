/**
 * What cors() must do with Hono's context, in every runtime that runs it (Node, workerd): the
 * origin function gets `c`, options come from `c.env` (once per env object; bad ones answer
 * 500 and log once), and preflightContinue lets a route's `app.options()` answer.
 */
import { checkOutcome, continueCases, handlers, toRequest } from '@corsica/testkit'
import { type Context, Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { CorsConfigError, cors } from '../src/index.ts'

const APP = 'https://app.test'
const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'PUT' },
})

type Bindings = { ALLOWED_ORIGINS: string }

/** The tests, against `env`: Workers' real env in workerd, a plain object on Node. */
export function contextSuite(env: Bindings) {
  describe('the origin function', () => {
    it("gets Hono's Context, the one the route sees", async () => {
      const seen: Context[] = []
      const app = new Hono<{ Bindings: Bindings; Variables: { user: string } }>()
      app.use('*', async (c, next) => {
        c.set('user', 'ada')
        await next()
      })
      app.use(
        '*',
        cors({
          origin: (origin, _request, c) => {
            seen.push(c)
            return c.env.ALLOWED_ORIGINS.split(' ').includes(origin) && c.get('user') === 'ada'
          },
        }),
      )
      let routeContext: Context | undefined
      app.all('*', (c) => {
        routeContext = c
        return c.text('ok')
      })
      const res = await app.fetch(new Request('http://api.test/x', { headers: { origin: APP } }), env)
      expect(res.headers.get('access-control-allow-origin')).toBe(APP)
      expect(seen[0]).toBe(routeContext)
      const answer = await app.fetch(new Request('http://api.test/x', preflight(APP)), env)
      expect(answer.status).toBe(204)
      expect(seen).toHaveLength(2)
    })
  })

  describe('options from c.env', () => {
    it('are computed once per env object, for preflights and actual requests', async () => {
      const options = vi.fn((e: Bindings) => ({ origin: e.ALLOWED_ORIGINS.split(' '), credentials: true }))
      const app = new Hono<{ Bindings: Bindings }>()
      app.use('*', cors(options))
      app.all('*', (c) => c.text('ok'))
      for (let i = 0; i < 3; i++) {
        const res = await app.fetch(new Request('http://api.test/x', { headers: { origin: APP } }), env)
        expect(res.headers.get('access-control-allow-origin')).toBe(APP)
        expect(res.headers.get('access-control-allow-credentials')).toBe('true')
        expect((await app.fetch(new Request('http://api.test/x', preflight(APP)), env)).status).toBe(204)
      }
      const refused = await app.fetch(new Request('http://api.test/x', preflight('https://evil.test')), env)
      expect(refused.status).toBe(403)
      expect(options).toHaveBeenCalledTimes(1)
    })

    it('when bad, answer every request 500 with no grant, and log the CorsConfigError once per env', async () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      try {
        let routeRan = false
        const app = new Hono<{ Bindings: Bindings }>()
        app.use(
          '*',
          cors((e) => ({ origin: e.ALLOWED_ORIGINS, credentials: true, methods: 'PUT' as never })),
        )
        app.all('*', (c) => {
          routeRan = true
          return c.text('ok')
        })
        const bad = { ALLOWED_ORIGINS: '*' }
        for (const init of [preflight(APP), { headers: { origin: APP } }, {}]) {
          const res = await app.fetch(new Request('http://api.test/x', init), bad)
          expect(res.status).toBe(500)
          expect(res.headers.get('access-control-allow-origin')).toBeNull()
        }
        expect(routeRan).toBe(false)
        expect(error).toHaveBeenCalledTimes(1)
        const thrown = error.mock.calls[0]![1] as CorsConfigError
        expect(thrown).toBeInstanceOf(CorsConfigError)
        expect(thrown.problems.map((p) => p.option)).toEqual(['origin', 'methods'])
      } finally {
        error.mockRestore()
      }
    })
  })

  describe('preflightContinue', () => {
    it.each(continueCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      const app = new Hono()
      app.use('*', cors(c.options))
      const handler = handlers[c.handler ?? 'ok']
      app.all('*', (ctx) => handler(ctx.req.raw))
      expect(checkOutcome(c, await app.fetch(toRequest(c), env))).toEqual([])
    })

    it("lets a route's app.options() answer, with the grant on its answer", async () => {
      const app = new Hono()
      app.use('/api/*', cors({ origin: [APP], allowedHeaders: ['x-api-key'], preflightContinue: true }))
      app.options('/api/items', (c) => c.body(null, 204, { 'x-answered-by': 'route' }))
      app.put('/api/items', (c) => c.text('put'))
      const answer = await app.fetch(
        new Request('http://api.test/api/items', {
          method: 'OPTIONS',
          headers: {
            origin: APP,
            'access-control-request-method': 'PUT',
            'access-control-request-headers': 'x-api-key',
          },
        }),
        env,
      )
      expect(answer.status).toBe(204)
      expect(answer.headers.get('x-answered-by')).toBe('route')
      expect(answer.headers.get('access-control-allow-origin')).toBe(APP)
      expect(answer.headers.get('access-control-allow-headers')).toBe('x-api-key')
      const refused = await app.fetch(
        new Request('http://api.test/api/items', preflight('https://evil.test')),
        env,
      )
      expect(refused.headers.get('x-answered-by')).toBe('route')
      expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    })
  })
}
