/** @module h3 v2 middleware for CORS (Nitro v3 server middleware too), backed by @corsica/core. */
import { type CorsOptions, type CorsOptionsList, createCorsAt, withEarlierHeaders } from '@corsica/core'
import { type H3Event, type Middleware, toResponse } from 'h3'

export type {
  CorsOptions,
  CorsRefusal,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from '@corsica/core'
export { CorsConfigError } from '@corsica/core'

/**
 * h3 middleware that answers CORS preflights and adds CORS headers to every other answer: the
 * route's value or Response, an `HTTPError`, a thrown error, the app's `onError` answer and 404s.
 * The options are checked here, at start-up: bad ones throw a `CorsConfigError` listing every
 * problem. An origin function receives `(origin, request, event)`.
 * @example app.use(cors({ origin: ['https://app.example.com'], credentials: true }))
 * @example app.get('/api/items', handler, { middleware: [cors({ origin: '*' })] })
 */
export function cors(options: CorsOptions<[event: H3Event]> | CorsOptionsList<[event: H3Event]>): Middleware {
  const policy = createCorsAt(cors, options, {
    problem: 'is never called: h3 answers what a route throws, and the CORS headers are added.',
    fix: 'leave it out; shape error answers with new H3({ onError: (error, event) => ... }).',
  }) // a bad config fails at start-up

  return async function corsMiddleware(event, next) {
    const answer = await policy.intercept(event.req, event)
    // A preflight never reaches the route (Fetch standard, CORS-preflight fetch), nor, with
    // `csrf`, a refused cross-origin write.
    if (answer) return withEarlierHeaders(answer, takePrepared(event))
    const headers = await policy.actualHeaders(event.req, event)
    // h3 2.0 builds the answer after the middleware chain and puts only event.res.errHeaders on
    // an error's answer (none on the app's onError Response). So the answer is built here, with
    // h3's own toResponse and the app's config (its onError included, its onResponse left to h3,
    // which runs it once on what this returns): values, Responses, HTTPError, thrown errors and
    // 404s all come back as one Response the policy finishes.
    const config = { ...event.app?.config, onResponse: undefined }
    const response = await toResponse(Promise.resolve().then(next), event, config)
    return policy.apply(response, headers)
  }
}

/**
 * The headers earlier middleware prepared (event.res.headers), taken off the event: h3 2.0 would
 * set them over the preflight answer, an earlier access-control-* included. The core merges them
 * instead, keeping the CORS headers the policy's alone.
 */
function takePrepared(event: H3Event): Headers {
  const prepared = new Headers(event.res.headers)
  for (const name of new Set(event.res.headers.keys())) event.res.headers.delete(name)
  return prepared
}
