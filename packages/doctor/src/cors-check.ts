/**
 * The browser's checks on responses, in the order Chromium runs them: the CORS check
 * (Fetch §4.9), the CORS-preflight fetch's checks (Fetch §4.8), and which response headers
 * script may read (Fetch: CORS-filtered response). Pure functions over response headers.
 */
import { type AccessError, type ChromeCorsError, preflightTwin } from './chrome-errors'
import {
  isForbiddenResponseHeader,
  isSafelistedMethod,
  NON_WILDCARD_REQUEST_HEADER,
  parseTokenList,
  SAFELISTED_RESPONSE_HEADERS,
} from './fetch-spec'
import type { ResponseHeaders } from './transport'

/** One failed check: what Chromium reports, and the value it names. */
export interface Failure {
  /** Chromium's error, or null for a rule Chromium does not enforce yet (Fetch and Firefox do). */
  chrome: ChromeCorsError | null
  /** The offending value (Chromium's "failed parameter"), or the header name at fault. */
  hint: string
  /** For list-header failures: the element that is not a token. */
  bad?: string
  /**
   * A rule outside Chromium's CORS errors: the standard's Authorization rule (engines depart),
   * or a redirect the browser cannot follow (a network error, not a CORS error, in Chromium).
   */
  rule?: 'authorization-wildcard' | 'redirect-not-http' | 'redirect-invalid'
}

/**
 * Fetch "CORS check" with Chromium's error kinds, all failures in the order met: the
 * Access-Control-Allow-Origin failure first (what the console shows), then a missing
 * Access-Control-Allow-Credentials, which the browser reports once the first is fixed.
 */
export function accessFailures(
  headers: ResponseHeaders,
  origin: string,
  credentials: boolean,
): AccessError[] {
  const failures: AccessError[] = []
  // Fetch: "Let origin be the result of getting `Access-Control-Allow-Origin`": several
  // header lines are combined with ", ", which then matches no origin.
  const acao = headers.get('access-control-allow-origin')
  if (acao === '*') {
    // Fetch: "If request's credentials mode is not "include" and origin is `*`, return success."
    if (credentials) failures.push('WildcardOriginNotAllowed')
  } else if (acao === null) {
    failures.push('MissingAllowOriginHeader')
  } else if (acao !== origin) {
    // Fetch: "If the result of byte-serializing a request origin with request is not origin,
    // then return failure." Chromium then names the failure after the value's shape.
    if (/[ ,]/.test(acao)) failures.push('MultipleAllowOriginValues')
    else if (acao !== 'null' && !URL.canParse(acao)) failures.push('InvalidAllowOriginValue')
    else failures.push('AllowOriginMismatch')
  }
  // Fetch: "If request's credentials mode is not "include", return success. ... If
  // credentials is `true`, return success." Byte-exact: `True` fails.
  if (credentials && headers.get('access-control-allow-credentials') !== 'true') {
    failures.push('InvalidAllowCredentials')
  }
  return failures
}

/** The value Chromium names for an access failure. */
export function accessHint(error: AccessError, headers: ResponseHeaders): string {
  if (error === 'InvalidAllowCredentials') return headers.get('access-control-allow-credentials') ?? ''
  if (error === 'WildcardOriginNotAllowed' || error === 'MissingAllowOriginHeader') return ''
  return headers.get('access-control-allow-origin') ?? ''
}

/** What the preflight check needs to know about the request the page makes. */
export interface PreflightRequest {
  origin: string
  method: string
  credentials: boolean
  /** Fetch: CORS-unsafe request-header names, sorted and lower-case. */
  unsafeNames: readonly string[]
  /** Lower-case names of every header the page sets (for the Authorization rule). */
  headerNames: readonly string[]
  privateNetwork: boolean
}

/** Redirect statuses (Fetch: "A redirect status is a status that is 301, 302, 303, 307, or 308"). */
export function isRedirect(status: number, headers: ResponseHeaders): boolean {
  return [301, 302, 303, 307, 308].includes(status) && headers.get('location') !== null
}

/** Whether the preflight's origin check failed (then the server may have refused it as a whole). */
export function isAccessFailure(f: Failure): boolean {
  return (
    f.chrome !== null &&
    /^Preflight(WildcardOrigin|MissingAllowOrigin|MultipleAllowOrigin|InvalidAllowOrigin|AllowOrigin|InvalidAllowCredentials)/.test(
      f.chrome,
    )
  )
}

/**
 * The CORS-preflight fetch's checks on the preflight response, in Chromium's order: redirect,
 * CORS check, ok status, private network, then Access-Control-Allow-Methods and -Headers
 * (parsed, then matched). Chromium stops at the first; the doctor goes on, so that one run
 * lists everything to fix. When the origin check fails and the response carries neither
 * Access-Control-Allow-Methods nor -Headers, the server did not answer the preflight at all and
 * the method and header checks are skipped (they would only repeat the same cause).
 */
