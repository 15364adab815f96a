/**
 * @module @corsica/doctor: does what a browser does for a cross-origin call and says exactly why
 * it would be blocked and what to change. The `corsica doctor` command is built on `diagnose`.
 */
export { type ChromeCorsError, chromeMessage, type ReasonCode, reasonFor } from './chrome-errors'
export { type ConsoleLine, type ConsoleReason, readConsoleLine } from './console-lines'
export { CorsContractError, expectCorsAllowed, expectCorsBlocked } from './contract'
export { type Diagnosis, diagnose, type Problem } from './diagnose'
export { ENGINE_DEPARTURES, ENGINES, type Engine, type EngineDeparture } from './engines'
export { type Explanation, explain, explanationText } from './explain'
export { type DoctorInput, planRequest, type RequestPlan, type ServerFlavor, UsageError } from './plan'
export { type JsonVerdict, toJson, toText } from './report'
export { escapeControls } from './sanitise'
export { type FetchHandler, NetworkError } from './transport'
export type { Warning, WarningCode } from './warnings'
