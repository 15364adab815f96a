/** Putting CORS headers on a response: the policy owns them, and Vary is merged, never replaced. */
import type { CorsHeaders } from './types.ts'

const ACAO = 'access-control-allow-origin'
const ACAC = 'access-control-allow-credentials'
const ACEH = 'access-control-expose-headers'
/** Set only on the handler's answer to a granted preflight (`preflightContinue`). */
const PREFLIGHT_ONLY = [
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-allow-private-network',
] as const

/**
 * Applies CORS headers to a mutable Headers object: sets the ones given, removes any other
 * Access-Control-Allow-Origin, -Allow-Credentials or -Expose-Headers the handler set (so a
 * refused origin is never granted by a handler's own header), and merges `vary`.
 * Throws a TypeError when `headers` is immutable and needs a change (see `applyToResponse`).
 */
export function applyCorsHeaders(headers: Headers, cors: CorsHeaders): void {
  const origin = own(cors, ACAO)
  if (origin !== undefined) {
    headers.set(ACAO, origin)
    setOrDelete(headers, ACAC, own(cors, ACAC))
    setOrDelete(headers, ACEH, own(cors, ACEH))
    for (const name of PREFLIGHT_ONLY) {
      const value = own(cors, name)
      if (value !== undefined) headers.set(name, value)
    }
  } else if (headers.has(ACAO)) {
    // Nothing granted. Fetch's CORS check fails without Access-Control-Allow-Origin, so a
    // handler's own credentials or expose header grants nothing on its own: they need removing
    // only when the handler set Allow-Origin too (one lookup instead of three deletions).
    headers.delete(ACAO)
    headers.delete(ACAC)
    headers.delete(ACEH)
  }
  const vary = own(cors, 'vary')
  if (vary !== undefined) mergeVary(headers, vary)
}

/**
 * A record's own value for `name`: a header absent from the record must not be read from
 * `Object.prototype`, where a polluting bug elsewhere could have put `'true'`.
 */
function own(cors: CorsHeaders, name: keyof CorsHeaders): string | undefined {
  return Object.hasOwn(cors, name) ? cors[name] : undefined
}

function setOrDelete(headers: Headers, name: string, value: string | undefined): void {
  if (value !== undefined) headers.set(name, value)
  else headers.delete(name)
}

/**
 * Returns `response` with the CORS headers applied: in place when its headers are mutable,
 * otherwise on a copy (`Response.redirect()` and `fetch()` results have immutable headers;
 * Fetch: a Headers object's guard). The first write throws before anything changes, so a
 * response is never half-changed.
 */
export function applyToResponse(response: Response, cors: CorsHeaders): Response {
  try {
    applyCorsHeaders(response.headers, cors)
    return response
  } catch {
    // `Response.error()` (a network error) has immutable headers and cannot be copied (status
    // 0): it passes through untouched, and the browser reports a network error as it would anyway.
    if (response.type === 'error') return response
    const copy = new Response(response.body, response)
    applyCorsHeaders(copy.headers, cors)
    return copy
  }
}

/**
 * Adds each name of `add` (comma-separated) to the response's Vary unless it is already
 * there (field names compare case-insensitively) or Vary is `*`.
 */
export function mergeVary(headers: Headers, add: string): void {
  const current = headers.get('vary')
  if (current === null || current.trim() === '') {
    headers.set('vary', add)
    return
  }
  const present = new Set(
    current
      .toLowerCase()
      .split(',')
      .map((s) => s.trim()),
  )
  if (present.has('*')) return
  let merged = current
  for (const name of add.split(', ')) {
    if (!present.has(name.toLowerCase())) merged += `, ${name}`
  }
  if (merged !== current) headers.set('vary', merged)
}

/**
 * Puts what an earlier layer set (a middleware's `x-request-id`, a cookie) on a preflight
 * answer the policy built: every header except CORS headers, which are the policy's alone (an
 * earlier `Access-Control-Allow-Origin: *` must not grant a refused preflight), and except
 * body headers; Vary is merged. Returns `answer`, changed in place.
 */
export function withEarlierHeaders(answer: Response, earlier: Headers): Response {
  const headers = answer.headers
  for (const [name, value] of earlier) {
    if (name.startsWith('access-control-') || name === 'content-type' || name === 'content-length') continue
    if (name === 'vary') mergeVary(headers, value)
    else if (name === 'set-cookie') headers.append(name, value)
    else headers.set(name, value)
  }
  return answer
}
