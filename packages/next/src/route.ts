import { type CorsOptions, type CorsOptionsList, createCorsAt } from '@corsica/core'

/** An app-router route handler: the request and Next's route context (`{ params }`), typed by each route. */
export type RouteHandler = (request: any, context: any) => Response | Promise<Response>

/** The methods a `route.ts` may export (Next's HTTP_METHODS). */
export type RouteMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS'

/** The handlers of one `route.ts`, by method. */
export type RouteHandlers = Partial<Record<RouteMethod, RouteHandler>>

/** The handlers `withCors` returns: yours, wrapped, plus an `OPTIONS` handler. */
export type CorsRouteHandlers<H extends RouteHandlers> = H & {
  OPTIONS: (request: Request, context?: unknown) => Promise<Response>
}

/**
 * Wraps the handlers of an app-router `route.ts`: each gets CORS headers on its response (the
 * route context passes through), and an `OPTIONS` handler answers preflights. A non-preflight
 * OPTIONS goes to your `OPTIONS` handler if you export one, else gets Next's usual 204 with `Allow`
 * (with `preflightContinue`, preflights go there too). The origin function receives
 * `(origin, request, context)`.
 *
 * @example
 * export const { GET, POST, OPTIONS } = withCors({ origin: ['https://app.example.com'] }, { GET, POST })
 */
export function withCors<H extends RouteHandlers>(
  options: CorsOptions<[context: any]> | CorsOptionsList<[context: any]>,
  handlers: H,
): CorsRouteHandlers<H> {
  const policy = createCorsAt(withCors, options)
  const wrapped: Record<string, RouteHandler> = {}
  for (const [method, handler] of Object.entries(handlers)) {
    if (handler) wrapped[method] = policy.wrap(handler)
  }
  wrapped.OPTIONS = policy.wrap(handlers.OPTIONS ?? allowResponder(handlers))
  return wrapped as CorsRouteHandlers<H>
}

/**
 * What Next answers to OPTIONS when a route exports no OPTIONS handler: 204 with `Allow`
 * (next/dist/server/route-modules/app-route/helpers/auto-implement-methods.js).
 */
function allowResponder(handlers: RouteHandlers): RouteHandler {
  const allow = new Set<string>(['OPTIONS', ...Object.keys(handlers)])
  if (allow.has('GET')) allow.add('HEAD')
  const headers = { allow: [...allow].sort().join(', ') }
  return () => new Response(null, { status: 204, headers })
}
