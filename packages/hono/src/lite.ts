/**
 * @module `@corsica/hono` for bundles that count their bytes (Workers, edge functions), on
 * `@corsica/core/lite`: the same middleware, options, refusals and messages, but a subdomain
 * pattern (`https://*.example.com`) is refused at start-up, so the Public Suffix List is not in
 * the bundle. Exact origins, port patterns, RegExps and origin functions work as in `@corsica/hono`.
 */
import { createCorsAt, perEnv } from '@corsica/core/lite'
import { corsWith, type HonoCors } from './middleware.ts'

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
export type { HonoCors, HonoCorsOptions } from './middleware.ts'

/**
 * Hono middleware that answers CORS preflights and adds CORS headers to every other response,
 * as `cors` of `@corsica/hono`, without subdomain patterns.
 * @example app.use('/api/*', cors({ origin: ['https://app.example.com'], credentials: true }))
 */
export const cors: HonoCors = corsWith({ createCorsAt, perEnv })
