/**
 * The requests every subject answers. Each scenario's Request is built once, outside the timed loop,
 * and handed to the handler at every iteration (nothing here reads a body or keeps the Request).
 */
import { allowedOrigins, LARGE_SIZE, type PolicyId, patternOrigin, refusedOrigin } from './policy.js'

/**
 * One kind of request, the policy it meets, and whether the targets treat it as ordinary traffic,
 * as an attack, as ordinary traffic under a large allowlist, or as a cross-site write (`csrf`:
 * measured only next to the bare handler, where `@corsica/core wrap()` with `csrf: true` runs).
 */
export interface Scenario {
  id: string
  label: string
  /** A column heading of a dozen characters at most. */
  short: string
  kind: 'ordinary' | 'hostile' | 'large' | 'csrf'
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
/** What a browser sends with a cross-site form post (Fetch Metadata). */
const crossSitePost = { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }
const entries = `${(2 * LARGE_SIZE).toLocaleString('en')} entries`

/**
 * The scenarios, in table order: the five ordinary ones first, then the two hostile preflights,
 * then two preflights under the large policy (10,000 exact origins + 10,000 patterns): one from a
 * subdomain of the middle pattern, one from an origin none of them lists; last, two cross-site
 * POSTs (issue 20's csrf): one from a listed origin, one from an unlisted one, which a policy with
 * `csrf: true` answers 403 without running the handler (every other subject runs it).
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
  {
    id: 'post-allowed',
    label: 'allowed cross-site POST',
    short: 'POST ok',
    kind: 'csrf',
    method: 'POST',
    headers: { origin, ...crossSitePost },
  },
  {
    id: 'post-refused',
    label: 'refused cross-site POST',
    short: 'POST refused',
    kind: 'csrf',
    method: 'POST',
    headers: { origin: refusedOrigin, ...crossSitePost },
  },
]

/** The scenario's Request: built once, then given to the handler at every iteration. */
export function requestOf(scenario: Scenario): Request {
  return new Request(url, { method: scenario.method, headers: scenario.headers })
}
