/**
 * The example as its README runs it (`astro build`, `node dist/server/entry.mjs`): CORS from the middleware, and the
 * recommended CSRF setup, Astro's check off (`security.checkOrigin: false`) and Corsica's
 * `csrf: true` on, so one list decides who may read and who may write.
 */
import { appCases, checkApp, exampleRows } from '@corsica/testkit/app-cases'
import { sendCase } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'

const url = inject('exampleUrl')

const cases = appCases(exampleRows, {
  get: { name: "a GET gets the CORS headers and the later middleware's x-request-id, exposed" },
  throws: {
    name: "an endpoint that throws: the 500 keeps the CORS headers (Astro's own would skip the middleware)",
  },
  formFromListed: {
    name: "a form POST from a listed origin reaches the endpoint (Astro's check alone would answer 403)",
  },
})

describe('the notes example on Astro: CORS, and cross-origin writes decided by Corsica with the CORS list', () => {
  for (const c of cases) test(c.name, async () => expect(checkApp(c, await sendCase(c, url))).toEqual([]))
})
