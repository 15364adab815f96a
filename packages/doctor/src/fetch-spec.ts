/**
 * The client side of the CORS protocol, as the Fetch standard defines it
 * (https://fetch.spec.whatwg.org/): what a browser may send without a preflight, and what it
 * lets script read. Pure functions over strings; no I/O.
 */
import { fetchSpec } from '@corsica/core'
import { mimeEssence } from './mime-type'

// The definitions the server side decides by too come from the core, so the doctor and the
// policy can never disagree about them.
export const { isToken, normalizeMethod, isForbiddenMethod, isForbiddenResponseHeader } = fetchSpec
export const SAFELISTED_RESPONSE_HEADERS: ReadonlySet<string> = fetchSpec.SAFELISTED_RESPONSE_HEADERS

/** Fetch: "A CORS-safelisted method is a method that is `GET`, `HEAD`, or `POST`." (byte-exact) */
export function isSafelistedMethod(method: string): boolean {
  return fetchSpec.SAFELISTED_METHODS.has(method)
}

const METHOD_OVERRIDE_HEADERS = new Set(['x-http-method', 'x-http-method-override', 'x-method-override'])

/**
 * Fetch: a forbidden request-header, which script cannot set (browsers drop it silently from
 * `fetch()` init). The method-override headers are forbidden only when they name a forbidden
 * method.
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase()
  if (fetchSpec.isForbiddenRequestHeader(lower)) return true
  if (!METHOD_OVERRIDE_HEADERS.has(lower)) return false
  return value.split(',').some((m) => isForbiddenMethod(m.trim()))
}

/**
 * Fetch: a CORS-unsafe request-header byte. Such a byte in `Accept` or `Content-Type` makes the
 * header need a preflight: `text/plain; charset="utf-8"` is not safelisted because of `"`.
 */
export function isUnsafeRequestHeaderByte(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09) ||
    code === 0x22 ||
    code === 0x28 ||
    code === 0x29 ||
    code === 0x3a ||
    code === 0x3c ||
    code === 0x3e ||
    code === 0x3f ||
    code === 0x40 ||
    code === 0x5b ||
    code === 0x5c ||
    code === 0x5d ||
    code === 0x7b ||
    code === 0x7d ||
    code === 0x7f
  )
}

function hasUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isUnsafeRequestHeaderByte(value.charCodeAt(i))) return true
  return false
}

/** Fetch: the bytes `Accept-Language` and `Content-Language` values may hold to stay safelisted. */
function isLanguageByte(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x20 ||
    c === 0x2a ||
    c === 0x2c ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x3b ||
    c === 0x3d
  )
}

/** The longest value a safelisted request header may have (Fetch: "If value's length is greater than 128, return false"). */
export const SAFELISTED_VALUE_MAX = 128

/** The most bytes all safelisted request headers together may carry before they all need a preflight. */
export const SAFELISTED_TOTAL_MAX = 1024

/** The three Content-Type essences a page may send without a preflight. */
export const SAFELISTED_CONTENT_TYPES: readonly string[] = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]

/** Why a header is not a CORS-safelisted request-header; null when it is one. */
export type UnsafeReason =
  | 'name'
  | 'too-long'
  | 'unsafe-byte'
  | 'language-byte'
  | 'content-type-unparsable'
  | 'content-type-essence'
  | 'range-value'
  | 'total-too-long'

/**
 * Fetch: "CORS-safelisted request-header" (name, value). Returns null when safelisted, or the
 * reason it is not, so the doctor can say *why* a header costs a preflight.
 */
export function unsafeReason(name: string, value: string): UnsafeReason | null {
  const lower = name.toLowerCase()
  if (!['accept', 'accept-language', 'content-language', 'content-type', 'range'].includes(lower))
    return 'name'
  if (value.length > SAFELISTED_VALUE_MAX) return 'too-long'
  switch (lower) {
    case 'accept':
      return hasUnsafeByte(value) ? 'unsafe-byte' : null
    case 'accept-language':
    case 'content-language':
      for (let i = 0; i < value.length; i++) if (!isLanguageByte(value.charCodeAt(i))) return 'language-byte'
      return null
    case 'content-type': {
      if (hasUnsafeByte(value)) return 'unsafe-byte'
      const essence = mimeEssence(value)
      if (essence === null) return 'content-type-unparsable'
      return SAFELISTED_CONTENT_TYPES.includes(essence) ? null : 'content-type-essence'
    }
    default:
      return isSimpleRange(value) ? null : 'range-value'
  }
}

/**
 * Fetch: "parse a single range header value" with allowWhitespace false, then require a first
 * position: `bytes=0-` and `bytes=10-20` are safelisted, `bytes=-5` and `bytes=0-1,5-6` are not.
 */
export function isSimpleRange(value: string): boolean {
  const m = /^bytes=(\d*)-(\d*)$/.exec(value)
  if (m === null || m[1] === '') return false
  return m[2] === '' || BigInt(m[1]!) <= BigInt(m[2]!)
}

/** One request header the page sets, and whether it makes the request need a preflight. */
export interface HeaderVerdict {
  /** Lower-case name. */
  name: string
  value: string
  reason: UnsafeReason | null
}

/**
 * Fetch: "CORS-unsafe request-header names". Each header that is not safelisted is unsafe; and
 * when the safelisted ones together exceed 1024 bytes, all of them become unsafe too. Returns a
 * verdict per header, in the order given.
 */
export function classifyHeaders(headers: ReadonlyArray<readonly [string, string]>): HeaderVerdict[] {
  const verdicts: HeaderVerdict[] = headers.map(([name, value]) => ({
    name: name.toLowerCase(),
    value,
    reason: unsafeReason(name, value),
  }))
  let total = 0
  for (const v of verdicts) if (v.reason === null) total += v.value.length
  if (total > SAFELISTED_TOTAL_MAX)
    for (const v of verdicts) if (v.reason === null) v.reason = 'total-too-long'
  return verdicts
}

/**
 * Fetch: "convert header names to a sorted-lowercase set": the value of
 * `Access-Control-Request-Headers`, joined with `,` and no space, as browsers send it.
 */
export function sortedLowercaseSet(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.toLowerCase()))].sort()
}

/** Fetch: "A CORS non-wildcard request-header name is a header name that is `Authorization`." */
export const NON_WILDCARD_REQUEST_HEADER = 'authorization'

/** The outcome of reading a `#token` list header: its values, or the first element that is not a token. */
export type ListValues = { ok: true; values: string[] } | { ok: false; bad: string }

/**
 * Fetch: "extracting header list values" for `Access-Control-Allow-Methods`,
 * `Access-Control-Allow-Headers` and `Access-Control-Expose-Headers` (ABNF `#method` /
 * `#field-name`). Several header lines were already joined with ", ". Empty elements are
 * accepted (RFC 9110 §5.6.1.2); any element that is not a token fails the whole header, which
 * is why `GET POST` or `x-a; x-b` break a preflight. Returns null when the header is absent.
 */
export function parseTokenList(combined: string | null): ListValues | null {
  if (combined === null) return null
  const values: string[] = []
  for (const raw of combined.split(',')) {
    const item = raw.replace(/^[ \t]+|[ \t]+$/g, '')
    if (item === '') continue
    if (!isToken(item)) return { ok: false, bad: item }
    values.push(item)
  }
  return { ok: true, values }
}

/** A request origin as browsers serialize it: `scheme://host[:port]`, or `null` for opaque origins. */
export function isSerializedOrigin(value: string): boolean {
  if (value === 'null') return true
  try {
    const url = new URL(value)
    return url.origin !== 'null' && url.origin === value
  } catch {
    return false
  }
}
