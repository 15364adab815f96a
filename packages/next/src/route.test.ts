import { CorsConfigError } from '@corsica/core'
import { checkOutcome, handlers, perOriginCases, toRequest } from '@corsica/testkit'
import { describe, expect, test, vi } from 'vitest'
import { withCors } from './route'

const APP = 'https://app.test'
const options = { origin: [APP] }
const url = 'http://api.test/items/7'

describe('withCors', () => {
  test('throws the config error when called, not on the first request', () => {
    expect(() => withCors({ origin: [] as string[], maxAge: -1 }, {})).toThrow(CorsConfigError)
  })

  test('passes the route context to the handler and adds the CORS headers to its response', async () => {
    const context = { params: Promise.resolve({ id: '7' }) }
    const { GET } = withCors(options, {
      GET: async (_request: Request, ctx: typeof context) => Response.json(await ctx.params),
    })
    const response = await GET(new Request(url, { headers: { origin: APP } }), context)
    expect(await response.json()).toEqual({ id: '7' })
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(response.headers.get('vary')).toBe('Origin')
  })

  test('adds OPTIONS: a preflight is answered, the handlers never run', async () => {
    let ran = false
    const handler = () => {
      ran = true
      return new Response('no')
    }
    const { OPTIONS } = withCors(options, { GET: handler, OPTIONS: handler })
    const response = await OPTIONS(
      new Request(url, {
        method: 'OPTIONS',
        headers: { origin: APP, 'access-control-request-method': 'PUT' },
      }),
    )
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(ran).toBe(false)
  })

  test("a non-preflight OPTIONS gets Next's default answer: 204 with Allow", async () => {
    const ok = () => new Response('ok')
    const { OPTIONS } = withCors(options, { GET: ok, DELETE: ok })
    const response = await OPTIONS(new Request(url, { method: 'OPTIONS' }))
    expect(response.status).toBe(204)
    expect(response.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS')
  })

  test("a non-preflight OPTIONS goes to the route's own OPTIONS handler", async () => {
    const mine = () => new Response('mine', { status: 200 })
    const { OPTIONS } = withCors(options, { OPTIONS: mine })
    const response = await OPTIONS(new Request(url, { method: 'OPTIONS', headers: { origin: APP } }))
    expect(await response.text()).toBe('mine')
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
  })

  test("a handler's exception is answered 500 with the CORS headers, and logged", async () => {
    const error = new Error('boom')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { GET } = withCors(options, {
      GET: (_request: Request, _context: unknown): Response => {
        throw error
      },
    })
    const response = await GET(new Request(url, { headers: { origin: APP } }), {})
    expect(response.status).toBe(500)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('[corsica] the handler threw'), error)
    logged.mockRestore()
  })

  test("with onError: false, a handler's exception propagates unchanged (Next's own 500)", async () => {
    const error = new Error('boom')
    const { GET } = withCors(
      { ...options, onError: false },
      {
        GET: (_request: Request, _context: unknown): Response => {
          throw error
        },
      },
    )
    expect(() => GET(new Request(url, { headers: { origin: APP } }), {})).toThrow(error)
  })
})

describe('withCors with a list of options (settings per origin): the per-origin table', () => {
  test.each(perOriginCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const handler = handlers[c.handler ?? 'ok']
    const route: Record<string, (request: Request) => Response | Promise<Response>> = withCors(c.options, {
      GET: handler,
      POST: handler,
      PUT: handler,
    })
    const response = await route[c.request.method]!(toRequest(c))
    expect(checkOutcome(c, response)).toEqual([])
  })
})
