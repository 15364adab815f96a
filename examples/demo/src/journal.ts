/**
 * What the API saw, per request id: every exchange (preflight or actual request), the CORS
 * headers it answered with, whether the handler ran, and the refusal reported by the policy's
 * `onRefuse` hook.
 *
 * A page tags each request with `?rid=…` in the URL: a preflight carries the URL but none of
 * the request's own headers (Fetch standard, CORS-preflight request), so the URL is the only
 * place where a preflight and its actual request share an id.
 *
 * Runtime-neutral (web-standard globals only): the end-to-end tests run it in Node, Deno and
 * workerd alike.
 */
import { type CorsRefusal, isPreflight } from '@corsica/core'

/** A refusal as the page shows it. */
export type RefusalNote = Pick<
  CorsRefusal,
  'code' | 'message' | 'fix' | 'browserReason' | 'preflight' | 'origin'
>

/** One request the API answered. */
export interface Exchange {
  /** `preflight` for OPTIONS + Origin + Access-Control-Request-Method, else `actual`. */
  kind: 'preflight' | 'actual'
  method: string
  /** The request's URL, as the client asked for it. */
  url: string
  path: string
  /** The request headers that decide CORS (Origin, Access-Control-Request-*, whether a Cookie came). */
  requestHeaders: Record<string, string>
  status: number
  /** The response headers that decide CORS: every `access-control-*` header, and Vary. */
  responseHeaders: Record<string, string>
  /** The names of all response headers (to work out which ones script may read). */
  responseHeaderNames: string[]
  /** Whether the application's handler ran (a preflight must never reach it). */
  handlerRan: boolean
  refusal: RefusalNote | null
}

/** Collects exchanges by request id. */
export interface Journal {
  /** Marks that the application's handler ran for this request. */
  handlerRan(request: Request): void
  /** The `onRefuse` hook: keeps the reason with the request's id. */
  refused(refusal: CorsRefusal, request: Request): void
  /** Records the answer the client receives (call with the outermost response). */
  record(request: Request, response: Response): void
  /** Everything recorded under `rid`, oldest first. */
  get(rid: string): Exchange[]
  /** What it holds: request ids, exchanges in all, and reports waiting for their response. */
  size(): { ids: number; exchanges: number; pending: number }
}

/**
 * The longest string kept from a request (URL, header values, a refusal's text): any page can
 * send requests here, with URLs and headers as long as the server accepts.
 */
export const MAX_KEPT_STRING = 2048

/** `s` clipped to MAX_KEPT_STRING characters, marked with `…` when clipped. */
function clip(s: string): string {
  return s.length <= MAX_KEPT_STRING ? s : `${s.slice(0, MAX_KEPT_STRING - 1)}…`
}

/** The request id a page put in the URL, or null. */
export function requestId(request: Request): string | null {
  return new URL(request.url).searchParams.get('rid')
}

function pick(headers: Headers, keep: (name: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    if (keep(name)) out[name] = clip(value)
  })
  return out
}

const CORS_REQUEST_HEADERS = new Set([
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
  'access-control-request-private-network',
])

/**
 * Makes an in-memory journal. Its size is bounded whatever the requests (any open page can send
 * simple GETs to the API): it keeps the latest `limit` exchanges in all (the oldest go first,
 * whichever request id they belong to), at most `limit` reports still waiting for their
 * response (a refusal on a path the journal does not record, such as `/_journal` itself, never
 * gets one), and strings clipped at MAX_KEPT_STRING.
 */
export function createJournal(limit = 1000): Journal {
  const exchanges = new Map<string, Exchange[]>()
  let count = 0
  // What the handler and the hook reported for a request id, until the response is recorded.
  // A preflight and its actual request arrive one after the other, never interleaved.
  const pending = new Map<string, { handlerRan: boolean; refusal: RefusalNote | null }>()

  function pendingFor(request: Request) {
    const id = requestId(request)
    if (id === null) return null
    const rid = clip(id)
    let entry = pending.get(rid)
    if (!entry) {
      entry = { handlerRan: false, refusal: null }
      pending.set(rid, entry)
      // Map order is insertion order: the first key is the oldest.
      if (pending.size > limit) pending.delete(pending.keys().next().value as string)
    }
    return entry
  }

  return {
    handlerRan(request) {
      const entry = pendingFor(request)
      if (entry) entry.handlerRan = true
    },
    refused(refusal, request) {
      const entry = pendingFor(request)
      if (!entry) return
      const { code, message, fix, browserReason, preflight, origin } = refusal
      entry.refusal = {
        code,
        message: clip(message),
        fix: clip(fix),
        browserReason,
        preflight,
        origin: clip(origin),
      }
    },
    record(request, response) {
      const id = requestId(request)
      if (id === null) return
      const rid = clip(id)
      const seen = pending.get(rid) ?? { handlerRan: false, refusal: null }
      pending.delete(rid)
      const requestHeaders = pick(request.headers, (name) => CORS_REQUEST_HEADERS.has(name))
      if (request.headers.has('cookie')) requestHeaders['cookie'] = '(sent)'
      const list = exchanges.get(rid) ?? []
      list.push({
        kind: isPreflight(request) ? 'preflight' : 'actual',
        method: clip(request.method),
        url: clip(request.url),
        path: clip(new URL(request.url).pathname),
        requestHeaders,
        status: response.status,
        responseHeaders: pick(
          response.headers,
          (name) => name.startsWith('access-control-') || name === 'vary',
        ),
        responseHeaderNames: [...response.headers.keys()].slice(0, 100).map(clip),
        handlerRan: seen.handlerRan,
        refusal: seen.refusal,
      })
      exchanges.set(rid, list)
      count++
      // Over the bound: drop the oldest exchange, of the oldest request id still held.
      while (count > limit) {
        const [oldest, entries] = exchanges.entries().next().value as [string, Exchange[]]
        entries.shift()
        count--
        if (entries.length === 0) exchanges.delete(oldest)
      }
    },
    get(rid) {
      return exchanges.get(rid) ?? []
    },
    size() {
      return { ids: exchanges.size, exchanges: count, pending: pending.size }
    },
  }
}

/** Wraps a fetch handler so that every answer it gives is recorded. */
export function journaled<Rest extends unknown[]>(
  journal: Journal,
  handler: (request: Request, ...rest: Rest) => Response | Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const response = await handler(request, ...rest)
    journal.record(request, response)
    return response
  }
}

/**
 * Answers `GET …?id=…` with the journal entries for that request id, as JSON. (Not `rid`:
 * this request must not be recorded under the id it asks about.)
 */
export function journalResponse(journal: Journal, request: Request): Response {
  const id = new URL(request.url).searchParams.get('id') ?? ''
  return Response.json(journal.get(id), { headers: { 'cache-control': 'no-store' } })
}
