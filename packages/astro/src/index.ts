/** @module Astro middleware for CORS, backed by @corsica/core. */
import { type CorsOptions, type CorsOptionsList, createCorsAt } from '@corsica/core'
import type { APIContext, MiddlewareHandler } from 'astro'

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

/**
 * Astro middleware (the `defineMiddleware` shape) that answers CORS preflights (and, with
 * `csrf`, refuses untrusted cross-origin writes) before any page or endpoint runs, and adds the
 * CORS headers to every other answer, a thrown error's 500 (or `onError`'s answer) included. Bad options throw a
 * `CorsConfigError` listing every problem here, when `src/middleware.ts` is loaded. The origin
 * function receives `(origin, request, context)`.
 * @example export const onRequest = cors({ origin: ['https://app.example.com'], credentials: true })
 * @example export const onRequest = sequence(cors(options), auth)
 */
export function cors(
  options: CorsOptions<[context: APIContext]> | CorsOptionsList<[context: APIContext]>,
): MiddlewareHandler {
  const policy = createCorsAt(cors, options) // a bad config fails at start-up
  // Valid by now: a function, false or left out. It holds for the whole policy (the first entry's).
  const onError = (Array.isArray(options) ? options[0] : options)?.onError
  return async function corsMiddleware(context, next) {
    const answer = await policy.intercept(context.request, context)
    if (answer) return answer // a preflight (or a csrf refusal) never reaches a page or an endpoint
    let response: Response
    try {
      response = await next()
    } catch (error) {
      // Astro 5.18 lets what a route throws leave the middleware chain, then answers a bare 500
      // that no middleware sees (astro/dist/core/app/index.js, #renderError). Answered here
      // instead, as `wrap` answers: onError's Response, or a rethrow with onError: false. Left
      // out, a 500 without a body, over which Astro still renders src/pages/500.astro, keeping
      // these headers; Astro no longer logs the error then, so this does.
      if (onError === false) throw error
      if (onError) response = await onError(error, context.request)
      else {
        console.error(error)
        response = new Response(null, { status: 500 })
      }
    }
    // apply() copies a Response whose headers are immutable (Response.redirect(), fetch()).
    return policy.apply(response, await policy.actualHeaders(context.request, context))
  }
}
