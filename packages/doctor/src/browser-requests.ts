/**
 * The header lists a browser puts on the wire for a CORS request, as Chromium 156 sends them
 * (Fetch: CORS-preflight request, and the HTTP-network-or-cache fetch's `Origin`).
 */
import type { RequestPlan } from './plan'

type Header = readonly [string, string]

const USER_AGENT = 'corsica-doctor/0.1 (+https://github.com/corsica)'

/** Fetch Metadata, as Chromium sends it: a rough same-site test (same scheme, same host). */
function fetchMetadata(plan: RequestPlan, origin: string): Header[] {
  let site = 'cross-site'
  if (origin !== 'null') {
    const page = new URL(origin)
    if (page.protocol === plan.url.protocol && page.hostname === plan.url.hostname) site = 'same-site'
  }
  return [
    ['sec-fetch-mode', 'cors'],
    ['sec-fetch-site', site],
    ['sec-fetch-dest', 'empty'],
  ]
}

/**
 * Fetch, CORS-preflight fetch: `OPTIONS` with `Accept: *\/*`, `Access-Control-Request-Method`,
 * and, when there are unsafe names, `Access-Control-Request-Headers` (sorted, lower case, joined
 * with "," and no space); `Origin`; never cookies (the preflight's credentials mode is "omit").
 */
export function preflightHeaders(
  plan: RequestPlan,
  opts: { origin?: string; method?: string; names?: readonly string[]; privateNetwork?: boolean } = {},
): Header[] {
  const origin = opts.origin ?? plan.origin
  const names = opts.names ?? plan.unsafeNames
  const headers: Header[] = [
    ['accept', '*/*'],
    ['access-control-request-method', opts.method ?? plan.method],
  ]
  if (names.length > 0) headers.push(['access-control-request-headers', names.join(',')])
  if (opts.privateNetwork ?? plan.privateNetwork)
    headers.push(['access-control-request-private-network', 'true'])
  headers.push(['origin', origin], ['user-agent', USER_AGENT], ...fetchMetadata(plan, origin))
  return headers
}

/** The actual request: the page's headers, `Accept: *\/*` unless set, `Origin`, and the cookie with credentials. */
export function actualHeaders(plan: RequestPlan, opts: { origin?: string; cookie?: boolean } = {}): Header[] {
  const origin = opts.origin ?? plan.origin
  const headers: Header[] = plan.headers.map(([n, v]) => [n.toLowerCase(), v] as const)
  if (!headers.some(([n]) => n === 'accept')) headers.unshift(['accept', '*/*'])
  headers.push(['origin', origin], ['user-agent', USER_AGENT], ...fetchMetadata(plan, origin))
  if (opts.cookie !== false && plan.credentials && plan.cookie !== null) headers.push(['cookie', plan.cookie])
  return headers
}
