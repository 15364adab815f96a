/**
 * Hardening: on a preflight, the CORS headers are the policy's alone, whatever middleware ran
 * before cors(); the other headers it set are kept, and Vary is merged.
 */
import fc from 'fast-check'
import { Hono, type MiddlewareHandler } from 'hono'
import { requestId } from 'hono/request-id'
import { describe, expect, it } from 'vitest'
import { cors } from './index.ts'

const APP = 'https://app.test'
const EVIL = 'https://evil.test'
const preflight = (origin: string, method = 'PUT') => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': method },
})

/** Middleware a real app might put before cors(), each setting headers its own way. */
const EARLIER: Record<string, MiddlewareHandler> = {
  'c.header ACAO *': async (c, next) => {
    c.header('access-control-allow-origin', '*')
    c.header('access-control-allow-credentials', 'true')
    c.header('x-request-id', 'r-1')
    await next()
  },
  'c.res.headers.set ACAO *': async (c, next) => {
    c.res.headers.set('access-control-allow-origin', '*')
    c.res.headers.set('access-control-allow-credentials', 'true')
    c.res.headers.set('access-control-allow-methods', 'DELETE')
    c.res.headers.set('x-request-id', 'r-1')
    await next()
  },
  'c.header Vary': async (c, next) => {
    c.header('vary', 'accept-encoding, origin')
    c.header('x-request-id', 'r-1')
    await next()
  },
}

function app(earlier: MiddlewareHandler[], credentials = true) {
  const a = new Hono()
  for (const m of earlier) a.use('*', m)
  a.use('*', cors({ origin: [APP], methods: ['PUT'], credentials }))
  a.options('*', (c) => c.text('route'))
  a.put('*', (c) => c.text('put'))
  return a
}

describe('@corsica/hono preflights after other middleware', () => {
  it.each(Object.entries(EARLIER))('%s: a refused preflight grants nothing', async (_, m) => {
    const res = await app([m]).request('/x', preflight(EVIL))
    expect(res.status).toBe(403)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    expect(res.headers.get('access-control-allow-methods')).toBeNull()
    expect(res.headers.get('x-request-id')).toBe('r-1')
  })

  it.each(Object.entries(EARLIER))(
    '%s: a refused method from an allowed origin gets the lists of the policy only',
    async (_, m) => {
      const res = await app([m]).request('/x', preflight(APP, 'DELETE'))
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe(APP)
      expect(res.headers.get('access-control-allow-credentials')).toBe('true')
      // The policy's list, never the earlier middleware's DELETE.
      expect(res.headers.get('access-control-allow-methods')).toBe('PUT')
      expect(res.headers.get('x-request-id')).toBe('r-1')
    },
  )

  it.each(Object.entries(EARLIER))(
    '%s: a granted preflight carries the policy headers only',
    async (_, m) => {
      const res = await app([m]).request('/x', preflight(APP))
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe(APP)
      expect(res.headers.get('access-control-allow-credentials')).toBe('true')
      expect(res.headers.get('access-control-allow-methods')).toBe('PUT')
      expect(res.headers.get('x-request-id')).toBe('r-1')
      expect(await res.text()).toBe('')
    },
  )

  it('Vary is merged without duplicates, case-insensitively', async () => {
    const res = await app([EARLIER['c.header Vary']!]).request('/x', preflight(APP))
    const names = res.headers
      .get('vary')!
      .split(', ')
      .map((n) => n.toLowerCase())
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual(
      expect.arrayContaining([
        'accept-encoding',
        'origin',
        'access-control-request-method',
        'access-control-request-headers',
      ]),
    )
  })

  it("with Hono's own requestId() middleware, the preflight keeps X-Request-Id", async () => {
    const res = await app([requestId()]).request('/x', preflight(APP))
    expect(res.status).toBe(204)
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
  })

  it('property: any mix of earlier middleware never changes the CORS headers of the answer', async () => {
    const baseline = async (request: ReturnType<typeof preflight>) => {
      const res = await app([]).request('/x', request)
      return [
        res.status,
        ...[
          'access-control-allow-origin',
          'access-control-allow-credentials',
          'access-control-allow-methods',
        ].map((n) => res.headers.get(n)),
      ]
    }
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(Object.values(EARLIER)),
        fc.constantFrom(preflight(APP), preflight(EVIL), preflight(APP, 'DELETE')),
        async (ms, request) => {
          const res = await app(ms).request('/x', request)
          const got = [
            res.status,
            ...[
              'access-control-allow-origin',
              'access-control-allow-credentials',
              'access-control-allow-methods',
            ].map((n) => res.headers.get(n)),
          ]
          expect(got).toEqual(await baseline(request))
        },
      ),
      { numRuns: 60 },
    )
  })
})
