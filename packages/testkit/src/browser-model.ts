/**
 * A model of what a browser does with CORS, from the Fetch standard's client side: when it
 * sends a preflight and with which headers, the CORS check, the CORS-preflight check, and
 * which response headers script may read. Tests use it to assert the outcome a user sees.
 */

/** A cross-origin `fetch()` as a page makes it. */
export interface PageRequest {
  /** The page's origin (the request's Origin). */
  origin: string
  /** As passed to fetch(); normalized as fetch() does. @default 'GET' */
  method?: string
  headers?: Record<string, string>
  /** fetch()'s credentials mode. @default 'same-origin' (no cookies cross-origin) */
  credentials?: 'omit' | 'same-origin' | 'include'
  body?: string
}

/** What the browser made of it. `reason` is MDN's name for the failure. */
export interface BrowserVerdict {
  allowed: boolean
  preflight: boolean
  reason?: string
  /** Lower-case names of the response headers script can read (when allowed). */
  readable?: string[]
  status?: number
}

/** A response as the model needs it. */
interface SeenResponse {
  status: number
  headers: { get(name: string): string | null; keys?(): Iterable<string> }
}

const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'])
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST'])
const SAFELISTED_RESPONSE = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** Fetch: normalize a method. */
export function normalizeMethod(method: string): string {
  return NORMALIZED.has(method.toUpperCase()) ? method.toUpperCase() : method
}

/** Fetch: a CORS-unsafe request-header byte. */
function hasUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || '"():<>?@[\\]{}'.includes(value[i]!)) return true
  }
  return false
}

/** Fetch: CORS-safelisted request-header (name, value). */
export function isSafelistedRequestHeader(name: string, value: string): boolean {
  if (value.length > 128) return false
  switch (name.toLowerCase()) {
    case 'accept':
      return !hasUnsafeByte(value)
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value)
    case 'content-type': {
      if (hasUnsafeByte(value)) return false
      const essence = value.split(';')[0]!.trim().toLowerCase()
      return (
        essence === 'application/x-www-form-urlencoded' ||
        essence === 'multipart/form-data' ||
        essence === 'text/plain'
      )
    }
    case 'range':
      return /^bytes=[0-9]+-[0-9]*$/.test(value)
    default:
      return false
  }
}

/** Fetch: CORS-unsafe request-header names, sorted and lower-cased. */
export function unsafeHeaderNames(headers: Record<string, string> = {}): string[] {
  const unsafe = new Set<string>()
  const potentially: string[] = []
  let size = 0
  for (const [name, value] of Object.entries(headers)) {
    if (!isSafelistedRequestHeader(name, value)) unsafe.add(name.toLowerCase())
    else {
      potentially.push(name.toLowerCase())
      size += value.length
    }
  }
  if (size > 1024) for (const name of potentially) unsafe.add(name)
  return [...unsafe].sort()
}

/** Fetch, main fetch: a preflight is needed for a non-safelisted method or unsafe headers. */
export function needsPreflight(page: PageRequest): boolean {
  return (
    !SAFELISTED_METHODS.has(normalizeMethod(page.method ?? 'GET')) ||
    unsafeHeaderNames(page.headers).length > 0
  )
}

/** The headers a browser's preflight carries (Fetch: CORS-preflight fetch, steps 1–5). */
export function preflightHeaders(page: PageRequest): Record<string, string> {
  const headers: Record<string, string> = {
    origin: page.origin,
    'access-control-request-method': normalizeMethod(page.method ?? 'GET'),
  }
  const names = unsafeHeaderNames(page.headers)
  if (names.length > 0) headers['access-control-request-headers'] = names.join(',')
  return headers
}

