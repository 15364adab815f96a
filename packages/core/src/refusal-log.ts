/**
 * What Corsica does with a refusal when no `onRefuse` is given: says it on the server, once per
 * distinct refusal, in memory that a hostile client cannot grow, and in time that a flood of
 * refusals cannot grow either: a repeat costs one Set lookup, and nothing is described for it.
 */
import { describeRefusal, type RefusalDetails, refusalLine } from './reasons.ts'
import type { RefusalCode } from './types.ts'

/** Distinct refusals logged per policy; then one line says further ones are not. */
export const LOGGED_REFUSALS = 100

/**
 * The origin `corsica doctor` uses to ask whether a server grants any origin (its probes, from
 * `.example`, reserved by RFC 2606). Refusing it is the right answer, not worth a warning.
 */
const DOCTOR_PROBE_ORIGIN = 'https://corsica-doctor-probe.example'

/** The longest part of a refusal the key keeps (origins over 512 characters are never granted). */
const KEY_PART = 512

/**
 * The default `onRefuse`, one per policy: `console.warn(refusalLine(...))` the first time each
 * distinct refusal is seen. Distinct by code, origin, and the method or header it names (what
 * its message says; an origin function that throws is said once per origin). `console.warn` is looked up at each call, so a logger installed later
 * receives the lines.
 */
export class RefusalLog {
  /** Per origin, the refusals logged: their code, and the method or header they name. */
  readonly #seen = new Map<string, Set<string>>()
  #count = 0

  /** Whether this refusal needs no line: said before, the log is full, or it is the doctor's probe. */
  said(code: RefusalCode, details: RefusalDetails): boolean {
    if (this.#count > LOGGED_REFUSALS || details.origin === DOCTOR_PROBE_ORIGIN) return true
    return this.#seen.get(clip(details.origin))?.has(what(code, details)) ?? false
  }

  /** Says a refusal that {@link said} found new; after the first 100, says that further ones are not. */
  log(code: RefusalCode, details: RefusalDetails): void {
    if (this.#count++ === LOGGED_REFUSALS) {
      this.#seen.clear()
      console.warn(
        `[corsica] ${LOGGED_REFUSALS} distinct CORS refusals logged; further ones are not. Pass onRefuse to see every refusal.`,
      )
      return
    }
    const origin = clip(details.origin)
    this.#seen.set(origin, (this.#seen.get(origin) ?? new Set<string>()).add(what(code, details)))
    console.warn(refusalLine(describeRefusal(code, details)))
  }
}

/** What a refusal's message says beyond its origin: its code, and the method or header it names. */
function what(code: RefusalCode, details: RefusalDetails): string {
  if (details.method === undefined && details.header === undefined) return code
  return `${code}\n${clip(details.method ?? '')}\n${clip(details.header ?? '')}`
}

function clip(part: string): string {
  return part.length > KEY_PART ? part.slice(0, KEY_PART) : part
}
