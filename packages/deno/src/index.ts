/**
 * @module Deno.serve handlers with spec-exact CORS, backed by @corsica/core.
 *
 * ```ts
 * import { withCors } from '@corsica/deno'
 * Deno.serve(withCors({ origin: ['https://app.example.com'] }, (request, info) => new Response('ok')))
 * ```
 */
import { type CorsOptions, type CorsOptionsList, createCorsAt } from '@corsica/core'

export type {
  ConfigProblem,
  CorsHeaders,
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
 * A Deno.serve handler. `Info` is what Deno passes beside the request (`Deno.ServeHandlerInfo`:
 * `remoteAddr`, `completed`); it stays a type parameter so this file builds without Deno's types.
 */
export type ServeHandler<Info = unknown> = (request: Request, info: Info) => Response | Promise<Response>

/**
 * Wraps a Deno.serve handler with a CORS policy: preflights are answered without calling the
 * handler, every other request runs the handler and gets its CORS headers. `info` passes
 * through untouched, and reaches the origin function: `(origin, request, info)`. With
 * `preflightContinue`, the handler answers preflights too, and a granted one's CORS headers go
 * on its answer. The options are checked here, at start-up: bad options throw a
 * {@link CorsConfigError} listing every problem. A list of options objects sets what differs per
 * origin (the first entry whose origin grants a request decides it). An exception from the handler propagates to
 * Deno.serve, whose `onError` turns it into the error response.
 *
 * @example
 * Deno.serve(withCors({ origin: ['https://app.example.com'], credentials: true }, (request, info) =>
 *   Response.json({ from: info.remoteAddr })))
 */
export function withCors<Info>(
  options: CorsOptions<[info: Info]> | CorsOptionsList<[info: Info]>,
  handler: ServeHandler<Info>,
): ServeHandler<Info> {
  return createCorsAt(withCors, options).wrap(handler)
}
