/**
 * Hardening: with credentials, a plain-http origin that is not loopback is never granted unless
 * `dangerouslyAllowInsecureOrigins` says so: anyone on that page's network path can inject
 * script into it and read every credentialed answer.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCors } from '../index.ts'
import { answer, configProblems, get, recording } from './requests.ts'

describe('insecure origins with credentials', () => {
  it.each(['http://app.example.com', 'http://*.example.com', 'http://intranet.example:8080'])(
    'the reproduction: %s with credentials is refused at start-up, with both fixes',
    (origin) => {
      const problems = configProblems({ origin: [origin], credentials: true })
      expect(problems).toHaveLength(1)
      expect(problems![0]!.problem).toContain('plain http')
      expect(problems![0]!.fix).toContain('https://')
      expect(problems![0]!.fix).toContain('dangerouslyAllowInsecureOrigins: true')
    },
  )

  it.each([
    'http://localhost:3000',
    'http://localhost:*',
    'http://*.localhost',
    'http://app.localhost:5173',
    'http://127.0.0.1:8080',
    'http://127.1.2.3',
    'http://[::1]:3000',
  ])('loopback %s stays valid with credentials', (origin) => {
    expect(configProblems({ origin: [origin], credentials: true })).toBeNull()
  })

  it('without credentials, plain http is allowed as listed', () => {
    expect(configProblems({ origin: ['http://app.example.com'] })).toBeNull()
  })

  it('dangerouslyAllowInsecureOrigins: true allows it, and grants it', async () => {
    const policy = createCors({
      origin: ['http://app.example.com'],
      credentials: true,
      dangerouslyAllowInsecureOrigins: true,
    })
    const a = await answer(policy, get('http://app.example.com'))
    expect(a.headers['access-control-allow-origin']).toBe('http://app.example.com')
    expect(a.headers['access-control-allow-credentials']).toBe('true')
  })

  it('dangerouslyAllowInsecureOrigins must be a boolean', () => {
    expect(
      configProblems({ origin: ['https://a.test'], dangerouslyAllowInsecureOrigins: 'yes' })?.[0]?.option,
    ).toBe('dangerouslyAllowInsecureOrigins')
  })

  it('what a RegExp or the origin function allows is checked per request: http refused with origin-insecure', async () => {
    for (const origin of [/^https?:\/\/app\.example\.com$/, (o: string) => o.endsWith('app.example.com')]) {
      const { policy, refusals } = recording({
        origin: typeof origin === 'function' ? origin : [origin],
        credentials: true,
      })
      expect(
        (await answer(policy, get('https://app.example.com'))).headers['access-control-allow-origin'],
      ).toBe('https://app.example.com')
      const a = await answer(policy, get('http://app.example.com'))
      expect(a.headers['access-control-allow-origin']).toBeUndefined()
      expect(refusals.map((r) => r.code)).toEqual(['origin-insecure'])
      expect(refusals[0]!.fix).toContain('https://app.example.com')
    }
  })

  it('property: with credentials, no RegExp or function policy ever grants a non-loopback http origin', async () => {
    const host = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}(\.[a-z][a-z0-9-]{0,10}){0,2}$/)
    await fc.assert(
      fc.asyncProperty(
        host,
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        async (h, port) => {
          const origin = `http://${h}${port === undefined ? '' : `:${port}`}`
          const loopback = h === 'localhost' || h.endsWith('.localhost')
          const policy = createCors({ origin: () => true, credentials: true })
          const acao = (await answer(policy, get(origin))).headers['access-control-allow-origin']
          expect(acao === origin).toBe(loopback)
        },
      ),
      { numRuns: 300 },
    )
  }, 60_000)
})
