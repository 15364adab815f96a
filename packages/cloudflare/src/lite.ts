/**
 * @module `@corsica/cloudflare` for Workers that count their bytes, on `@corsica/core/lite`: the
 * same `withCors`, options, refusals and messages, but a subdomain pattern
 * (`https://*.example.com`) is refused at start-up, so the Public Suffix List is not in the
 * bundle. Exact origins, port patterns, RegExps and origin functions work as in `@corsica/cloudflare`.
 */
import { createCorsAt, perEnv } from '@corsica/core/lite'
import { type WithCors, withCorsOn } from './worker.ts'

export type {
  CorsOptions,
  CorsOptionsList,
  CorsRefusal,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from '@corsica/core/lite'
export { CorsConfigError } from '@corsica/core/lite'
export type {
  WithCors,
  WorkerCorsOptions,
  WorkerEntrypointClass,
  WorkerFetch,
  WorkerHandlers,
} from './worker.ts'

/**
 * Adds CORS to a module worker, a fetch function or a `WorkerEntrypoint` class, as `withCors` of
 * `@corsica/cloudflare` does, without subdomain patterns.
 * @example export default withCors({ origin: ['https://app.example.com'] }, { fetch: (request, env, ctx) => … })
 */
export const withCors: WithCors = withCorsOn({ createCorsAt, perEnv })
