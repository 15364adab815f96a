/**
 * From what the developer typed to the request a browser page would make: `fetch()`'s own
 * validation (Fetch: the Request constructor and Headers), then whether it needs a preflight.
 */
import {
  classifyHeaders,
  type HeaderVerdict,
  isForbiddenMethod,
  isForbiddenRequestHeader,
  isSafelistedMethod,
  isSerializedOrigin,
  isToken,
  normalizeMethod,
  SAFELISTED_CONTENT_TYPES,
  SAFELISTED_TOTAL_MAX,
  SAFELISTED_VALUE_MAX,
  sortedLowercaseSet,
  type UnsafeReason,
} from './fetch-spec'
import type { FetchHandler } from './transport'

/** What to diagnose: the call a page at `origin` makes to `url`. */
export interface DoctorInput {
  /** The URL the page fetches (http or https). */
  url: string
  /** The page's origin, e.g. `https://app.example.com`, or `null` (sandboxed iframe, file:). */
  origin: string
  /** @default 'GET' */
  method?: string
  /** Headers the page sets, as `"Name: value"` strings or [name, value] pairs. */
  headers?: ReadonlyArray<string | readonly [string, string]>
  /** `credentials: 'include'`: cookies travel, and the stricter rules apply. @default false */
  credentials?: boolean
  /** The page is public and the server on a private network: a Private Network Access preflight. @default false */
  privateNetwork?: boolean
  /** A request body to send with the actual request. */
  body?: string
  /** Per-request time limit in milliseconds. @default 10000 */
  timeoutMs?: number
  /**
   * Time limit of the whole diagnosis (every request: preflight, request, probes), in
   * milliseconds; each request gets `timeoutMs` or what is left of this, whichever is shorter.
   * @default 60000, or `timeoutMs` when that is longer
   */
  deadlineMs?: number
  /** Skip the server's library detection and word fixes for this one. @default 'auto' */
  server?: ServerFlavor | 'auto'
  /**
   * Send extra OPTIONS preflights (and a GET/HEAD repeat) to find why a preflight is refused and
   * whether any origin is reflected. They never repeat an unsafe method. @default true
   */
  probe?: boolean
  /**
   * A fetch handler to diagnose in-process instead of a server over the network: `app.fetch`
   * of Hono, a Worker's `fetch` (wrap it: `(r) => worker.fetch(r, env, ctx)`),
   * `createCors(...).wrap(...)`, a Next route's `GET`. Every request goes to it; no socket.
   */
  handler?: FetchHandler
}

/** The CORS library a server seems to use, which decides how fixes are worded. */
export type ServerFlavor = 'corsica' | 'hono' | 'express' | 'unknown'

/** The input cannot be turned into a browser request: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The request a browser would make, and why it needs a preflight. */
export interface RequestPlan {
  url: URL
  origin: string
  method: string
  /** Headers the page sets that the browser keeps (forbidden ones dropped), as given. */
  headers: Array<[string, string]>
  /** Each kept header with its CORS-safelisted verdict (plus the `Accept: *\/*` fetch adds). */
  verdicts: HeaderVerdict[]
  /** Fetch: CORS-unsafe request-header names (sorted, lower case): the Access-Control-Request-Headers value. */
  unsafeNames: string[]
  /** A cookie the browser would attach (only with credentials). */
  cookie: string | null
  credentials: boolean
  privateNetwork: boolean
  body: string | null
  /** Whether the browser sends a preflight first. */
  preflight: boolean
  /** Plain-language reasons for the preflight (empty when none). */
  preflightReasons: string[]
  /** Forbidden headers the browser would drop, with why. */
  dropped: string[]
  /** The target's address space, for private-network wording. */
  addressSpace: 'local' | 'private'
}

/** Validates the input as `fetch()` would, and works out the browser's request. */
export function planRequest(input: DoctorInput): RequestPlan {
  const url = parseUrl(input.url)
  const origin = input.origin
  if (!isSerializedOrigin(origin)) throw new UsageError(originProblem(origin))
  if (url.origin === origin) {
    throw new UsageError(
      `${url.href} is on the page's own origin ${origin}: CORS does not apply to same-origin requests`,
    )
  }
  const method = parseMethod(input.method ?? 'GET')
  if (input.body !== undefined && (method === 'GET' || method === 'HEAD')) {
    // Fetch: the Request constructor throws a TypeError for a GET or HEAD with a body.
    throw new UsageError(`fetch() refuses a body with ${method}; drop --data or pick another --method`)
  }
  const credentials = input.credentials === true
  const privateNetwork = input.privateNetwork === true

  const headers: Array<[string, string]> = []
  const dropped: string[] = []
  let cookie: string | null = null
  for (const raw of input.headers ?? []) {
    const [name, value] = typeof raw === 'string' ? splitHeader(raw) : checkHeader(raw[0], raw[1])
    if (name.toLowerCase() === 'cookie' && credentials) {
      cookie = cookie === null ? value : `${cookie}; ${value}`
    } else if (isForbiddenRequestHeader(name, value)) {
      dropped.push(
        name.toLowerCase() === 'cookie'
          ? 'Cookie: script cannot set it; the browser sends its own cookies, and only with credentials (--credentials)'
          : `${name}: a forbidden request header; fetch() drops it silently`,
      )
    } else {
      headers.push([name, value])
    }
  }

  // Fetch's fetch(): "If request's header list does not contain `Accept`, append `Accept`/`*/*`".
  // It is safelisted, but counts toward the 1024-byte budget.
  const withAccept: Array<[string, string]> = headers.some(([n]) => n.toLowerCase() === 'accept')
    ? headers
    : [...headers, ['Accept', '*/*']]
  const verdicts = classifyHeaders(combineSameName(withAccept))
  const unsafeNames = sortedLowercaseSet(verdicts.filter((v) => v.reason !== null).map((v) => v.name))

  const preflightReasons: string[] = []
  if (!isSafelistedMethod(method)) preflightReasons.push(methodReason(method))
  for (const v of verdicts)
    if (v.reason !== null) preflightReasons.push(headerReason(v.name, v.value, v.reason))
  if (privateNetwork) {
    preflightReasons.push(
      'a public page calling a private-network server (Private Network Access) always asks first',
    )
  }

  return {
    url,
    origin,
    method,
    headers,
    verdicts,
    unsafeNames,
    cookie,
    credentials,
    privateNetwork,
    body: input.body ?? null,
    preflight: preflightReasons.length > 0,
    preflightReasons,
    dropped,
    addressSpace: isLoopback(url.hostname) ? 'local' : 'private',
  }
}

