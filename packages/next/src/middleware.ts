import { type CorsOptions, type CorsOptionsList, createCorsAt } from '@corsica/core'
import { type NextFetchEvent, NextResponse } from 'next/server.js'

/**
 * A Next.js middleware (`middleware.ts`, edge runtime) or proxy (`proxy.ts`, Node runtime) that
 * handles CORS. Export it as `middleware` or `proxy`, or call it at the end of your own function.
 */
export interface CorsMiddleware {
  /** Answers a preflight, or lets the request continue (`NextResponse.next()`) with CORS headers. */
  (request: Request): Promise<Response>
  /**
   * Answers a preflight, or returns `response` (your `NextResponse.next({ request })`, `rewrite()`,
   * `redirect()` or an early answer such as a 401) with the CORS headers set on it.
   */
  (request: Request, response: Response): Promise<Response>
  /** The shape Next calls: `(request, event)`. The event reaches the origin function. */
  (request: Request, event: NextFetchEvent): Promise<Response>
  /** Your response, and Next's event for the origin function. */
  (request: Request, response: Response, event: NextFetchEvent | undefined): Promise<Response>
}

/**
 * Creates the CORS middleware. Options are validated here: a mistake throws a
 * `CorsConfigError` listing every problem. Create it in next.config.ts too, so that the mistake
 * stops `next build` (see the README). The origin function receives `(origin, request, event)`.
 *
 * @example
 * // proxy.ts (Next 16, Node runtime); for middleware.ts export it as `middleware`
 * export const proxy = createCorsMiddleware({ origin: ['https://app.example.com'], credentials: true })
 * export const config = { matcher: ['/api/:path*'] }
 */
export function createCorsMiddleware(
  options:
    | CorsOptions<[event: NextFetchEvent | undefined]>
    | CorsOptionsList<[event: NextFetchEvent | undefined]>,
): CorsMiddleware {
  const policy = createCorsAt(createCorsMiddleware, options, {
    problem: 'is never called: Next answers what a route or page throws, and the CORS headers are added.',
    fix: "leave it out; shape error answers with app/error.tsx, or withCors in the route's route.ts (it calls onError).",
  })
  return async (request: Request, responseOrEvent?: Response | NextFetchEvent, eventArg?: NextFetchEvent) => {
    const given = isResponse(responseOrEvent) ? responseOrEvent : undefined
    const event = given === undefined ? (responseOrEvent as NextFetchEvent | undefined) : eventArg
    // A preflight is answered here and never reaches the route (Fetch: CORS-preflight fetch),
    // unless preflightContinue: then the route answers it, with the grant copied onto its answer.
    // With csrf, a refused cross-origin write or WebSocket handshake is answered 403 here too.
    const early = await policy.intercept(request, event)
    if (early) return early
    // Headers set on NextResponse.next() are copied onto whatever response the route or page
    // produces, so the CORS headers are computed from the request alone.
    return policy.apply(given ?? NextResponse.next(), await policy.actualHeaders(request, event))
  }
}

/** Tells a response from Next's fetch event by shape: `instanceof` fails across realms. */
function isResponse(value: unknown): value is Response {
  const candidate = value as Partial<Response> | undefined
  return typeof candidate?.status === 'number' && typeof candidate.headers?.get === 'function'
}
