/** writeAnswer: the policy's answer on a framework's Response gives what withEarlierHeaders gives. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { withEarlierHeaders, writeAnswer } from './response-headers.ts'
import type { CorsAnswer } from './types.ts'

const GRANTED: CorsAnswer = {
  respond: true,
  status: 204,
  body: null,
  headers: {
    'access-control-allow-origin': 'https://app.example',
    'access-control-allow-methods': 'PUT',
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  },
}
const REFUSED: CorsAnswer = { respond: true, status: 403, body: null, headers: { vary: 'Origin' } }
const CSRF: CorsAnswer = {
  respond: true,
  status: 403,
  body: 'refused\n',
  headers: {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    vary: 'Origin',
  },
}

/** What a framework builds from the headers earlier middleware set, with the answer's status and body. */
const onEarlier = (earlier: [string, string][], a: CorsAnswer) =>
  new Response(a.body, { status: a.status, headers: earlier })
/** The answer's own Response, as the policy builds it. */
const own = (a: CorsAnswer) => new Response(a.body, { status: a.status, headers: a.headers })
/**
 * The headers, sorted; Vary as its set of field names (the order of a merge may differ), and as
 * `*` when it holds `*` (which varies on everything: writeAnswer keeps it alone, where
 * withEarlierHeaders adds it to the answer's names).
 */
const varyNames = (v: string) =>
  v.split(', ').includes('*') ? '*' : v.toLowerCase().split(', ').sort().join(', ')
const entries = (r: Response) =>
  [...r.headers]
    .map(([n, v]): [string, string] => [n, n === 'vary' ? varyNames(v) : v])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

describe('writeAnswer', () => {
  it('keeps earlier headers but never an earlier CORS or body header; merges Vary', () => {
    const earlier: [string, string][] = [
      ['x-request-id', 'r-1'],
      ['set-cookie', 'a=1'],
      ['access-control-allow-origin', '*'],
      ['access-control-allow-credentials', 'true'],
      ['content-type', 'text/html'],
      ['content-length', '12'],
      ['vary', 'Accept-Encoding'],
    ]
    const res = writeAnswer(onEarlier(earlier, REFUSED), REFUSED)
    expect(res.status).toBe(403)
    expect(entries(res)).toEqual([
      ['set-cookie', 'a=1'],
      ['vary', 'accept-encoding, origin'],
      ['x-request-id', 'r-1'],
    ])
  })

  it('property: gives the headers withEarlierHeaders gives, for any earlier headers', () => {
    const name = fc.constantFrom(
      'x-request-id',
      'set-cookie',
      'vary',
      'content-type',
      'content-length',
      'access-control-allow-origin',
      'access-control-allow-methods',
      'access-control-max-age',
      'cache-control',
    )
    const value = fc.constantFrom('a', 'Origin', 'accept-encoding', '*', 'true', '10')
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, value), { selector: ([n]) => n, maxLength: 6 }),
        fc.constantFrom(GRANTED, REFUSED, CSRF),
        (earlier, a) => {
          const written = writeAnswer(onEarlier(earlier, a), a)
          const merged = withEarlierHeaders(own(a), new Headers(earlier))
          expect(entries(written)).toEqual(entries(merged))
          expect(written.status).toBe(a.status)
        },
      ),
      { numRuns: 300 },
    )
  })
})
