/**
 * Definitions taken from the Fetch standard (https://fetch.spec.whatwg.org/) and RFC 9110,
 * shared by the option checks and the request checks.
 */

/** RFC 9110 §5.6.2 token: what method and header names are made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** Whether `value` is an RFC 9110 token (a valid method or header name). */
export function isToken(value: string): boolean {
  return TOKEN.test(value)
}

/** Fetch: "A CORS-safelisted method is a method that is `GET`, `HEAD`, or `POST`." */
export const SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST'])

/**
 * Fetch: "To normalize a method, if it is a byte-case-insensitive match for `DELETE`, `GET`,
 * `HEAD`, `OPTIONS`, `POST`, or `PUT`, byte-uppercase it." Every other method (PATCH!) is
 * sent exactly as the page wrote it, and compared byte-case-sensitively.
 */
const NORMALIZED_METHODS: ReadonlySet<string> = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'])

/** Normalizes a method as `fetch()` does before sending it. */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase()
  return NORMALIZED_METHODS.has(upper) ? upper : method
}

/** Fetch: "A forbidden method is a method that is a byte-case-insensitive match for `CONNECT`, `TRACE`, or `TRACK`." */
export function isForbiddenMethod(method: string): boolean {
  const upper = method.toUpperCase()
  return upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK'
}

/** Fetch: forbidden request-header names, which script can never set (lower case). */
const FORBIDDEN_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'access-control-request-private-network',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
])

/** Whether script is never allowed to set this request header (so allowing it is pointless). */
export function isForbiddenRequestHeader(lowerName: string): boolean {
  return (
    FORBIDDEN_REQUEST_HEADERS.has(lowerName) || lowerName.startsWith('proxy-') || lowerName.startsWith('sec-')
  )
}

/** Fetch: forbidden response-header names, which script can never read. */
export function isForbiddenResponseHeader(lowerName: string): boolean {
  return lowerName === 'set-cookie' || lowerName === 'set-cookie2'
}

/** Fetch: CORS-safelisted response-header names, readable without Access-Control-Expose-Headers. */
export const SAFELISTED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
])

/** Whether a char code is HTTP optional white space (SP or HTAB). */
export function isOWS(code: number): boolean {
  return code === 0x20 || code === 0x09
}
