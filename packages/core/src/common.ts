/**
 * What `@corsica/core` (index.ts) and `@corsica/core/lite` (lite.ts) both export. Each entry adds
 * createCors, createCorsAt and perEnv, bound to its own check of subdomain patterns: nothing
 * here reaches the Public Suffix List, so a bundle of the lite entry never holds it.
 */

import {
  isForbiddenMethod,
  isForbiddenRequestHeader,
  isForbiddenResponseHeader,
  isOWS,
  isToken,
  normalizeMethod,
  SAFELISTED_METHODS,
  SAFELISTED_RESPONSE_HEADERS,
} from './fetch-spec.ts'

export { configErrorResponse } from './env.ts'
export { type ConfigProblem, CorsConfigError } from './errors.ts'
export { isThenable } from './origin.ts'
export { originsFromEnv } from './origins-from-env.ts'
export { type CorsPolicy, isPreflight } from './policy.ts'
export { describeRefusal, REFUSAL_REASONS, type RefusalDetails, refusalLine } from './reasons.ts'
export { MAX_REQUEST_HEADERS_LENGTH } from './request-headers.ts'
export {
  applyCorsHeaders,
  type ListedHeaderStore,
  withEarlierHeaders,
  writeAnswer,
  writeAnswerHeaders,
} from './response-headers.ts'
export type {
  CorsAnswer,
  CorsDecision,
  CorsHeaders,
  CorsOptions,
  CorsOptionsList,
  CorsRefusal,
  CorsRequest,
  FetchHandler,
  FrameworkErrors,
  HeaderStore,
  MaybePromise,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from './types.ts'

/**
 * The Fetch standard's definitions the policy decides by, for tools that must agree with it. A
 * frozen object made in a pure expression, not `export * as fetchSpec`: bundlers turn a namespace
 * re-export into a call at the top of the shared chunk, which kept every definition (and the
 * namespace's getters) in bundles that never read them.
 */
export const fetchSpec: Readonly<typeof import('./fetch-spec.ts')> = /* @__PURE__ */ Object.freeze({
  isForbiddenMethod,
  isForbiddenRequestHeader,
  isForbiddenResponseHeader,
  isOWS,
  isToken,
  normalizeMethod,
  SAFELISTED_METHODS,
  SAFELISTED_RESPONSE_HEADERS,
})
