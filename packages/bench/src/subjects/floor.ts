/**
 * The floor: the least a correct CORS wrapper can do for this policy, written by hand with every
 * header precomputed, a Set for the exact origins and, for patterns, a Set of the domains they
 * cover, looked up once per parent domain of the request's host. The validating variant also
 * checks the requested method and headers, as @corsica/core does.
 */
import { allowedHeaders, allowedMethods, exposedHeaders, maxAge, type OriginList } from '../policy.js'
import type { Handler } from './types.js'

/** Whether an origin is allowed by the list: O(labels of the origin's host), whatever the list's size. */
export function floorMatcher(list: OriginList): (origin: string) => boolean {
  const exact = new Set(list.exact)
  if (list.patterns.length === 0) return (origin) => exact.has(origin)
  // 'https://*.tenant1.example' covers 'https://' + any host ending in '.tenant1.example'.
  const covered = new Set(list.patterns.map((p) => p.replace('://*.', '://')))
  return (origin) => {
    if (exact.has(origin)) return true
    const start = origin.indexOf('://') + 3
    if (start < 3 || origin.indexOf(':', start) !== -1) return false // a port: not a default-port pattern
    const scheme = origin.slice(0, start)
    for (let dot = origin.indexOf('.', start); dot > start; dot = origin.indexOf('.', dot + 1)) {
      if (covered.has(scheme + origin.slice(dot + 1))) return true
    }
    return false
  }
}

const methods = new Set<string>(allowedMethods)
const headerNames = new Set<string>(allowedHeaders)

// Every response varies by Origin, since the list of origins decides ACAO.
const refusedPreflight = { vary: 'origin' }
const grantedPreflight = {
  'access-control-allow-methods': allowedMethods.join(', '),
  'access-control-allow-headers': allowedHeaders.join(', '),
  'access-control-allow-credentials': 'true',
  'access-control-max-age': String(maxAge),
  vary: 'origin',
}
const exposed = exposedHeaders.join(', ')

/** Whether a request is a CORS preflight (Fetch standard: OPTIONS with Origin and ACRM). */
function isPreflight(request: Request, origin: string | null): boolean {
  return (
    request.method === 'OPTIONS' && origin !== null && request.headers.has('access-control-request-method')
  )
}

/** Whether every name in Access-Control-Request-Headers is allowed; empty list elements are skipped. */
function headersAllowed(value: string | null): boolean {
  if (value === null) return true
  for (const item of value.split(',')) {
    const name = item.trim().toLowerCase()
    if (name !== '' && !headerNames.has(name)) return false
  }
  return true
}

/** Adds the actual-response headers, in place (a handler's own Response has mutable headers). */
/** `origin` is the request's Origin when the policy grants it, else null. */
export function decorate(response: Response, origin: string | null): Response {
  const headers = response.headers
  headers.append('vary', 'origin')
  if (origin !== null) {
    headers.set('access-control-allow-origin', origin)
    headers.set('access-control-allow-credentials', 'true')
    headers.set('access-control-expose-headers', exposed)
  }
  return response
}

/** Answers a preflight: 204 with the precomputed headers, or 403 with only Vary. */
function answerPreflight(granted: boolean, origin: string): Response {
  if (!granted) return new Response(null, { status: 403, headers: refusedPreflight })
  return new Response(null, {
    status: 204,
    headers: { ...grantedPreflight, 'access-control-allow-origin': origin },
  })
}

/** The floor's answer to a preflight, or null when the request is not one. */
export function floorPreflight(
  request: Request,
  origin: string | null,
  allowed: (origin: string) => boolean,
): Response | null {
  return isPreflight(request, origin) ? answerPreflight(allowed(origin!), origin!) : null
}

/** The floor: origin check only; a preflight from a listed origin is granted whatever it asks. */
export function floor(handler: Handler, list: OriginList): Handler {
  const allowed = floorMatcher(list)
  return (request) => {
    const origin = request.headers.get('origin')
    const answer = floorPreflight(request, origin, allowed)
    if (answer !== null) return answer
    const granted = origin !== null && allowed(origin) ? origin : null
    const response = handler(request)
    return response instanceof Promise
      ? response.then((r) => decorate(r, granted))
      : decorate(response, granted)
  }
}

/** The floor plus validation of the requested method and headers. */
export function validatingFloor(handler: Handler, list: OriginList): Handler {
  const allowed = floorMatcher(list)
  return (request) => {
    const origin = request.headers.get('origin')
    if (isPreflight(request, origin)) {
      const granted =
        allowed(origin!) &&
        methods.has(request.headers.get('access-control-request-method')!) &&
        headersAllowed(request.headers.get('access-control-request-headers'))
      return answerPreflight(granted, origin!)
    }
    const granted = origin !== null && allowed(origin) ? origin : null
    const response = handler(request)
    return response instanceof Promise
      ? response.then((r) => decorate(r, granted))
      : decorate(response, granted)
  }
}
