/** @module React Router middleware for CORS, backed by @corsica/core. */
import { type CorsOptions, type CorsOptionsList, createCorsAt } from '@corsica/core'
import type { MiddlewareFunction } from 'react-router'

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

/** What a server middleware receives: the request, params and context. */
export type MiddlewareArgs = Parameters<MiddlewareFunction<Response>>[0]

/**
 * A React Router server middleware (`future.v8_middleware`) that answers CORS preflights (and,
 * with `csrf`, refuses untrusted cross-origin writes) before any loader or action runs, and
 * adds the CORS headers to the answer of every route it runs on: resource routes, actions and
 * documents, a thrown error's 500 included. Bad options throw a `CorsConfigError` listing every
 * problem here, when the route module loads. The origin function receives
 * `(origin, request, args)`.
 * @example export const middleware: Route.MiddlewareFunction[] = [cors({ origin: ['https://app.example.com'] })]
 */
export function cors(
  options: CorsOptions<[args: MiddlewareArgs]> | CorsOptionsList<[args: MiddlewareArgs]>,
): MiddlewareFunction<Response> {
  const policy = createCorsAt(cors, options, {
    problem:
      'is never called: React Router answers what a loader or action throws, and the CORS headers are added.',
    fix: "leave it out; shape error answers with the route's ErrorBoundary, or handleError in app/entry.server.tsx.",
  }) // a bad config fails at start-up
  return async function corsMiddleware(args, next) {
    // React Router 7.18 runs no middleware for an OPTIONS request to a document route (it
    // answers 405 first) nor for a URL no route matches: only resource routes get here with one.
    const answer = await policy.intercept(args.request, args)
    if (answer) return answer
    // next() resolves with the route's answer, an error a loader or action threw already turned
    // into React Router's 500 (or the ErrorBoundary's document).
    const response = await next()
    return policy.apply(response, await policy.actualHeaders(args.request, args))
  }
}
