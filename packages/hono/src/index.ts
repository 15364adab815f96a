/** @module Hono middleware for CORS, backed by @corsica/core. */
import { type CorsOptions, createCors } from '@corsica/core'
import type { MiddlewareHandler } from 'hono'

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
  const policy = createCors(options) // validates now, so a bad config fails at start-up
  return async function corsMiddleware(c, next) {
    const answer = await policy.preflight(c.req.raw)
    if (answer) return answer // a preflight never reaches the route (Fetch standard, CORS-preflight fetch)
    await next()
    // c.res is whatever the app produced, app.onError's response included: Hono catches a
    // handler's Error inside next() and stores the error response before we get here.
    const response = policy.apply(c.res, await policy.actualHeaders(c.req.raw))
    if (response !== c.res) {
      // The headers were immutable (e.g. a fetch() response), so apply() made a copy. Hono's
      // setter merges the old response's headers into a new one, which would undo the policy;
      // clearing it first stores the copy as it is.
      c.res = undefined
      c.res = response
    }
  }
}
