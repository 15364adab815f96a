/**
 * The shared table through a real Astro app (`astro build`, @astrojs/node standalone): case i's
 * policy is `export const onRequest = cors(options)` on /conformance/i, an endpoint exporting
 * `ALL`, so every method the table sends reaches the case's handler unless the middleware answers.
 */
import { adapterCases, type Case, checkOutcome, requestHeaders } from '@corsica/testkit'
import { checkApp, formRefusal } from '@corsica/testkit/app-cases'
import { sendTableCase } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'

const url = inject('astroUrl')

/**
 * Whether Astro's own origin check (`security.checkOrigin`, on by default) answers `c` before
 * any middleware of the app runs: a method other than GET, HEAD and OPTIONS whose Origin is not
 * the app's own (or missing), with a form content type or none at all (astro 5.18,
 * dist/core/app/middlewares.js).
 */
function astroRefuses(c: Omit<Case, 'options'>): boolean {
  const headers = new Headers(requestHeaders(c, url))
  const type = headers.get('content-type')?.toLowerCase()
  const formLike = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].some((form) =>
    type?.includes(form),
  )
  return (
    !['GET', 'HEAD', 'OPTIONS'].includes(c.request.method) &&
    headers.get('origin') !== url &&
    (type === undefined || formLike)
  )
}

describe('the shared table through a built Astro app', () => {
  for (const [i, c] of adapterCases.entries()) {
    if (astroRefuses(c)) {
      // The pitfall, case by case: the app's middleware never runs, so no CORS header either.
      // examples/astro turns Astro's check off and lets Corsica's `csrf` decide.
      test(`${i}: ${c.name} — Astro's checkOrigin answers 403 before the middleware, without CORS headers`, async () => {
        const answer = await sendTableCase(c, url, i)
        expect(checkApp({ expect: formRefusal(c.request.method) }, answer)).toEqual([])
      })
      continue
    }
    test(`${i}: ${c.name}`, async () => {
      expect(checkOutcome(c, await sendTableCase(c, url, i))).toEqual([])
    })
  }
})
