/** The platform's arguments reaching the origin function, and preflightContinue, in the core. */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { checkOutcome, continueCases, handlers, toRequest } from '../../testkit/src/index.ts'
import { createCors, isPreflight } from './index.ts'

const APP = 'https://app.test'
const preflight = new Request('http://api.test/x', {
  method: 'OPTIONS',
  headers: { origin: APP, 'access-control-request-method': 'PUT' },
})
const actual = new Request('http://api.test/x', { headers: { origin: APP } })

describe('the origin function sees the platform arguments', () => {
  interface Env {
    ORIGINS: string
  }
  const env: Env = { ORIGINS: APP }
  const ctx = { waitUntil() {} }
  const seen: unknown[][] = []
  const policy = createCors<[Env, typeof ctx]>({
    origin: (origin, request, e, c) => {
      seen.push([request, e, c])
      return e.ORIGINS.split(' ').includes(origin)
    },
  })

  it('through wrap(): (origin, request, ...rest), rest as the handler gets it', async () => {
    seen.length = 0
    const response = await policy.wrap((_r: Request, _e: Env, _c: typeof ctx) => new Response('ok'))(
      actual,
      env,
      ctx,
    )
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(seen).toEqual([[actual, env, ctx]])
    expect(seen[0]![1]).toBe(env)
    const answer = await policy.wrap((_r: Request, _e: Env, _c: typeof ctx) => new Response('no'))(
      preflight,
      env,
      ctx,
    )
    expect(answer.status).toBe(204)
    expect(seen[1]![1]).toBe(env)
  })

  it('through preflight() and actualHeaders()', async () => {
    seen.length = 0
    expect((await policy.preflight(preflight, env, ctx))?.status).toBe(204)
    expect(await policy.actualHeaders(actual, { ORIGINS: 'https://other.test' }, ctx)).toEqual({
      vary: 'Origin',
    })
    expect(seen.map((s) => s[1])).toEqual([env, { ORIGINS: 'https://other.test' }])
  })

  it('is typed by the policy', () => {
    expectTypeOf(policy.preflight).parameters.toEqualTypeOf<[Request, Env, typeof ctx]>()
    // @ts-expect-error: the env is required by this policy's origin function
    policy.actualHeaders(actual)
  })
})

describe('preflightContinue', () => {
  it.each(continueCases.map((c) => [c.name, c] as const))('%s (wrap)', async (_, c) => {
    const response = await createCors(c.options).wrap(handlers[c.handler ?? 'ok'])(toRequest(c))
    expect(checkOutcome(c, response)).toEqual([])
  })

  it.each(continueCases.map((c) => [c.name, c] as const))('%s (preflight, actualHeaders)', async (_, c) => {
    const policy = createCors(c.options)
    const request = toRequest(c)
    expect(await policy.preflight(request)).toBeNull() // the handler answers every request
    const response = policy.apply(handlers[c.handler ?? 'ok'](request), await policy.actualHeaders(request))
    expect(checkOutcome(c, response)).toEqual([])
  })

  it('still tells a preflight from another OPTIONS', () => {
    expect(isPreflight(preflight)).toBe(true)
  })
})
