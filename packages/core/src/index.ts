/**
 * @module @corsica/core: a spec-exact, zero-dependency CORS engine for Fetch API Request/Response.
 */

export { configErrorResponse, perEnv } from './env.ts'
export { type ConfigProblem, CorsConfigError } from './errors.ts'
/** The Fetch standard's definitions the policy decides by, for tools that must agree with it. */
export * as fetchSpec from './fetch-spec.ts'
export { isThenable } from './origin.ts'
export { type CorsPolicy, createCors, createCorsAt, isPreflight } from './policy.ts'
export { describeRefusal, REFUSAL_REASONS, type RefusalDetails, refusalLine } from './reasons.ts'
export { MAX_REQUEST_HEADERS_LENGTH } from './request-headers.ts'
export { applyCorsHeaders, withEarlierHeaders } from './response-headers.ts'
export type {
  CorsAnswer,
  CorsDecision,
  CorsHeaders,
  CorsOptions,
  CorsOptionsList,
  CorsRefusal,
  CorsRequest,
  FetchHandler,
  HeaderStore,
  MaybePromise,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from './types.ts'
