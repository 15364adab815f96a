/**
 * Issue 19, item 1: with preflightContinue, a preflight's answer carries only the policy's
 * Access-Control-* headers, whoever answered it. A handler's own (hono/cors echoing the
 * requested headers behind @corsica/hono) must never widen a grant or turn a refusal into one.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCors } from '../index.ts'

const CORS_RESPONSE_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-allow-private-network',
  'access-control-expose-headers',
] as const

const value = fc.constantFrom(
  '*',
  'true',
  'x-api-key, authorization',
  'PUT, DELETE',
  '86400',
  'https://evil.test',
  '',
)
const handlerHeaders = fc.dictionary(
  fc.constantFrom(...CORS_RESPONSE_HEADERS, ...CORS_RESPONSE_HEADERS.map((n) => n.toUpperCase())),
  value,
)
const options = fc.record({
  origin: fc.constantFrom<string[] | '*'>(['https://app.test'], '*', ['https://app.test', 'https://b.test']),
  credentials: fc.boolean(),
  methods: fc.constantFrom<string[] | undefined>(undefined, [], ['PUT'], ['GET']),
  allowedHeaders: fc.constantFrom<string[] | '*' | undefined>(undefined, [], ['x-api-key'], '*'),
  maxAge: fc.constantFrom<number | undefined>(undefined, 0, 600),
  privateNetworkAccess: fc.boolean(),
  preflightRefusals: fc.constantFrom<'explain' | 'opaque'>('explain', 'opaque'),
})
const preflight = fc.record({
  origin: fc.constantFrom('https://app.test', 'https://evil.test', 'null', 'bad'),
  method: fc.constantFrom('PUT', 'DELETE', 'GET', 'patch'),
  headers: fc.constantFrom<string | undefined>(
    undefined,
    'x-api-key',
    'authorization',
    'x-api-key,content-type',
  ),
  privateNetwork: fc.boolean(),
})

function snapshot(headers: Headers): Record<string, string | null> {
  return Object.fromEntries(CORS_RESPONSE_HEADERS.map((name) => [name, headers.get(name)]))
}

describe('preflightContinue: the handler cannot add CORS headers to a preflight answer', () => {
  it('property: the answer has exactly the policy’s Access-Control-* headers, whatever the handler set', async () => {
    await fc.assert(
      fc.asyncProperty(options, preflight, handlerHeaders, async (o, p, own) => {
        fc.pre(!(o.origin === '*' && o.credentials))
        const headers: Record<string, string> = {
          origin: p.origin,
          'access-control-request-method': p.method,
        }
        if (p.headers !== undefined) headers['access-control-request-headers'] = p.headers
        if (p.privateNetwork) headers['access-control-request-private-network'] = 'true'
        const request = () => new Request('https://api.test/', { method: 'OPTIONS', headers })
        const base = { ...o, onRefuse: false as const }
        const policyAnswer = (await createCors(base).wrap(() => new Response('handler'))(
          request(),
        )) as Response
        const continued = await createCors({ ...base, preflightContinue: true }).wrap(
          () => new Response(null, { status: 204, headers: own }),
        )(request())
        expect(snapshot(continued.headers)).toEqual(snapshot(policyAnswer.headers))
      }),
      { numRuns: 400 },
    )
  })
})
