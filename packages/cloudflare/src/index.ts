/**
 * @module Cloudflare Workers adapter for CORS, backed by @corsica/core. Subdomain patterns are
 * checked against the Public Suffix List; `@corsica/cloudflare/lite` is the same without them,
 * and without the list.
 */
import { createCorsAt, perEnv } from '@corsica/core'
import { type WithCors, withCorsOn } from './worker.ts'

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
export type {
  WithCors,
  WorkerCorsOptions,
  WorkerEntrypointClass,
  WorkerFetch,
  WorkerHandlers,
} from './worker.ts'

/**
 * Adds CORS to a module worker (`{ fetch, scheduled, … }`), a bare fetch function, or a
 * `WorkerEntrypoint` class with a `fetch` method. Preflights are answered without calling
 * `fetch` (unless `preflightContinue`); other responses get CORS headers. `env` and `ctx` pass
 * through, and reach the origin function; handlers other than `fetch` are kept as they are.
 *
 * Fixed options are checked here, at start-up: bad ones throw a `CorsConfigError` listing every
 * problem. Options from env are checked on the first request of each env: bad ones answer every
 * request 500, granting nothing, and the `CorsConfigError` is logged once per env.
 * @example export default withCors({ origin: ['https://app.example.com'] }, { fetch: (request, env, ctx) => … })
 * @example export default withCors((env: Env) => ({ origin: env.ALLOWED_ORIGINS.split(' ') }), { fetch })
 */
export const withCors: WithCors = withCorsOn({ createCorsAt, perEnv })