export function preflightFailures(
  status: number,
  headers: ResponseHeaders,
  req: PreflightRequest,
): Failure[] {
  // Fetch: a CORS-preflight request's redirect mode is "error".
  if (isRedirect(status, headers)) return [{ chrome: 'PreflightDisallowedRedirect', hint: '' }]

  const failures: Failure[] = accessFailures(headers, req.origin, req.credentials).map((e) => ({
    chrome: preflightTwin(e),
    hint: accessHint(e, headers),
  }))
  const refusedWhole =
    failures.length > 0 &&
    headers.get('access-control-allow-methods') === null &&
    headers.get('access-control-allow-headers') === null

  // Fetch: "If a CORS check for request and response returns success and response's status is
  // an ok status" (200-299).
  if (status < 200 || status > 299) failures.push({ chrome: 'PreflightInvalidStatus', hint: String(status) })

  // Private Network Access: the preflight must answer `Access-Control-Allow-Private-Network: true`.
  if (req.privateNetwork) {
    const pna = headers.get('access-control-allow-private-network')
    if (pna === null) failures.push({ chrome: 'PreflightMissingAllowPrivateNetwork', hint: '' })
    else if (pna !== 'true') failures.push({ chrome: 'PreflightInvalidAllowPrivateNetwork', hint: pna })
  }
  if (refusedWhole) return failures

  // Fetch: "Let methods be the result of extracting header list values given
  // `Access-Control-Allow-Methods`... If either methods or headerNames is failure, return a
  // network error."
  const methods = parseTokenList(headers.get('access-control-allow-methods'))
  const names = parseTokenList(headers.get('access-control-allow-headers'))
  if (methods !== null && !methods.ok) {
    failures.push({ chrome: 'InvalidAllowMethodsPreflightResponse', hint: '', bad: methods.bad })
  }
  if (names !== null && !names.ok) {
    failures.push({ chrome: 'InvalidAllowHeadersPreflightResponse', hint: '', bad: names.bad })
  }

  // Fetch: "If request's method is not in methods, request's method is not a CORS-safelisted
  // method, and request's credentials mode is "include" or methods does not contain `*`,
  // return a network error." Byte-exact: `patch` is not in `PATCH`.
  if (methods === null || methods.ok) {
    const list = methods?.values ?? []
    const wildcard = !req.credentials && list.includes('*')
    if (!list.includes(req.method) && !isSafelistedMethod(req.method) && !wildcard) {
      failures.push({ chrome: 'MethodDisallowedByPreflightResponse', hint: req.method })
    }
  }

  if (names === null || names.ok) {
    const allowed = new Set((names?.values ?? []).map((n) => n.toLowerCase()))
    const wildcard = !req.credentials && allowed.has('*')
    // Fetch: "If one of request's header list's names is a CORS non-wildcard request-header
    // name and is not a byte-case-insensitive match for an item in headerNames, return a
    // network error." `*` never covers Authorization. No engine enforces this yet (see engines.ts).
    const authorizationOnlyByWildcard =
      wildcard &&
      req.headerNames.includes(NON_WILDCARD_REQUEST_HEADER) &&
      !allowed.has(NON_WILDCARD_REQUEST_HEADER)
    if (authorizationOnlyByWildcard)
      failures.push({ chrome: null, hint: NON_WILDCARD_REQUEST_HEADER, rule: 'authorization-wildcard' })
    // Fetch: "For each unsafeName of the CORS-unsafe request-header names with request's header
    // list, if unsafeName is not a byte-case-insensitive match for an item in headerNames and
    // request's credentials mode is "include" or headerNames does not contain `*`, return a
    // network error."
    for (const name of req.unsafeNames) {
      if (authorizationOnlyByWildcard && name === NON_WILDCARD_REQUEST_HEADER) continue
      if (!allowed.has(name) && !wildcard)
        failures.push({ chrome: 'HeaderDisallowedByPreflightResponse', hint: name })
    }
  }
  return failures
}

/** Which response headers script may read, and which it may not. */
export interface Readable {
  /** Lower-case names present in the response that script can read, sorted. */
  exposed: string[]
  /** Lower-case names present in the response that script cannot read, sorted. */
  hidden: string[]
  /** Names Access-Control-Expose-Headers lists that the response does not carry. */
  listedAbsent: string[]
  /** Whether a `*` in Access-Control-Expose-Headers was read literally (credentials). */
  wildcardIgnored: boolean
  /** Whether Access-Control-Expose-Headers could not be parsed (then it exposes nothing). */
  unparsable: boolean
}

/**
 * Fetch: a CORS-filtered response exposes the CORS-safelisted response-header names and the
 * names in Access-Control-Expose-Headers (all names for `*`, unless credentials are included),
 * never Set-Cookie.
 */
export function readableHeaders(headers: ResponseHeaders, credentials: boolean): Readable {
  const parsed = parseTokenList(headers.get('access-control-expose-headers'))
  const listed = parsed?.ok ? parsed.values.map((n) => n.toLowerCase()) : []
  const all = listed.includes('*') && !credentials
  const present = headers.names()
  const exposed: string[] = []
  const hidden: string[] = []
  for (const name of present) {
    if (isForbiddenResponseHeader(name)) hidden.push(name)
    else if (all || SAFELISTED_RESPONSE_HEADERS.has(name) || listed.includes(name)) exposed.push(name)
    else hidden.push(name)
  }
  return {
    exposed: exposed.sort(),
    hidden: hidden.sort(),
    listedAbsent: listed.filter((n) => n !== '*' && !present.includes(n)),
    wildcardIgnored: credentials && listed.includes('*'),
    unparsable: parsed !== null && !parsed.ok,
  }
}

/**
 * Fetch, HTTP-redirect fetch: "If locationURL is failure, return a network error. If
 * locationURL's scheme is not an HTTP(S) scheme, then return a network error." Null when the
 * browser can follow the redirect to `location`.
 */
export function redirectFailure(location: string, base: URL): Failure | null {
  let target: URL
  try {
    target = new URL(location, base)
  } catch {
    return { chrome: null, hint: location, rule: 'redirect-invalid' }
  }
  if (target.protocol === 'http:' || target.protocol === 'https:') return null
  // Chromium 156 fails a redirect to data: as net::ERR_UNSAFE_REDIRECT, and other schemes with
  // its CORS error CorsDisabledScheme.
  return {
    chrome: target.protocol === 'data:' ? null : 'CorsDisabledScheme',
    hint: target.href,
    rule: 'redirect-not-http',
  }
}
