/** React Router's own pitfalls, each by name, against the built test app (test/app). */
import { CorsConfigError } from '@corsica/core'
import { ACAO, APP, appCases, checkApp, EVIL, post, preflight, testAppRows } from '@corsica/testkit/app-cases'
import { send, sendCase } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'
import { cors } from '../src/index'

const url = inject('reactRouterUrl')

const cases = appCases(
  testAppRows('React Router'),
  {
    preflight: { name: 'with cors(), a preflight to a resource route is answered 204 before its action' },
    json: { name: "a resource route's JSON keeps the CORS headers" },
    throws: { name: "a loader that throws: React Router's 500 keeps the CORS headers" },
    notFound: {
      name: 'React Router 7.18 runs no middleware for a URL no route matches: its 404 has no CORS headers',
      expect: { headers: { [ACAO]: null } },
    },
    page: { name: 'a document keeps the CORS headers' },
  },
  [
    {
      name: 'without cors(), React Router hands a preflight to a resource route to its loader',
      request: preflight('/bare/items', APP),
      expect: { status: 200, body: '[{"id":1}]', headers: { [ACAO]: null } },
    },
    {
      name: 'React Router 7.18 answers a preflight to a document route 405 before any middleware: no CORS headers',
      request: preflight('/', APP, 'GET'),
      expect: { status: 405, headers: { [ACAO]: null } },
    },
    {
      name: 'React Router has no CSRF check of its own: a cross-origin form POST reaches the action',
      request: post('/api/items', EVIL, 'application/x-www-form-urlencoded', 'a=1'),
      expect: { status: 201, headers: { [ACAO]: null } },
    },
  ],
)

describe('cors() in a built React Router app', () => {
  for (const c of cases) test(c.name, async () => expect(checkApp(c, await sendCase(c, url))).toEqual([]))

  test("a document route whose loader throws: the ErrorBoundary's 500 page keeps the CORS headers", async () => {
    const answer = await send(`${url}/broken`, { headers: { origin: APP } })
    expect(answer.status).toBe(500)
    expect(answer.headers.get('content-type')).toContain('text/html')
    expect(answer.headers.get(ACAO)).toBe(APP)
  })
})

test('bad options throw a CorsConfigError at the call, when the route module loads', () => {
  expect(() => cors({ origin: '*', credentials: true })).toThrow(CorsConfigError)
})
