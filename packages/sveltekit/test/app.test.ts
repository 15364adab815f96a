/** SvelteKit's own pitfalls, each by name, against the built test app (test/app). */
import { CorsConfigError } from '@corsica/core'
import {
  ACAO,
  APP,
  appCases,
  checkApp,
  EVIL,
  formCheckRows,
  get,
  preflight,
  testAppRows,
} from '@corsica/testkit/app-cases'
import { sendCase } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'
import { cors } from '../src/index'

const url = inject('sveltekitUrl')
const KIT_CSRF = "SvelteKit's own CSRF check (csrf.trustedOrigins empty, the default)"

const cases = appCases(
  { ...testAppRows('SvelteKit'), ...formCheckRows },
  {
    preflight: { expect: { headers: { 'access-control-allow-credentials': 'true' } } },
    refusedPreflight: { name: 'a refused preflight grants nothing and never reaches SvelteKit' },
    json: {
      name: "an endpoint's JSON, with the header a later hook in sequence() set",
      expect: {
        headers: { vary: 'Origin', 'x-later-hook': 'ran', 'access-control-expose-headers': 'x-later-hook' },
      },
    },
    throws: { name: 'an endpoint that throws: SvelteKit’s 500 keeps the CORS headers' },
    notFound: { name: 'a URL no route matches: SvelteKit’s 404 page keeps the CORS headers' },
    formPost: {
      name: `${KIT_CSRF}: a cross-origin form POST from an origin the policy allows is answered 403 before any hook, without CORS headers`,
    },
    jsonPost: {
      name: `${KIT_CSRF}: a JSON POST is not a form: it reaches the endpoint and gets the CORS headers`,
    },
  },
  [
    {
      name: 'without the hook, SvelteKit answers a preflight to an endpoint with no OPTIONS export 405',
      request: preflight('/bare/items', APP),
      expect: { status: 405, headers: { [ACAO]: null } },
    },
    {
      name: 'a preflight to a page route is answered too',
      request: preflight('/', APP, 'PUT'),
      expect: { status: 204, headers: { [ACAO]: APP } },
    },
    {
      name: 'error(418) from an endpoint keeps the CORS headers',
      request: get('/api/teapot'),
      expect: { status: 418, headers: { [ACAO]: APP } },
    },
    {
      name: 'a hook after cors() in sequence() that throws: SvelteKit answers 500 outside the hooks, without CORS headers',
      request: get('/api/hook-throws'),
      expect: { status: 500, headers: { [ACAO]: null } },
    },
    {
      name: 'a refused origin: the endpoint runs, nothing is granted',
      request: get('/api/items', EVIL),
      expect: { status: 200, headers: { [ACAO]: null, vary: 'Origin' } },
    },
  ],
)

describe('cors() in a built SvelteKit app', () => {
  for (const c of cases) test(c.name, async () => expect(checkApp(c, await sendCase(c, url))).toEqual([]))
})

test('bad options throw a CorsConfigError at the call, when hooks.server.ts loads', () => {
  expect(() => cors({ origin: '*', credentials: true })).toThrow(CorsConfigError)
})
