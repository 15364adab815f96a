/** The requests every subject answers, one fresh Request per iteration. */
import { allowedOrigins, LARGE_SIZE, type PolicyId, patternOrigin, refusedOrigin } from './policy.js'

/**
 * One kind of request, the policy it meets, and whether the targets treat it as ordinary traffic,
 * as an attack, or as ordinary traffic under a large allowlist.
 */
export interface Scenario {
  id: string
  label: string
  /** A column heading of a dozen characters at most. */
  short: string
  kind: 'ordinary' | 'hostile' | 'large'
  /** The policy every subject is configured with for this scenario; small unless said. */
  policy?: PolicyId
  method: string
  headers: Record<string, string>
}

const url = 'http://api.example.com/'
const origin = allowedOrigins[0]

// 16 KB of ", ": a list of 8193 empty elements, the cheapest way to make a naive parser
// allocate or loop (Fetch standard, "get, decode, and split" a header value).
const commaFlood = ', '.repeat(8192)

// 1000 distinct names, none allowed: forces a validating policy to look at every one.
const thousandNames = Array.from({ length: 1000 }, (_, i) => `x-h${i}`).join(', ')

const preflightAsks = {
  'access-control-request-method': 'PUT',
  'access-control-request-headers': 'content-type, x-request-id',
}
const entries = `${(2 * LARGE_SIZE).toLocaleString('en')} entries`

/**
 * The scenarios, in table order: the five ordinary ones first, then the two hostile preflights,
 * then two preflights under the large policy (10,000 exact origins + 10,000 patterns): one from a
 * subdomain of the middle pattern, one from an origin none of them lists.
 */
export const scenarios: readonly Scenario[] = [
  { id: 'no-origin', label: 'no Origin', short: 'no Origin', kind: 'ordinary', method: 'GET', headers: {} },
  {
    id: 'get-allowed',
    label: 'allowed GET',
    short: 'GET ok',
    kind: 'ordinary',
    method: 'GET',
    headers: { origin },
  },
  {
    id: 'get-refused',
    label: 'refused GET',
    short: 'GET refused',
    kind: 'ordinary',
    method: 'GET',
    headers: { origin: refusedOrigin },
  },
  {
    id: 'preflight-allowed',
    label: 'allowed preflight',
    short: 'pre ok',
    kind: 'ordinary',
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type, x-request-id',
    },
  },
  {
    id: 'preflight-refused',
    label: 'refused preflight',
    short: 'pre refused',
    kind: 'ordinary',
    method: 'OPTIONS',
    headers: {
      origin: refusedOrigin,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type, x-request-id',
    },
  },
  {
    id: 'preflight-16kb-commas',
    label: 'preflight, 16 KB of ", "',
    short: '16KB of ", "',
    kind: 'hostile',
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': commaFlood },
  },
  {
    id: 'preflight-1000-names',
    label: 'preflight, 1000 names',
    short: '1000 names',
    kind: 'hostile',
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': thousandNames,
    },
  },
  {
    id: 'large-pattern',
    label: `allowed preflight, pattern among ${entries}`,
    short: 'pre 20k pat',
    kind: 'large',
    policy: 'large',
    method: 'OPTIONS',
    headers: { origin: patternOrigin, ...preflightAsks },
  },
  {
    id: 'large-refused',
    label: `refused preflight, ${entries}`,
    short: 'pre 20k no',
    kind: 'large',
    policy: 'large',
    method: 'OPTIONS',
    headers: { origin: refusedOrigin, ...preflightAsks },
  },
]

/** A factory of fresh Requests for a scenario: what every timed iteration starts with. */
export function requestFactory(scenario: Scenario): () => Request {
  const { method, headers } = scenario
  return () => new Request(url, { method, headers })
}
