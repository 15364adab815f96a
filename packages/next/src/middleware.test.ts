import { CorsConfigError } from '@corsica/core'
import { onErrorNote } from '@corsica/testkit'
// The class Next passes as a middleware's second argument (next/server exports only its type).
import { NextFetchEvent } from 'next/dist/server/web/spec-extension/fetch-event.js'
import { type NextMiddleware, type NextProxy, NextRequest, NextResponse } from 'next/server.js'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { createCorsMiddleware } from './middleware'

const APP = 'https://app.test'
const options = { origin: [APP], credentials: true, exposedHeaders: ['x-request-id'] }

function request(init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest('http://api.test/api/items', init)
}

describe('createCorsMiddleware', () => {
  test('is a NextMiddleware and a NextProxy', () => {
    expectTypeOf(createCorsMiddleware(options)).toExtend<NextMiddleware>()
    expectTypeOf(createCorsMiddleware(options)).toExtend<NextProxy>()
  })

  test('throws the config error when created, not on the first request', () => {
    expect(() => createCorsMiddleware({ origin: '*', credentials: true })).toThrow(CorsConfigError)
  })

  test('an onError function does nothing behind the proxy (Next answers what a route throws): said when created', async () => {
    const note = await onErrorNote((options) => createCorsMiddleware(options))
    expect(note).toContain('Next answers what a route or page throws')
    expect(note).toContain("withCors in the route's route.ts (it calls onError)")
  })

  test('called as Next calls it, (request, event): continues with NextResponse.next() and the headers', async () => {
    const req = request({ headers: { origin: APP } })
    const response = await createCorsMiddleware(options)(
      req,
      new NextFetchEvent({ request: req, page: '/', context: undefined }),
    )
    // NextResponse.next() is how a middleware says "continue" (the x-middleware-next header).
    expect(response.headers.get('x-middleware-next')).toBe('1')
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id')
    expect(response.headers.get('vary')).toBe('Origin')
  })

  test('takes a list of options: each origin gets the settings of the first entry that grants it', async () => {
    const proxy = createCorsMiddleware([
      { origin: [APP], credentials: true, methods: ['GET', 'DELETE'] },
      { origin: ['https://*.partner.test'], methods: ['GET'], maxAge: 60 },
    ])
    const admin = await proxy(request({ headers: { origin: APP } }))
    expect(admin.headers.get('x-middleware-next')).toBe('1')
    expect(admin.headers.get('access-control-allow-credentials')).toBe('true')
    const partner = await proxy(request({ headers: { origin: 'https://shop.partner.test' } }))
    expect(partner.headers.get('access-control-allow-origin')).toBe('https://shop.partner.test')
    expect(partner.headers.get('access-control-allow-credentials')).toBeNull()
    const preflight = await proxy(
      request({
        method: 'OPTIONS',
        headers: { origin: 'https://shop.partner.test', 'access-control-request-method': 'GET' },
      }),
    )
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET')
    expect(preflight.headers.get('access-control-max-age')).toBe('60')
    expect(() => createCorsMiddleware([{ origin: [APP] }, { origin: [APP], maxAge: -1 }])).toThrow(
      /\[1\]\.maxAge: -1 is not a whole number[\s\S]*\[1\]\.origin: is never used/,
    )
  })

  test("decorates the caller's own response", async () => {
    const own = NextResponse.json({ error: 'sign in' }, { status: 401 })
    const response = await createCorsMiddleware(options)(request({ headers: { origin: APP } }), own)
    expect(response).toBe(own)
    expect(response.status).toBe(401)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
  })

  test('decorates a copy of a response whose headers are immutable', async () => {
    const redirect = Response.redirect('https://app.test/login', 307)
    const response = await createCorsMiddleware(options)(request({ headers: { origin: APP } }), redirect)
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('https://app.test/login')
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
  })

  test('answers a preflight itself, whatever response the caller passes', async () => {
    const own = NextResponse.next()
    const preflight = request({
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'PUT' },
    })
    const response = await createCorsMiddleware(options)(preflight, own)
    expect(response).not.toBe(own)
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(response.headers.get('x-middleware-next')).toBeNull()
  })

  test('a refused origin continues without any grant', async () => {
    const response = await createCorsMiddleware(options)(
      request({ headers: { origin: 'https://evil.test' } }),
    )
    expect(response.headers.get('x-middleware-next')).toBe('1')
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    expect(response.headers.get('vary')).toBe('Origin')
  })
})
