/**
 * CORS contract tests: "these are the calls my front end makes; each must be allowed, and this
 * one must be blocked", in any test runner. A failed expectation throws an error whose message
 * is the doctor's report, so the test output says what a browser would do and what to change.
 */
import { type Diagnosis, diagnose } from './diagnose'
import type { DoctorInput } from './plan'
import { toText } from './report'

/** A contract that did not hold: `diagnosis` is the doctor's full account. */
export class CorsContractError extends Error {
  override name = 'CorsContractError'
  constructor(
    message: string,
    readonly diagnosis: Diagnosis,
  ) {
    super(message)
  }
}

/**
 * Diagnoses `call` and throws a CorsContractError with the doctor's report unless a browser
 * would let the page read the response. Resolves to the diagnosis.
 * @example await expectCorsAllowed({ url: 'http://api.test/notes', origin: 'https://app.example.com', method: 'POST', headers: ['Content-Type: application/json'], credentials: true, handler: app.fetch })
 */
export async function expectCorsAllowed(call: DoctorInput): Promise<Diagnosis> {
  const d = await diagnose(call)
  if (!d.allowed) {
    throw new CorsContractError(
      `expected the browser to allow this call, but it blocks it:\n\n${toText(d, false)}`,
      d,
    )
  }
  return d
}

/** Diagnoses `call` and throws a CorsContractError with the doctor's report if a browser would allow it. */
export async function expectCorsBlocked(call: DoctorInput): Promise<Diagnosis> {
  const d = await diagnose(call)
  if (d.allowed) {
    throw new CorsContractError(
      `expected the browser to block this call, but it allows it:\n\n${toText(d, false)}`,
      d,
    )
  }
  return d
}