function parseUrl(raw: string): URL {
  let url: URL
  // `localhost:3000/api` parses, as a URL with scheme `localhost:`.
  if (!raw.includes('://'))
    throw new UsageError(`${JSON.stringify(raw)} has no scheme; did you mean http://${raw}?`)
  try {
    url = new URL(raw)
  } catch {
    throw new UsageError(
      `${JSON.stringify(raw)} is not a URL; write it in full, like http://localhost:3000/api`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `${url.protocol} URLs have no CORS: browsers allow cross-origin requests only to http and https`,
    )
  }
  if (url.username !== '' || url.password !== '') {
    // Fetch: the Request constructor throws for a URL that includes credentials.
    throw new UsageError(
      'fetch() refuses URLs with a user name or password in them; remove them from the URL',
    )
  }
  url.hash = ''
  return url
}

function originProblem(origin: string): string {
  try {
    const url = new URL(origin)
    if (url.origin !== 'null') {
      return `--origin ${JSON.stringify(origin)} is not an origin as browsers send it; did you mean ${url.origin}? (scheme://host[:port], no path or trailing slash)`
    }
  } catch {}
  return `--origin ${JSON.stringify(origin)} is not an origin; write scheme://host[:port] like https://app.example.com, or null`
}

function parseMethod(raw: string): string {
  if (!isToken(raw)) throw new UsageError(`${JSON.stringify(raw)} is not a method name`)
  if (isForbiddenMethod(raw))
    throw new UsageError(`browsers refuse to send ${raw.toUpperCase()} requests from script`)
  return normalizeMethod(raw)
}

function splitHeader(raw: string): [string, string] {
  const colon = raw.indexOf(':')
  if (colon <= 0) throw new UsageError(`--header ${JSON.stringify(raw)} is not "Name: value"`)
  return checkHeader(raw.slice(0, colon), raw.slice(colon + 1))
}

/** Fetch: Headers normalizes a value (strips leading and trailing HTTP whitespace) and validates both parts. */
function checkHeader(name: string, rawValue: string): [string, string] {
  const n = name.trim()
  if (!isToken(n)) throw new UsageError(`${JSON.stringify(name)} is not a header name`)
  const value = rawValue.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the bytes Headers rejects
  if (/[\0\r\n]/.test(value) || /[^\u0000-\u00ff]/.test(value)) {
    throw new UsageError(`the value of ${n} has a character fetch() rejects (NUL, CR, LF, or beyond Latin-1)`)
  }
  return [n, value]
}

/** Like Chromium's request headers: several values of one name are sent as one, joined with ", ". */
function combineSameName(headers: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  const byName = new Map<string, [string, string]>()
  for (const [name, value] of headers) {
    const entry = byName.get(name.toLowerCase())
    if (entry) entry[1] = `${entry[1]}, ${value}`
    else byName.set(name.toLowerCase(), [name, value])
  }
  return [...byName.values()]
}

function methodReason(method: string): string {
  if (isSafelistedMethod(method.toUpperCase())) {
    return `method ${method} is not GET, HEAD or POST (fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT)`
  }
  return `method ${method} is not GET, HEAD or POST`
}

function headerReason(name: string, value: string, reason: UnsafeReason): string {
  switch (reason) {
    case 'name':
      return `header ${name} is not CORS-safelisted`
    case 'too-long':
      return `header ${name} is ${value.length} bytes long; safelisted values stop at ${SAFELISTED_VALUE_MAX}`
    case 'unsafe-byte':
      return `header ${name} has a byte browsers treat as unsafe (one of "():<>?@[\\]{} or a control character)`
    case 'language-byte':
      return `header ${name} has a character outside letters, digits, space and *,-.;=`
    case 'content-type-unparsable':
      return `content-type ${JSON.stringify(value)} is not a MIME type`
    case 'content-type-essence':
      return `content-type ${value.split(';')[0]!.trim()} is not one of ${SAFELISTED_CONTENT_TYPES.join(', ')}`
    case 'range-value':
      return `range ${JSON.stringify(value)} is not a single bytes=N- or bytes=N-M range`
    case 'total-too-long':
      return `header ${name} is safelisted, but all safelisted values together exceed ${SAFELISTED_TOTAL_MAX} bytes`
  }
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname.startsWith('127.') ||
    hostname === '[::1]'
  )
}
