/** Putting CORS headers on a response: the policy owns them, and Vary is merged, never replaced. */
import type { CorsAnswer, CorsHeaders, HeaderStore } from './types.ts'

const ACAO = 'access-control-allow-origin' as const
const ACAC = 'access-control-allow-credentials' as const
const ACEH = 'access-control-expose-headers' as const
/** Set only on the handler's answer to a granted preflight (`preflightContinue`). */
const PREFLIGHT_ONLY = [
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-allow-private-network',
] as const

/**
 * Applies CORS headers to a mutable Headers object (or any {@link HeaderStore}): sets the ones
 * given, removes any other Access-Control-Allow-Origin, -Allow-Credentials or -Expose-Headers the
 * handler set (so a refused origin is never granted by a handler's own header), and merges
 * `vary`. A preflight's record (`preflightContinue`) names every preflight header, `''` for one
 * the policy does not send: then the answer keeps only the policy's Access-Control-* headers,
 * whatever the handler wrote.
 * Throws a TypeError when `headers` is immutable and needs a change (see `applyToResponse`).
 */
export function applyCorsHeaders(headers: HeaderStore, cors: CorsHeaders): void {
  // Each name is read where it is written out, so that every read is of a known property.
  const hasOrigin = Object.hasOwn(cors, ACAO)
  if (Object.hasOwn(cors, 'access-control-allow-methods')) {
    // The handler answered a preflight: every CORS header is the policy's, granted or not.
    for (const name of PREFLIGHT_HEADERS) setOrDelete(headers, name, own(cors, name) || undefined)
  } else if (hasOrigin && cors[ACAO] !== undefined) {
    headers.set(ACAO, cors[ACAO])
    setOrDelete(headers, ACAC, Object.hasOwn(cors, ACAC) ? cors[ACAC] : undefined)
    setOrDelete(headers, ACEH, Object.hasOwn(cors, ACEH) ? cors[ACEH] : undefined)
  } else if (headers.has(ACAO)) {
    // Nothing granted. Fetch's CORS check fails without Access-Control-Allow-Origin, so a
    // handler's own credentials or expose header grants nothing on its own: they need removing
    // only when the handler set Allow-Origin too (one lookup instead of three deletions).
    headers.delete(ACAO)
    headers.delete(ACAC)
    headers.delete(ACEH)
  }
  if (Object.hasOwn(cors, 'vary') && cors.vary !== undefined) mergeVary(headers, cors.vary)
}

/** Every response header of the CORS protocol (and Private Network Access). */
const PREFLIGHT_HEADERS = [ACAO, ACAC, ACEH, ...PREFLIGHT_ONLY] as const

/**
 * A record's own value for `name`: a header absent from the record must not be read from
 * `Object.prototype`, where a polluting bug elsewhere could have put `'true'`.
 */
function own(cors: CorsHeaders, name: keyof CorsHeaders): string | undefined {
  return Object.hasOwn(cors, name) ? cors[name] : undefined
}

function setOrDelete(headers: HeaderStore, name: string, value: string | undefined): void {
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
  // A handler that switched protocols passes back untouched. A WebSocket handshake's 101
  // (Deno.upgradeWebSocket, workerd's WebSocketPair) is never read through CORS (Fetch, main
  // fetch: a "websocket" mode request gets "basic" response tainting, so no CORS check), and a
  // copy would lose the socket (Fetch's Response constructor refuses a 101 status). Bun's
  // handler answers nothing (undefined) for a request it upgraded with server.upgrade().
  if (response === undefined || response.status === 101) return response
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
 * there (field names compare case-insensitively, however the list is spaced) or Vary is `*`.
 */
export function mergeVary(headers: HeaderStore, add: string): void {
  const current = headers.get('vary')
  if (current === null || current.trim() === '') {
    headers.set('vary', add)
    return
  }
  const present = new Set(fieldNames(current))
  if (present.has('*')) return
  let merged = current
  for (const name of add.split(',')) {
    const field = name.trim()
    if (field === '' || present.has(field.toLowerCase())) continue
    present.add(field.toLowerCase())
    merged += `, ${field}`
  }
  if (merged !== current) headers.set('vary', merged)
}

function fieldNames(list: string): string[] {
  return list.split(',').map((s) => s.trim().toLowerCase())
}

/**
 * Whether a header (by its lower-case name) of the policy's own answer is the answer's alone,
 * whatever an earlier layer set: every CORS header, and the body headers of its body.
 */
function ownedByAnswer(name: string): boolean {
  return name.startsWith('access-control-') || name === 'content-type' || name === 'content-length'
}

/** A HeaderStore whose names can be listed: a Fetch `Headers`, a view over Node's response. */
export interface ListedHeaderStore extends HeaderStore {
  keys(): Iterable<string>
}

/**
 * Writes the headers of the policy's own answer (a preflight's, or csrf's 403) on `headers`,
 * which hold what earlier layers set (a middleware's `x-request-id`, a cookie): those stay,
 * except CORS headers, which are the policy's alone (an earlier
 * `Access-Control-Allow-Origin: *` must not grant a refused preflight), and body headers; Vary
 * is merged. For servers that write their answers themselves (node:http, Fastify).
 */
export function writeAnswerHeaders(headers: ListedHeaderStore, answer: CorsAnswer): void {
  const stale: string[] = []
  for (const name of headers.keys()) if (ownedByAnswer(name.toLowerCase())) stale.push(name)
  for (const name of stale) headers.delete(name)
  const record = answer.headers
  for (const name of Object.keys(record)) {
    if (name === 'vary') mergeVary(headers, record[name]!)
    else headers.set(name, record[name]!)
  }
}

/**
 * {@link writeAnswerHeaders} on `response`, a Response a framework built with what earlier
 * layers set: the same result as {@link withEarlierHeaders}, without building the answer's
 * Response first; when nothing was set earlier (the common case), the one Response is the
 * framework's. Returns `response`, changed in place (its headers must be mutable).
 */
export function writeAnswer(response: Response, answer: CorsAnswer): Response {
  writeAnswerHeaders(response.headers, answer)
  return response
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
    if (ownedByAnswer(name)) continue
    if (name === 'vary') mergeVary(headers, value)
    else if (name === 'set-cookie') headers.append(name, value)
    else headers.set(name, value)
  }
  return answer
}
