/**
 * The example as its README runs it (`vite build`, `node build`): CORS from the hook, and the
 * recommended CSRF setup, SvelteKit's check off (`csrf.trustedOrigins: ['*']`) and Corsica's
 * `csrf: true` on, so one list decides who may read and who may write.
 */
import { appCases, checkApp, exampleRows } from '@corsica/testkit/app-cases'
import { sendCase } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'

const url = inject('exampleUrl')

const cases = appCases(exampleRows, {
  get: { name: "a GET gets the CORS headers and the later hook's x-request-id, exposed" },
  throws: { name: "an endpoint that throws: SvelteKit's 500 keeps the CORS headers" },
  formFromListed: {
    name: 'a form POST from a listed origin reaches the endpoint (SvelteKit alone would answer 403)',
  },
  formFromPattern: {
    name: 'a form POST from an origin matching a pattern reaches it too (SvelteKit trusts exact origins only)',
  },
  jsonFromOther: {
    name: 'a JSON POST from another origin is refused as well (SvelteKit checks form content types only)',
  },
})

describe('the notes example on SvelteKit: CORS, and cross-origin writes decided by Corsica with the CORS list', () => {
  for (const c of cases) test(c.name, async () => expect(checkApp(c, await sendCase(c, url))).toEqual([]))
})