/** Fetch §4.10 CORS check. Returns the MDN reason of a failure, or null on success. */
export function corsCheck(response: SeenResponse, page: PageRequest): string | null {
  const origin = response.headers.get('access-control-allow-origin')
  if (origin === null) return 'CORSMissingAllowOrigin'
  const include = page.credentials === 'include'
  if (!include && origin === '*') return null
  if (origin !== page.origin) {
    if (origin.includes(',')) return 'CORSMultipleAllowOriginNotAllowed'
    if (origin === '*') return 'CORSNotSupportingCredentials'
    return 'CORSAllowOriginNotMatchingOrigin'
  }
  if (!include) return null
  return response.headers.get('access-control-allow-credentials') === 'true'
    ? null
    : 'CORSMissingAllowCredentials'
}

/** Fetch: extract header list values as a list of tokens; null on a parse failure. */
function tokenList(value: string | null): string[] | null {
  if (value === null) return []
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return items.every((s) => TOKEN.test(s)) ? items : null
}

/** Fetch, CORS-preflight fetch step 7: whether the preflight response lets the request go. */
export function preflightCheck(response: SeenResponse, page: PageRequest): string | null {
  if (response.status < 200 || response.status > 299) return 'CORSPreflightDidNotSucceed'
  const cors = corsCheck(response, page)
  if (cors !== null) return cors
  const methods = tokenList(response.headers.get('access-control-allow-methods'))
  if (methods === null) return 'CORSInvalidAllowMethod'
  const names = tokenList(response.headers.get('access-control-allow-headers'))
  if (names === null) return 'CORSInvalidAllowHeader'
  const include = page.credentials === 'include'
  const method = normalizeMethod(page.method ?? 'GET')
  if (!methods.includes(method) && !SAFELISTED_METHODS.has(method) && (include || !methods.includes('*'))) {
    return 'CORSMethodNotFound'
  }
  const lowerNames = names.map((n) => n.toLowerCase())
  // `Authorization` is a CORS non-wildcard request-header name: `*` never covers it.
  const sent = Object.keys(page.headers ?? {}).map((n) => n.toLowerCase())
  if (sent.includes('authorization') && !lowerNames.includes('authorization')) {
    return 'CORSMissingAllowHeaderFromPreflight'
  }
  for (const name of unsafeHeaderNames(page.headers)) {
    if (!lowerNames.includes(name) && (include || !lowerNames.includes('*'))) {
      return 'CORSMissingAllowHeaderFromPreflight'
    }
  }
  return null
}

/** Fetch: the response headers script can read through a CORS-filtered response. */
export function readableHeaders(response: SeenResponse, page: PageRequest, all: string[]): string[] {
  const exposed = (tokenList(response.headers.get('access-control-expose-headers')) ?? []).map((n) =>
    n.toLowerCase(),
  )
  if (page.credentials !== 'include' && exposed.includes('*')) return all.filter((n) => n !== 'set-cookie')
  return all.filter((n) => SAFELISTED_RESPONSE.includes(n) || exposed.includes(n))
}

/**
 * Plays a page's cross-origin fetch() against a server reached through `send`, as a browser
 * would (without its preflight cache): preflight when needed, then the request, each checked.
 */
export async function browserFetch(
  send: (request: Request) => Promise<Response>,
  url: string,
  page: PageRequest,
): Promise<BrowserVerdict> {
  const preflight = needsPreflight(page)
  if (preflight) {
    const answer = await send(new Request(url, { method: 'OPTIONS', headers: preflightHeaders(page) }))
    const failure = preflightCheck(answer, page)
    await answer.body?.cancel()
    if (failure !== null) return { allowed: false, preflight, reason: failure, status: answer.status }
  }
  const headers = new Headers(page.headers)
  headers.set('origin', page.origin)
  if (page.credentials === 'include') headers.set('cookie', 'session=model')
  const method = normalizeMethod(page.method ?? 'GET')
  const body = method === 'GET' || method === 'HEAD' ? null : (page.body ?? null)
  const response = await send(new Request(url, { method, headers, body }))
  await response.body?.cancel()
  const failure = corsCheck(response, page)
  if (failure !== null) return { allowed: false, preflight, reason: failure, status: response.status }
  const names = [...response.headers.keys()]
  return {
    allowed: true,
    preflight,
    readable: readableHeaders(response, page, names),
    status: response.status,
  }
}
