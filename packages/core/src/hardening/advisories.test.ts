/**
 * Regression table: advisories that hit CORS libraries, each replayed against Corsica.
 */
import { describe, expect, it } from 'vitest'
import { createCors } from '../index.ts'
import { answer, configProblems, get, preflight } from './requests.ts'

describe('advisories that hit CORS libraries', () => {
  it('hono GHSA-q7jf-gf43-6x6p: Vary is never taken from the request', async () => {
    for (const options of [{ origin: ['https://app.test'] }, { origin: '*' as const }]) {
      const policy = createCors(options)
      for (const r of [
        get('https://app.test', { vary: '*' }),
        preflight('https://app.test', 'PUT', { vary: 'Cookie, *' }),
        get(undefined, { vary: 'X-Evil' }),
      ]) {
        const vary = (await answer(policy, r)).headers.vary ?? ''
        expect(vary).not.toMatch(/\*|cookie|x-evil/i)
      }
    }
  })

  it('jub0bs/cors GHSA-vhxv-fg4m-p2w8: barfoo.com is not matched by a list of foo.com and bar.com', async () => {
    const policy = createCors({
      origin: ['https://foo.com', 'https://bar.com', 'https://*.foo.com', 'https://*.bar.com'],
      credentials: true,
    })
    for (const ok of ['https://foo.com', 'https://bar.com', 'https://a.foo.com', 'https://a.b.bar.com']) {
      expect((await answer(policy, get(ok))).headers['access-control-allow-origin']).toBe(ok)
    }
    for (const evil of [
      'https://barfoo.com',
      'https://foobar.com',
      'https://foo.combar.com',
      'https://bar.com.foo',
      'https://xfoo.com',
    ]) {
      expect((await answer(policy, get(evil))).headers['access-control-allow-origin'], evil).toBeUndefined()
    }
  })

  it('expressjs/cors #220: a /g RegExp answers the same on every call', async () => {
    const policy = createCors({ origin: [/^https:\/\/app\.test$/g] })
    const seen = new Set<string | undefined>()
    for (let i = 0; i < 10; i++)
      seen.add((await answer(policy, get('https://app.test'))).headers['access-control-allow-origin'])
    expect([...seen]).toEqual(['https://app.test'])
  })

  it('rs/cors #170: a huge Access-Control-Request-Headers is refused without reading it', () => {
    // rs/cors spent 127 ms and 121 MB on one such preflight. Corsica reads at most 1024 characters.
    const policy = createCors({ origin: ['https://app.test'], allowedHeaders: ['x-a'] })
    const huge = preflight('https://app.test', 'PUT', {
      'access-control-request-headers': `${'a,'.repeat(500_000)}x-a`,
    })
    const start = performance.now()
    const response = policy.preflight(huge) as Response
    const elapsed = performance.now() - start
    expect(response.status).toBe(403)
    expect(elapsed).toBeLessThan(50) // generous: reading 1 MB name by name takes far longer
  })

  it('CVE-2026-54290: any origin reflected with credentials is refused at start-up, in every spelling', () => {
    for (const origin of [true, /^.*$/, /^https?:\/\/.+$/, ['https://app.test', /^.+$/]]) {
      const problems = configProblems({ origin, credentials: true })
      expect(problems, String(origin)).not.toBeNull()
    }
  })

  it('CVE-2026-69207: work on Access-Control-Request-Headers is linear, never quadratic', () => {
    const policy = createCors({ origin: ['https://app.test'], allowedHeaders: '*' })
    const run = (n: number) => {
      // n names, each one character: splitting and checking them must cost O(n).
      const r = preflight('https://app.test', 'PUT', {
        'access-control-request-headers': Array(n).fill('a').join(','),
      })
      const start = performance.now()
      for (let i = 0; i < 300; i++) policy.preflight(r)
      return performance.now() - start
    }
    run(500)
    const half = Math.max(run(250), 0.5)
    const full = run(500)
    // Quadratic work would be 4×; linear 2×. 8× leaves room for a noisy machine.
    expect(full / half).toBeLessThan(8)
  })
})
