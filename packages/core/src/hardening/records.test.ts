/**
 * Hardening: every header record the policy hands out is frozen, so code that decorates one
 * record cannot turn later refusals into grants.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CorsHeaders, createCors } from '../index.ts'
import { get } from './requests.ts'

const APP = 'https://app.test'
const POLICIES = [
  { origin: [APP] },
  { origin: [APP], credentials: true, exposedHeaders: ['x-id'] },
  { origin: ['https://*.app.test', /^https:\/\/b\.test$/] },
  { origin: (o: string) => o === APP },
  { origin: async (o: string) => o === APP },
  { origin: '*' as const },
]

describe('records handed out are frozen', () => {
  it('the reproduction: decorating the record of one refusal does not grant the next', async () => {
    const policy = createCors({ origin: [APP] })
    const refused = policy.actualHeaders(get('https://evil.test')) as CorsHeaders
    expect(() => {
      ;(refused as Record<string, string>)['access-control-allow-origin'] = '*'
    }).toThrow(TypeError)
    const next = policy.actualHeaders(get('https://other.test')) as CorsHeaders
    expect(next['access-control-allow-origin']).toBeUndefined()
    const response = policy.apply(new Response('x'), next)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('property: every record, for any policy and origin, is frozen', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...POLICIES),
        fc.option(
          fc.constantFrom(APP, 'https://x.app.test', 'https://b.test', 'https://evil.test', 'null', 'bad'),
          {
            nil: undefined,
          },
        ),
        async (options, origin) => {
          const record = await createCors(options).actualHeaders(get(origin))
          expect(Object.isFrozen(record)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  }, 60_000)
})
