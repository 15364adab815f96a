/**
 * Hardening: an answer depends only on request headers its Vary lists, so no shared cache can
 * hand one request's answer to another request it does not fit.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CorsOptions, createCors } from '../index.ts'
import { API, answer } from './requests.ts'

const APP = 'https://app.test'
const POLICIES: CorsOptions[] = [
  { origin: [APP] },
  { origin: [APP], privateNetworkAccess: true },
  { origin: [APP, 'https://*.app.test'], allowedHeaders: ['x-a'], methods: ['PUT'], credentials: true },
  { origin: '*', allowedHeaders: '*', methods: '*' },
  { origin: [/^https:\/\/b\.test$/], maxAge: 60 },
]

/** Header values a request may carry, each header absent when undefined. */
const HEADERS = {
  origin: [APP, 'https://x.app.test', 'https://b.test', 'https://evil.test', 'null', undefined],
  'access-control-request-method': ['PUT', 'DELETE', 'GET', 'patch', undefined],
  'access-control-request-headers': ['x-a', 'x-b', 'x-a, x-b', '', undefined],
  'access-control-request-private-network': ['true', undefined],
  // Headers no answer may depend on (hono GHSA-q7jf-gf43-6x6p took Vary from the request).
  vary: ['*', 'Cookie', undefined],
  cookie: ['a=1', undefined],
  'x-forwarded-host': ['evil.test', undefined],
} as const
type Name = keyof typeof HEADERS

const request = (method: string, headers: Partial<Record<Name, string | undefined>>) =>
  new Request(API, {
    method,
    headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >,
  })

describe('Vary lists every request header the answer depends on', () => {
  it('the reproduction: with privateNetworkAccess off, a preflight asking for it varies on it', async () => {
    // Refused, the PNA preflight still gets the origin and the lists (preflightRefusals:
    // 'explain'), but not the Max-Age a granted one carries: the answers differ.
    const policy = createCors({ origin: [APP], maxAge: 600 })
    const plain = await answer(
      policy,
      request('OPTIONS', { origin: APP, 'access-control-request-method': 'PUT' }),
    )
    const pna = await answer(
      policy,
      request('OPTIONS', {
        origin: APP,
        'access-control-request-method': 'PUT',
        'access-control-request-private-network': 'true',
      }),
    )
    expect(pna).not.toEqual(plain)
    for (const a of [plain, pna]) expect(a.headers.vary).toContain('Access-Control-Request-Private-Network')
  })

  it('property: changing a header that Vary does not list never changes the answer', async () => {
    const names = Object.keys(HEADERS) as Name[]
    const headers = fc.record(
      Object.fromEntries(names.map((n) => [n, fc.constantFrom(...HEADERS[n])])) as {
        [K in Name]: fc.Arbitrary<string | undefined>
      },
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...POLICIES),
        fc.constantFrom('OPTIONS', 'GET', 'POST'),
        headers,
        fc.constantFrom(...names),
        fc.nat(),
        async (options, method, h, changed, pick) => {
          const policy = createCors(options)
          const first = await answer(policy, request(method, h))
          const listed = (first.headers.vary ?? '').toLowerCase().split(', ')
          if (listed.includes(changed)) return
          const values = HEADERS[changed]
          const other = { ...h, [changed]: values[pick % values.length] }
          expect(await answer(policy, request(method, other)), `${changed} changed`).toEqual(first)
        },
      ),
      { numRuns: 1500 },
    )
  }, 60_000)
})
