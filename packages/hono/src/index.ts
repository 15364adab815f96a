/**
 * @module Hono middleware for CORS, backed by @corsica/core. Subdomain patterns are checked
 * against the Public Suffix List; `@corsica/hono/lite` is the same without them, and without the list.
 */
import { createCorsAt, perEnv } from '@corsica/core'
import { corsWith, type HonoCors } from './middleware.ts'

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
export type { HonoCors, HonoCorsOptions } from './middleware.ts'

/**
 * Hono middleware that answers CORS preflights and adds CORS headers to every other response.
 * Fixed options are checked here, at start-up: bad ones throw a `CorsConfigError` listing every
 * problem. Options from `c.env` are checked on the first request of each env: bad ones answer
 * every request 500, granting nothing, and the error is logged once per env.
 * @example app.use('/api/*', cors({ origin: ['https://app.example.com'], credentials: true }))
 * @example app.use('/api/*', cors((env) => ({ origin: env.ALLOWED_ORIGINS.split(' ') })))
 */
export const cors: HonoCors = corsWith({ createCorsAt, perEnv })
