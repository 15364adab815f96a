/**
 * Hardening: whatever response a handler returns, wrap() answers without throwing, and the
 * policy never writes a header with an empty value.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CorsOptions, createCors } from '../index.ts'
import { answer, get, preflight } from './requests.ts'

const APP = 'https://app.test'

describe('responses', () => {
  it('the reproduction: Response.error() passes through wrap() untouched', async () => {
    const policy = createCors({ origin: [APP] })
    const error = Response.error()
    const out = await policy.wrap(() => error)(get(APP))
    expect(out).toBe(error)
    expect(out.type).toBe('error')
    expect(policy.apply(Response.error(), { 'access-control-allow-origin': APP }).type).toBe('error')
    const asyncOut = await policy.wrap(async () => Response.error())(get(APP))
    expect(asyncOut.type).toBe('error')
  })

  it('an immutable response (Response.redirect) gets the headers on a copy', async () => {
    const policy = createCors({ origin: [APP] })
    const out = await policy.wrap(() => Response.redirect('https://elsewhere.test/', 302))(get(APP))
    expect(out.status).toBe(302)
    expect(out.headers.get('access-control-allow-origin')).toBe(APP)
    expect(out.headers.get('location')).toBe('https://elsewhere.test/')
  })

  it('the reproduction: methods: [] sends no empty Access-Control-Allow-Methods', async () => {
    const policy = createCors({ origin: [APP], methods: [] })
    const a = await answer(policy, preflight(APP, 'GET'))
    expect(a.status).toBe(204)
    expect(a.headers).not.toHaveProperty('access-control-allow-methods')
  })

  it('property: no header the policy writes is ever empty', async () => {
    const lists = fc.oneof(fc.constant('*' as const), fc.subarray(['PUT', 'x-a', 'x-b']))
    const options = fc.record({
      origin: fc.constantFrom<CorsOptions['origin']>([APP], '*', [APP, 'https://*.app.test']),
      methods: fc.oneof(fc.constant('*' as const), fc.subarray(['PUT', 'PATCH'])),
      allowedHeaders: lists,
      exposedHeaders: fc.oneof(fc.constant([] as string[]), fc.subarray(['x-id', 'content-type'])),
      credentials: fc.boolean(),
      maxAge: fc.option(fc.nat(1000), { nil: undefined }),
    })
    await fc.assert(
      fc.asyncProperty(
        options,
        fc.constantFrom('GET', 'PUT', 'PATCH', 'POST'),
        fc.constantFrom('', 'x-a', 'x-a, x-b', ' , '),
        async (o, method, acrh) => {
          if (o.origin === '*' && o.credentials) return
          const policy = createCors(o as CorsOptions)
          for (const r of [
            preflight(APP, method, acrh === '' ? {} : { 'access-control-request-headers': acrh }),
            get(APP),
          ]) {
            for (const [name, value] of Object.entries((await answer(policy, r)).headers)) {
              if (name !== 'content-type') expect(value.trim(), name).not.toBe('')
            }
          }
        },
      ),
      { numRuns: 500 },
    )
  }, 60_000)
})
