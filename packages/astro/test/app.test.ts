/** Astro's own pitfalls, each by name, against the built test app (test/app). */
import { CorsConfigError } from '@corsica/core'
import {
  ACAO,
  APP,
  appCases,
  checkApp,
  formCheckRows,
  get,
  preflight,
  testAppRows,
} from '@corsica/testkit/app-cases'
import { send, sendCase } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'
import { cors } from '../src/index'

const url = inject('astroUrl')
const CHECK_ORIGIN = "Astro's own origin check (security.checkOrigin, on by default)"

const cases = appCases(
  { ...testAppRows('Astro'), ...formCheckRows },
  {
    throws: {
      name: 'cors() catches a thrown error: the 500 keeps the CORS headers',
      expect: { headers: { vary: 'Origin' } },
    },
    notFound: { name: "a URL no route matches: Astro's 404 keeps the CORS headers" },
    formPost: {
      name: `${CHECK_ORIGIN}: a cross-site form POST from an origin the policy allows is answered 403 before the middleware, without CORS headers`,
    },
    jsonPost: { name: `${CHECK_ORIGIN}: a JSON POST reaches the endpoint and gets the CORS headers` },
  },
  [
    {
      name: 'without cors(), Astro answers a preflight to an endpoint with no OPTIONS export itself',
      request: preflight('/bare/items', APP),
      expect: { status: 404, headers: { [ACAO]: null } },
    },
    {
      name: "Astro's bare 500 skips the middleware: a naive one never sees it",
      request: get('/bare/throws'),
      expect: { status: 500, headers: { 'x-naive-middleware': null } },
    },
  ],
)

describe('cors() in a built Astro app', () => {
  for (const c of cases) test(c.name, async () => expect(checkApp(c, await sendCase(c, url))).toEqual([]))

  test(`${CHECK_ORIGIN}: a cross-site write with no Content-Type is refused the same way`, async () => {
    const answer = await send(`${url}/api/items`, { method: 'POST', headers: { origin: APP } })
    expect(answer.status).toBe(403)
    expect(answer.headers.get(ACAO)).toBeNull()
  })
})

test('bad options throw a CorsConfigError at the call, when src/middleware.ts loads', () => {
  expect(() => cors({ origin: '*', credentials: true })).toThrow(CorsConfigError)
})
