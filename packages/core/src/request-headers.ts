/**
 * Reading Access-Control-Request-Headers with a bound: a preflight is answered in time that
 * does not grow with hostile input.
 */
import { isOWS, isToken } from './fetch-spec.ts'

/**
 * The longest Access-Control-Request-Headers value read. Browsers send the sorted, lower-case
 * names of the request's CORS-unsafe headers (Fetch: "CORS-unsafe request-header names"); a
 * thousand characters fit some sixty custom headers. Anything longer is refused unread.
 */
export const MAX_REQUEST_HEADERS_LENGTH = 1024

/** The outcome of checking the requested header names. */
export type HeadersVerdict =
  | { ok: true; names: string }
  | { ok: false; code: 'header-not-allowed' | 'headers-malformed'; header: string }

const NONE: HeadersVerdict = { ok: true, names: '' }

/**
 * Checks every name in Access-Control-Request-Headers against `allowed` (lower-case names),
 * or only for syntax when `allowed` is null (allowedHeaders: '*'). On success `names` is the
 * normalized list (lower case, comma-separated) for echoing back.
 *
 * The value may come on several header lines (joined with ", "), in any case, with spaces
 * and empty elements (RFC 9110 §5.6.1: recipients accept empty list elements).
 */
export function checkRequestHeaders(
  value: string | null,
  allowed: ReadonlySet<string> | null,
): HeadersVerdict {
  if (value === null || value === '') return NONE
  if (value.length > MAX_REQUEST_HEADERS_LENGTH) {
    return { ok: false, code: 'headers-malformed', header: `${value.length} characters` }
  }
  const lower = value.toLowerCase()
  let names = ''
  let start = 0
  while (start <= lower.length) {
    let end = lower.indexOf(',', start)
    if (end === -1) end = lower.length
    let a = start
    let b = end
    while (a < b && isOWS(lower.charCodeAt(a))) a++
    while (b > a && isOWS(lower.charCodeAt(b - 1))) b--
    if (a < b) {
      const name = lower.slice(a, b)
      // Configured names were checked to be tokens at start-up, so a listed name needs no check.
      if (!allowed?.has(name)) {
        if (!isToken(name)) return { ok: false, code: 'headers-malformed', header: name }
        if (allowed !== null) return { ok: false, code: 'header-not-allowed', header: name }
      }
      names = names === '' ? name : `${names},${name}`
    }
    start = end + 1
  }
  return names === '' ? NONE : { ok: true, names }
}
