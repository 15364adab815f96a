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
 * or only for syntax when `allowed` is null (allowedHeaders: '*'). On success with '*', `names`
 * is the normalized list (lower case, comma-separated) for echoing back; with a listed set, ''.
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
      // Only '*' echoes the names: a listed set answers with its own list.
      if (allowed === null) names = names === '' ? name : `${names},${name}`
    }
    start = end + 1
  }
  return names === '' ? NONE : { ok: true, names }
}

/** How many allowed Access-Control-Request-Headers values a policy remembers. */
export const REMEMBERED_REQUEST_HEADERS = 128

/**
 * {@link checkRequestHeaders} for one policy, remembering the values it allowed: a browser asks
 * for the same list (its sorted, lower-case names) with every preflight of the same call, so the
 * common case is one Map lookup. Only allowed values are kept, at most
 * {@link REMEMBERED_REQUEST_HEADERS} of them (then the memory starts over), so a hostile client
 * can make it forget but neither grow it nor change an answer.
 */
export class RequestHeadersCheck {
  readonly #allowed: ReadonlySet<string> | null
  readonly #known = new Map<string, HeadersVerdict>()

  constructor(allowed: ReadonlySet<string> | null) {
    this.#allowed = allowed
  }

  /** How many values are remembered. */
  get size(): number {
    return this.#known.size
  }

  check(value: string | null): HeadersVerdict {
    // A value over the bound is refused unread: not even hashed for the lookup.
    if (value === null || value === '' || value.length > MAX_REQUEST_HEADERS_LENGTH) {
      return checkRequestHeaders(value, this.#allowed)
    }
    const known = this.#known.get(value)
    if (known !== undefined) return known
    const verdict = checkRequestHeaders(value, this.#allowed)
    if (verdict.ok) {
      if (this.#known.size === REMEMBERED_REQUEST_HEADERS) this.#known.clear()
      this.#known.set(value, verdict)
    }
    return verdict
  }
}
