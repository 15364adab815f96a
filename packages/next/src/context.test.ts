/** The origin function's `(origin, request, event | context)`, and preflightContinue, in Next's edge runtime. */

import { NextFetchEvent } from 'next/dist/server/web/spec-extension/fetch-event.js'
import { NextRequest, NextResponse } from 'next/server.js'
import { describe, expect, test } from 'vitest'
import { checkOutcome, continueCases, handlers, toRequest } from '../../testkit/src/index.ts'
import { createCorsMiddleware } from './middleware'
import { withCors } from './route'

const APP = 'https://app.test'
const preflight = (origin: string) =>
  new NextRequest('http://api.test/api/items', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'PUT' },
  })

describe('the origin function', () => {
  test("gets the middleware's event, as Next calls it or after your own response", async () => {
    const seen: unknown[] = []
    const cors = createCorsMiddleware({
      origin: (origin, _request, event) => {
        seen.push(event)
        return origin === APP
      },
    })
    const request = new NextRequest('http://api.test/api/items', { headers: { origin: APP } })
    const event = new NextFetchEvent({ request, page: '/', context: undefined })
    const continued = await cors(request, event)
    expect(continued.headers.get('access-control-allow-origin')).toBe(APP)
    await cors(preflight(APP), event)
    await cors(request, NextResponse.next(), event)
    expect(seen).toEqual([event, event, event])
    await cors(request)
    expect(seen[3]).toBeUndefined()
  })

  test("gets a route handler's context", async () => {
    const context = { params: Promise.resolve({ id: '7' }) }
    let seen: unknown
    const { GET } = withCors(
      {
        origin: (origin, _request, ctx) => {
          seen = ctx
          return origin === APP
        },
      },
      { GET: (_request: Request, _context: unknown) => new Response('ok') },
    )
    const response = await GET(new Request('http://api.test/items/7', { headers: { origin: APP } }), context)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(seen).toBe(context)
  })
})

describe('preflightContinue', () => {
  test.each(continueCases.map((c) => [c.name, c] as const))('%s (route handlers)', async (_, c) => {
    const handler = (request: Request, _context: unknown) => handlers[c.handler ?? 'ok'](request)
    const { GET, OPTIONS } = withCors(c.options, { GET: handler, OPTIONS: handler })
    const request = toRequest(c)
    const response = await (request.method === 'OPTIONS' ? OPTIONS : GET)(request, {})
    expect(checkOutcome(c, response)).toEqual([])
  })

  test('in a middleware, a preflight continues to the route, with the grant on NextResponse.next()', async () => {
    const cors = createCorsMiddleware({ origin: [APP], preflightContinue: true })
    const granted = await cors(preflight(APP))
    expect(granted.headers.get('x-middleware-next')).toBe('1')
    expect(granted.headers.get('access-control-allow-origin')).toBe(APP)
    expect(granted.headers.get('access-control-allow-methods')).toBe('GET, HEAD, PUT, PATCH, POST, DELETE')
    const refused = await cors(preflight('https://evil.test'))
    expect(refused.headers.get('x-middleware-next')).toBe('1')
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })
})
