/** The requests every subject answers, one fresh Request per iteration. */
import { allowedOrigins, refusedOrigin } from './policy.js'

/** One kind of request, and whether the targets treat it as ordinary traffic or as an attack. */
export interface Scenario {
  id: string
  label: string
  /** A column heading of a dozen characters at most. */
  short: string
  kind: 'ordinary' | 'hostile'
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

/** The scenarios, in table order: the five ordinary ones first, then the two hostile preflights. */
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
]

/** A factory of fresh Requests for a scenario: what every timed iteration starts with. */
export function requestFactory(scenario: Scenario): () => Request {
  const { method, headers } = scenario
  return () => new Request(url, { method, headers })
}
