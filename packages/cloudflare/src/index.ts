/** @module Cloudflare Workers adapter for CORS, backed by @corsica/core. */
import { type CorsOptions, createCorsAt } from '@corsica/core'

export type {
  CorsOptions,
  CorsRefusal,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from '@corsica/core'
export { CorsConfigError } from '@corsica/core'

/** A Workers fetch handler: `(request, env, ctx)`; the platform's own argument types are kept. */
export type WorkerFetch = (request: Request, ...rest: any[]) => Response | Promise<Response>

/** A module worker's default export: a `fetch` handler plus any others (`scheduled`, `queue`…). */
export interface WorkerHandlers {
  fetch?(request: Request, ...rest: any[]): Response | Promise<Response>
}

/**
 * Adds CORS to a module worker (`{ fetch, scheduled, … }`) or to a bare fetch function.
 * Preflights are answered without calling `fetch`; other responses get CORS headers.
 * `env` and `ctx` pass through; handlers other than `fetch` are kept as they are.
 * Throws a `CorsConfigError` listing every problem when the options are invalid.
 * @example export default withCors({ origin: ['https://app.example.com'] }, { fetch: (request, env, ctx) => … })
 */
export function withCors<F extends WorkerFetch>(options: CorsOptions, handler: F): F
export function withCors<H extends WorkerHandlers>(options: CorsOptions, handler: H): H
export function withCors(
  options: CorsOptions,
  handler: WorkerFetch | WorkerHandlers,
): WorkerFetch | WorkerHandlers {
  const policy = createCorsAt(withCors, options) // validates now, so a bad config fails at deploy, not per request
  if (typeof handler === 'function') return policy.wrap(handler)
  const { fetch } = handler
  if (typeof fetch !== 'function')
    throw new TypeError(
      'withCors: the worker object has no fetch method. Pass { fetch(request, env, ctx) { … } } or a fetch function.',
    )
  // The other handlers are inherited, untouched. `this` in each of them, fetch included, is the
  // exported object, as the runtime would make it without withCors.
  const worker: WorkerHandlers = Object.create(handler)
  worker.fetch = policy.wrap((request: Request, ...rest: unknown[]) => fetch.call(worker, request, ...rest))
  return worker
}
