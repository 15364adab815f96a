/** @module CORS for Express, Connect and node:http (HTTP/2 compatibility API too), backed by @corsica/core. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Http2ServerResponse } from 'node:http2'
import {
  applyCorsHeaders,
  type CorsDecision,
  type CorsHeaders,
  type CorsOptions,
  type CorsOptionsList,
  type CorsPolicy,
  createCorsAt,
  isThenable,
  writeAnswerHeaders,
} from '@corsica/core'
import { type NodeRequest, RequestView } from './request-view.ts'
import { type OutgoingHeaders, ResponseHeaders } from './response-headers.ts'

export type {
  CorsOptions,
  CorsOptionsList,
  CorsRefusal,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from '@corsica/core'
export { CorsConfigError } from '@corsica/core'
export { type NodeRequest, RequestView } from './request-view.ts'
export { type OutgoingHeaders, ResponseHeaders } from './response-headers.ts'

/** A response as node:http, HTTP/2's compatibility API, Express and Connect hand it over. */
export type NodeResponse = ServerResponse | Http2ServerResponse

/**
 * The options (an object, or a list of them for settings that differ per origin: each request
 * is decided by the first entry whose `origin` grants it); an origin function receives
 * `(origin, request, req, res)`.
 */
export type NodeCorsOptions =
  | CorsOptions<[req: NodeRequest, res: NodeResponse]>
  | CorsOptionsList<[req: NodeRequest, res: NodeResponse]>

/** A Connect-style middleware: Express 4 and 5, Connect, Polka and anything of that shape. */
export type CorsMiddleware = (req: any, res: any, next: (error?: unknown) => void) => void

/** A `http.createServer` (or `http2.createServer`/`createSecureServer`) request listener. */
export type Listener<Req extends NodeRequest = IncomingMessage, Res extends NodeResponse = ServerResponse> = (
  req: Req,
  res: Res,
) => void

/** What becomes of a thrown error: the framework answers it, so `onError` is never called. */
const EXPRESS_ERRORS = {
  problem:
    'is never called: Express (or Connect) answers what a route throws, and the CORS headers are added.',
  fix: 'leave it out; shape error answers with an error handler: app.use((error, req, res, next) => ...).',
}
const LISTENER_ERRORS = {
  problem: 'is never called: what your listener throws goes on to node:http, as it would without withCors.',
  fix: 'leave it out; answer errors with a try/catch in your listener (the CORS headers are added when its answer is written).',
}

/**
 * Middleware that answers CORS preflights itself (the routes after it never see them, so no
 * `app.options(...)` is needed) and puts the CORS headers on every other response, error pages
 * and 404s included. Bad options throw a `CorsConfigError` listing every problem, here.
 * @example app.use(cors({ origin: ['https://app.example.com'], credentials: true }))
 */
export function cors(options: NodeCorsOptions): CorsMiddleware {
  const policy = createCorsAt(cors, options, EXPRESS_ERRORS)
  return function corsMiddleware(req: NodeRequest, res: NodeResponse, next: (error?: unknown) => void) {
    const decision = policy.decide(new RequestView(req), req, res)
    // An async origin function's failure goes to the app's error handler, as Express expects.
    if (isThenable<CorsDecision>(decision)) decision.then((d) => act(d, res, next), next)
    else act(decision, res, next)
  }
}

/**
 * Wraps a `http.createServer` listener (or HTTP/2's compatibility one): preflights are answered
 * here, every other request runs `listener`, whose response gets the CORS headers.
 * @example http.createServer(withCors({ origin: ['https://app.example.com'] }, (req, res) => res.end('ok')))
 */
export function withCors<
  Req extends NodeRequest = IncomingMessage,
  Res extends NodeResponse = ServerResponse,
>(options: NodeCorsOptions, listener: Listener<Req, Res>): Listener<Req, Res> {
  const policy: CorsPolicy<[NodeRequest, NodeResponse]> = createCorsAt(withCors, options, LISTENER_ERRORS)
  return function corsListener(req, res) {
    const run = () => listener(req, res)
    const decision = policy.decide(new RequestView(req), req, res)
    if (isThenable<CorsDecision>(decision))
      decision.then(
        (d) => act(d, res, run),
        (e) => fail(res, e),
      )
    else act(decision, res, run)
  }
}

function act(decision: CorsDecision, res: NodeResponse, next: () => void): void {
  if (decision.respond) {
    // A preflight (or, with csrf, a refused cross-origin write): the app never sees it. What
    // earlier middleware set stays, except CORS and body headers (an earlier
    // `Access-Control-Allow-Origin: *` must not grant a refused preflight); Vary is merged.
    writeAnswerHeaders(new ResponseHeaders(res), decision)
    res.writeHead(decision.status)
    if (decision.body === null) res.end()
    else res.end(decision.body)
    return
  }
  corsOnHead(res, decision.headers)
  next()
}

/**
 * Puts `cors` on the response when its head is written, whoever writes it: the route, Express's
 * default error handler or a custom one, a 404. Then they go over what the app set last (its own
 * `Access-Control-Allow-Origin`, a `res.setHeader('Vary', …)` that would drop `Origin`), and Vary
 * is merged. Every head goes through `writeHead` (node:http's `end`/`write` call it through
 * `_implicitHeader`), which is why the `on-headers` package wraps it the same way.
 */
function corsOnHead(res: NodeResponse, cors: CorsHeaders): void {
  const writeHead = res.writeHead as (...args: unknown[]) => unknown
  res.writeHead = function writeHeadWithCors(this: NodeResponse, status: number, ...rest: unknown[]) {
    // Headers given to writeHead win over setHeader's (Node merges them so): move them in first.
    const given = typeof rest[0] === 'string' ? rest[1] : rest[0]
    if (given !== undefined && given !== null) {
      moveIn(this as OutgoingHeaders, given)
      rest = typeof rest[0] === 'string' ? [rest[0]] : []
    }
    applyCorsHeaders(new ResponseHeaders(this as OutgoingHeaders), cors)
    return writeHead.call(this, status, ...rest)
  } as typeof res.writeHead
}

/** writeHead's headers argument (a record, or `[name, value, …]` / `[[name, value], …]`) as setHeader calls. */
function moveIn(res: OutgoingHeaders, given: unknown): void {
  if (!Array.isArray(given)) {
    for (const [name, value] of Object.entries(given as Record<string, string>))
      if (value !== undefined) res.setHeader(name, value)
    return
  }
  const lines = new Map<string, string[]>()
  const pairs: unknown[][] = Array.isArray(given[0]) ? given : pairsOf(given)
  for (const [name, value] of pairs as [string, string][]) {
    const list = lines.get(name.toLowerCase())
    if (list) list.push(String(value))
    else lines.set(name.toLowerCase(), [String(value)])
  }
  for (const [name, values] of lines)
    res.setHeader(name, values.length === 1 ? values[0]! : (values as never))
}

function pairsOf(flat: unknown[]): unknown[][] {
  const pairs: unknown[][] = []
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]])
  return pairs
}

/** An async origin function failed outside any framework: a 500 that grants nothing. */
function fail(res: NodeResponse, error: unknown): void {
  console.error('[corsica] the origin function failed; answered 500:', error)
  if (res.headersSent) return
  res.writeHead(500, { 'content-type': 'text/plain' })
  res.end('Internal Server Error')
}
