/**
 * @module CORS for Next.js: `createCorsMiddleware` for `proxy.ts` / `middleware.ts`, and
 * `withCors` for app-router route handlers. All CORS decisions are made by @corsica/core.
 */

export type {
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
export { type CorsMiddleware, createCorsMiddleware } from './middleware'
export {
  type CorsRouteHandlers,
  type RouteHandler,
  type RouteHandlers,
  type RouteMethod,
  withCors,
} from './route'
