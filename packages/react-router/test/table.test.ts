/**
 * The shared table through a real React Router app (`react-router build`, `react-router-serve`):
 * case i's policy is `export const middleware = [cors(options)]` on the resource route
 * /conformance/:i, whose loader (GET, HEAD) and action (every other method, OPTIONS included) run
 * the case's handler unless the middleware answers.
 */
import { adapterCases, type Case, checkOutcome } from '@corsica/testkit'
import { type Answer, sendTableCase } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'

const url = inject('reactRouterUrl')

/**
 * The problems with `answer` for `c`. react-router-serve compresses (Express's `compression`),
 * which adds `Accept-Encoding` to the Vary of every compressible answer after the app is done,
 * so that one name is left out of the comparison when the case does not expect it.
 */
function problems(c: Omit<Case, 'options'>, answer: Answer): string[] {
  const expected = c.expect.headers.vary ?? ''
  const get = (name: string) => {
    const value = answer.headers.get(name)
    if (name !== 'vary' || value === null || /accept-encoding/i.test(expected)) return value
    return value.replace(/(^|, )Accept-Encoding$/, '') || null
  }
  return checkOutcome(c, { status: answer.status, headers: { get } })
}

describe('the shared table through a built React Router app', () => {
  for (const [i, c] of adapterCases.entries()) {
    test(`${i}: ${c.name}`, async () => {
      expect(problems(c, await sendTableCase(c, url, i))).toEqual([])
    })
  }
})
