/** @module Hono middleware for CORS, backed by @corsica/core. */
import {
  type CorsHeaders,
  type CorsOptions,
  createCorsAt,
  isThenable,
  withEarlierHeaders,
} from '@corsica/core'
import type { Context, MiddlewareHandler } from 'hono'

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
 * Hono middleware that answers CORS preflights and adds CORS headers to every other response.
 * Throws a `CorsConfigError` listing every problem when the options are invalid.
 * @example app.use('/api/*', cors({ origin: ['https://app.example.com'], credentials: true }))
 */
export function cors(options: CorsOptions): MiddlewareHandler {
  const policy = createCorsAt(cors, options) // validates now, so a bad config fails at start-up
  // Not an async function: awaiting values that are rarely promises (the origin option is
  // seldom a function) costs a microtask each, a measurable share of a middleware's price.
  return function corsMiddleware(c, next) {
    const answer = policy.preflight(c.req.raw)
    if (isThenable(answer))
      return answer.then((res) => (res ? respond(c, res) : next().then(() => finish(c))))
    if (answer) return Promise.resolve(respond(c, answer)) // a preflight never reaches the route (Fetch standard, CORS-preflight fetch)
    return next().then(() => finish(c))
  }

  // Headers that earlier middleware set (c.header(), c.res.headers) stay on the preflight
  // answer, but its CORS headers are the policy's alone. Stored with the setter cleared first,
  // as below, so that Hono does not copy the earlier headers back over the policy's.
  function respond(c: Context, answer: Response): Response {
    const response = withEarlierHeaders(answer, c.res.headers)
    c.res = undefined
    c.res = response
    return response
  }

  function finish(c: Context): void | Promise<void> {
    const cors = policy.actualHeaders(c.req.raw)
    if (isThenable(cors)) return cors.then((headers) => store(c, headers))
    store(c, cors)
  }

  // c.res is whatever the app produced, app.onError's response included: Hono catches a
  // handler's Error inside next() and stores the error response before we get here.
  function store(c: Context, headers: CorsHeaders): void {
    const response = policy.apply(c.res, headers)
    if (response !== c.res) {
      // The headers were immutable (e.g. a fetch() response), so apply() made a copy. Hono's
      // setter merges the old response's headers into a new one, which would undo the policy;
      // clearing it first stores the copy as it is.
      c.res = undefined
      c.res = response
    }
  }
}
