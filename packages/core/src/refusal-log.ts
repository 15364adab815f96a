/**
 * What Corsica does with a refusal when no `onRefuse` is given: says it on the server, once per
 * distinct refusal, in memory that a hostile client cannot grow.
 */
import { refusalLine } from './reasons.ts'
import type { CorsRefusal } from './types.ts'

/** Distinct refusals logged per policy; then one line says further ones are not. */
export const LOGGED_REFUSALS = 100

/**
 * The origin `corsica doctor` uses to ask whether a server grants any origin (its probes, from
 * `.example`, reserved by RFC 2606). Refusing it is the right answer, not worth a warning.
 */
const DOCTOR_PROBE_ORIGIN = 'https://corsica-doctor-probe.example'

/**
 * A fresh default `onRefuse`: `console.warn(refusalLine(refusal))` the first time each distinct
 * refusal is seen. Distinct by code, origin and message (the message names the method or header).
 * `console.warn` is looked up at each call, so a logger installed later receives the lines.
 */
export function createRefusalLog(): (refusal: CorsRefusal) => void {
  const seen = new Set<string>()
  let full = false
  return (refusal) => {
    if (full || refusal.origin === DOCTOR_PROBE_ORIGIN) return
    // Origins over 512 characters are never granted (origin.ts); the key stays as short.
    const key = `${refusal.code}\n${refusal.origin.slice(0, 512)}\n${refusal.message.slice(0, 512)}`
    if (seen.has(key)) return
    if (seen.size === LOGGED_REFUSALS) {
      full = true
      seen.clear()
      console.warn(
        `[corsica] ${LOGGED_REFUSALS} distinct CORS refusals logged; further ones are not. Pass onRefuse to see every refusal.`,
      )
      return
    }
    seen.add(key)
    console.warn(refusalLine(refusal))
  }
}
