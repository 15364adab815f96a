/**
 * The shared table through a real SvelteKit app (`vite build`, adapter-node's `node build`): case
 * i's policy is `export const handle = cors(options)` on /conformance/i, whose endpoint exports
 * only `fallback`, so every method the table sends reaches the case's handler unless the hook answers.
 */
import { adapterCases, type Case, checkOutcome, requestHeaders } from '@corsica/testkit'
import { checkApp, formRefusal } from '@corsica/testkit/app-cases'
import { sendTableCase } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'

const url = inject('sveltekitUrl')

/**
 * Whether SvelteKit's own CSRF check (`csrf.trustedOrigins` empty, the default) answers `c`
 * before any hook runs: a cross-origin POST, PUT, PATCH or DELETE with a form content type
 * (@sveltejs/kit 2.70, src/runtime/server/respond.js).
 */
function kitRefusesForm(c: Omit<Case, 'options'>): boolean {
  const headers = new Headers(requestHeaders(c, url))
  const type = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
  return (
    ['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.request.method) &&
    ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(type) &&
    headers.get('origin') !== url
  )
}

describe('the shared table through a built SvelteKit app', () => {
  for (const [i, c] of adapterCases.entries()) {
    if (kitRefusesForm(c)) {
      // The pitfall, case by case: no hook runs, so the browser sees no CORS header either.
      // examples/sveltekit turns SvelteKit's check off and lets Corsica's `csrf` decide.
      test(`${i}: ${c.name} — SvelteKit's csrf check answers 403 before any hook, without CORS headers`, async () => {
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
