/**
 * @module @corsica/core: a spec-exact, zero-dependency CORS engine for Fetch API Request/Response.
 */
export { type ConfigProblem, CorsConfigError } from './errors'
export { type CorsPolicy, createCors, isPreflight } from './policy'
export { describeRefusal, REFUSAL_REASONS, type RefusalDetails } from './reasons'
export { MAX_REQUEST_HEADERS_LENGTH } from './request-headers'
export { applyCorsHeaders } from './response-headers'
export type {
  CorsHeaders,
  CorsOptions,
  CorsRefusal,
  FetchHandler,
  MaybePromise,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from './types'
