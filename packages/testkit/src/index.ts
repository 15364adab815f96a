/**
 * @module @corsica/testkit: the shared test table, the browser-level cases and a model of what
 * browsers do with CORS responses. Private; imported as TypeScript by every runtime's tests.
 */
export { apiHandler, type BrowserCase, browserCases, PAGE_HOSTS } from './browser-cases.ts'
export * from './browser-model.ts'

import { type Case, cases as corsCases } from './cases.ts'
import { continueCases } from './continue-cases.ts'
import { csrfCases } from './csrf-cases.ts'
import { type PerOriginCase, perOriginCases } from './per-origin-cases.ts'

export { ACAC, ACAH, ACAM, ACAO, ACEH, ACMA, type Case, type CaseRequest, PREFLIGHT_VARY } from './cases.ts'
/** The shared table: the CORS protocol, then `csrf` (every runtime runs both). */
export const cases = [...corsCases, ...csrfCases]
export { continueCases } from './continue-cases.ts'
export { csrfCases, SELF, websocketCases } from './csrf-cases.ts'
export { ENGINE_DEPARTURES, type Engine, type EngineDeparture } from './departures.ts'
export { type HandlerName, handlerRan, handlers, REDIRECT_TARGET } from './handlers.ts'
export { hasSubdomainPattern, LITE_REFUSAL, liteCases, liteRefusedCases } from './lite.ts'
export { onErrorNote } from './notes.ts'
export { type PerOriginCase, perOriginCases } from './per-origin-cases.ts'

/** A row of the table an adapter runs: options as one object, or a list of them. */
export type AdapterCase = Case | PerOriginCase
/**
 * What every adapter runs in its framework, in this order (apps and tests number the rows
 * alike): the shared table, the preflightContinue cases, then the per-origin ones.
 */
export const adapterCases: readonly AdapterCase[] = [...cases, ...continueCases, ...perOriginCases]
export {
  type AnswerExpectation,
  checkAnswer,
  checkOutcome,
  type ObservedResponse,
  requestHeaders,
  toRequest,
} from './run.ts'
