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

/**
 * The default `onRefuse`, one per policy: `console.warn(refusalLine(...))` the first time each
 * distinct refusal is seen. Distinct by code, origin, and the method or header it names (what
 * its message says; an origin function that throws is said once per origin). `console.warn` is looked up at each call, so a logger installed later
 * receives the lines.
 */
export class RefusalLog {
  /**
   * Two budgets: refusals of origins the policy grants (a method, a header or private network
   * access it does not allow: configuration mistakes) and all others (any client can send any
   * Origin, so a flood of those must not silence the mistakes).
   */
  readonly #budgets = [new Budget('of allowed origins'), new Budget('of other origins')] as const

  /** Whether this refusal needs no line: said before, its budget is spent, or it is the doctor's probe. */
  said(code: RefusalCode, details: RefusalDetails): boolean {
    if (details.origin === DOCTOR_PROBE_ORIGIN) return true
    return this.#budgets[budgetOf(code)].said(details.origin, what(code, details))
  }

  /** Says a refusal that {@link said} found new; after the first 100 of its kind, says that further ones are not. */
  log(code: RefusalCode, details: RefusalDetails): void {
    if (this.#budgets[budgetOf(code)].spend(details.origin, what(code, details))) {
      console.warn(refusalLine(describeRefusal(code, details)))
    }
  }
}

/** 0 for the refusals of an origin the policy grants (all but the origin codes), else 1. */
function budgetOf(code: RefusalCode): 0 | 1 {
  return code.startsWith('origin-') || code.startsWith('cross-origin-') ? 1 : 0
}

/** Up to LOGGED_REFUSALS distinct refusals, keyed exactly (the whole origin, method and header). */
class Budget {
  /** Per origin, the refusals logged: their code, and the method or header they name. */
  readonly #seen = new Map<string, Set<string>>()
  #count = 0
  readonly #kind: string

  constructor(kind: string) {
    this.#kind = kind
  }

  said(origin: string, what: string): boolean {
    return this.#count > LOGGED_REFUSALS || (this.#seen.get(origin)?.has(what) ?? false)
  }

  /** Records a new refusal: true when it gets its line, false once the budget is spent. */
  spend(origin: string, what: string): boolean {
    if (this.#count++ === LOGGED_REFUSALS) {
      this.#seen.clear()
      console.warn(
        `[corsica] ${LOGGED_REFUSALS} distinct CORS refusals ${this.#kind} logged; further ones are not. Pass onRefuse to see every refusal.`,
      )
      return false
    }
    this.#seen.set(origin, (this.#seen.get(origin) ?? new Set<string>()).add(what))
    return true
  }
}

/** What a refusal's message says beyond its origin: its code, and the method or header it names. */
function what(code: RefusalCode, details: RefusalDetails): string {
  if (details.method === undefined && details.header === undefined) return code
  return `${code}\n${details.method ?? ''}\n${details.header ?? ''}`
}
