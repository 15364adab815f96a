/**
 * The shared table (@corsica/testkit) through a real `next start`: every case once behind the
 * proxy (Node) or middleware (edge), and once through route handlers wrapped by `withCors`
 * (lib/conformance.ts serves case i's policy on /conformance/mw/i and /conformance/wrapped/i).
 */
import { type Case, cases, checkOutcome, continueCases, requestHeaders, toRequest } from '@corsica/testkit'
import { describe, expect, inject, test } from 'vitest'
import { type Answer, send, varyMatches } from './http'

const urls = inject('nextUrls')
/** As test/overlay/lib/conformance.ts numbers them: the shared table, then the preflightContinue cases. */
const tableCases = [...cases, ...continueCases]
const ACAO = 'access-control-allow-origin'

/** A case's own request path, after the route of its index (`''` when it has none). */
function pathOf(c: Case): string {
  return c.request.path === undefined || c.request.path === '/' ? '' : c.request.path
}

/** Sends case `c` to `url`, exactly as the table describes the request. */
async function sendCase(c: Case, url: string): Promise<Answer> {
  const request = toRequest(c, url)
  const headers = requestHeaders(c, url)
  const body = request.body === null ? undefined : await request.text()
  return send(url, { method: c.request.method, headers, body })
}

/**
 * The problems with `answer` for case `c`. Next adds Vary names of its own, so Vary is compared
 * as a set that may hold Next's names besides the expected ones (see varyMatches).
 */
function problems(c: Case, answer: Answer, allowDuplicateVary: boolean): string[] {
  const expectedVary = c.expect.headers.vary
  const vary = answer.headers.get('vary')
  const sameVary = expectedVary !== undefined && varyMatches(expectedVary, vary, allowDuplicateVary)
  return checkOutcome(c, {
    status: answer.status,
    headers: { get: (name) => (name === 'vary' && sameVary ? expectedVary : answer.headers.get(name)) },
  })
}

for (const runtime of ['node', 'edge'] as const) {
  const layer = runtime === 'node' ? 'proxy.ts (Node)' : 'middleware.ts (edge)'

  describe(`table via ${layer}`, () => {
    for (const [i, c] of tableCases.entries()) {
      const url = `${urls[runtime]}/conformance/mw/${i}${pathOf(c)}`
      if (c.handler === 'answers-preflight') {
        // The same with preflightContinue: a route that answers OPTIONS with CORS headers of its
        // own keeps those the proxy does not set (Next merges them); the proxy cannot remove them.
        // withCors in route handlers does (below), so the README sends such routes there.
        test(`${i}: ${c.name} — behind Next's proxy, the route's own preflight headers the policy does not set stay`, async () => {
          const answer = await sendCase(c, url)
          expect(answer.status).toBe(c.expect.status)
          expect(answer.headers.get('access-control-max-age')).toBe(
            c.expect.headers['access-control-max-age'] ?? '86400',
          )
        })
        continue
      }
      if (c.handler === 'sets-cors') {
        // A proxy or middleware runs before the route and never sees its response: Next keeps
        // the middleware's header where both set one, and the route's where only the route did.
        // So route handlers behind the CORS middleware must not set CORS headers (README).
        test(`${i}: ${c.name} — Next keeps a route's own CORS headers the middleware did not set`, async () => {
          const answer = await sendCase(c, url)
          expect(answer.status).toBe(c.expect.status)
          // Where the policy grants, the middleware's ACAO wins; where it refuses, the route's '*'
          // stays. The route's Access-Control-Expose-Headers (which the policy removes) stays too.
          expect(answer.headers.get(ACAO)).toBe(c.expect.headers[ACAO] ?? '*')
          expect(answer.headers.get('access-control-expose-headers')).toBe('x-secret')
        })
        continue
      }
      test(`${i}: ${c.name}`, async () => {
        // Next appends the route's Vary after the middleware's, so a name both give appears twice.
        expect(problems(c, await sendCase(c, url), true)).toEqual([])
      })
    }
  })

  test(`the origin function gets Next's event (${layer})`, async () => {
    const granted = await send(`${urls[runtime]}/conformance/mw/context`, {
      headers: { origin: 'https://app.test' },
    })
    expect(granted.status).toBe(200)
    expect(granted.headers.get(ACAO)).toBe('https://app.test')
  })

  describe(`table via withCors route handlers (${runtime} build)`, () => {
    for (const [i, c] of tableCases.entries()) {
      test(`${i}: ${c.name}`, async () => {
        const answer = await sendCase(c, `${urls[runtime]}/conformance/wrapped/${i}${pathOf(c)}`)
        expect(problems(c, answer, false)).toEqual([])
      })
    }
  })
}
