/**
 * Hardening: what a request sends is read only up to a bound, so a preflight costs the same
 * whatever an attacker puts in it, and nothing unbounded is ever echoed.
 */
import { describe, expect, it } from 'vitest'
import { createCors, MAX_REQUEST_HEADERS_LENGTH } from '../index.ts'
import { answer, get, preflight, recording } from './requests.ts'

const APP = 'https://app.test'

describe('bounds', () => {
  it('the reproduction: methods "*" with credentials no longer echoes a method of any length', async () => {
    const { policy, refusals } = recording({ origin: [APP], methods: '*', credentials: true })
    const long = 'X'.repeat(129)
    const a = await answer(policy, preflight(APP, long))
    expect(a.status).toBe(403)
    expect(a.headers['access-control-allow-methods']).toBeUndefined()
    expect(refusals[0]!.code).toBe('method-malformed')
    expect(refusals[0]!.message).toContain('129 characters')
    const ok = 'X'.repeat(128)
    expect((await answer(policy, preflight(APP, ok))).headers['access-control-allow-methods']).toBe(ok)
  })

  it('Access-Control-Request-Headers over the bound is refused unread', async () => {
    const { policy, refusals } = recording({ origin: [APP], allowedHeaders: '*' })
    const over = `${'a,'.repeat(MAX_REQUEST_HEADERS_LENGTH / 2)}b`
    expect(
      (await answer(policy, preflight(APP, 'PUT', { 'access-control-request-headers': over }))).status,
    ).toBe(403)
    expect(refusals[0]!.code).toBe('headers-malformed')
  })

  it('an Origin over 512 characters is malformed, and never echoed', async () => {
    const { policy, refusals } = recording({ origin: () => true })
    const origin = `https://${'a'.repeat(600)}.test`
    const a = await answer(policy, get(origin))
    expect(a.headers['access-control-allow-origin']).toBeUndefined()
    expect(refusals[0]!.code).toBe('origin-malformed')
    expect(refusals[0]!.message.length).toBeLessThan(300)
  })

  it('work does not grow with hostile input: 1 MB headers cost about what 1 KB do (generous bound)', () => {
    const policy = createCors({ origin: [APP], allowedHeaders: ['x-a'], methods: '*', credentials: true })
    const time = (size: number) => {
      const r = preflight(APP, 'M'.repeat(size), { 'access-control-request-headers': ', '.repeat(size / 2) })
      const start = performance.now()
      for (let i = 0; i < 200; i++) policy.preflight(r)
      return performance.now() - start
    }
    time(1024) // warm up
    const small = Math.max(time(1024), 1)
    const big = time(1024 * 1024)
    // Linear work would be 1000×; bounded work is about 1×. 50× leaves room for a noisy machine.
    expect(big / small).toBeLessThan(50)
  })
})
