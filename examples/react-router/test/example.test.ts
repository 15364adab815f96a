/**
 * The example as its README runs it (`react-router build`, `react-router-serve`): CORS and
 * Corsica's `csrf: true` from the middleware of the /api parent route. React Router has no CSRF
 * check of its own, so without `csrf` a cross-site form post runs the action.
 */
import { ACAO, APP, appCases, checkApp, exampleRows, preflight } from '@corsica/testkit/app-cases'
import { sendCase } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'

const url = inject('exampleUrl')

const BEFORE_MIDDLEWARE = '(React Router 7.18 answers it before any middleware: README)'

const cases = appCases(
  exampleRows,
  {
    preflight: { name: 'a preflight to a resource route is answered by the middleware' },
    get: { name: 'a GET gets the CORS headers, x-request-id exposed' },
    throws: { name: "a loader that throws: React Router's 500 keeps the CORS headers" },
    notFound: {
      name: `a URL no route matches: 404, no CORS headers ${BEFORE_MIDDLEWARE}`,
      expect: { headers: { [ACAO]: null } },
    },
    formFromListed: { name: 'a form POST from a listed origin reaches the action' },
    formFromOther: { name: 'a form POST from any other origin is refused 403 before the action runs' },
  },
  [
    {
      name: `a preflight to a document route: 405, no CORS headers ${BEFORE_MIDDLEWARE}`,
      request: preflight('/', APP, 'POST', 'content-type, x-request-id'),
      expect: { status: 405, headers: { [ACAO]: null } },
    },
  ],
)

describe('the notes example on React Router: CORS, and cross-origin writes decided by Corsica with the CORS list', () => {
  for (const c of cases) test(c.name, async () => expect(checkApp(c, await sendCase(c, url))).toEqual([]))
})
