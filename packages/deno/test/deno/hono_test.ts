/**
 * @corsica/hono inside Deno: the shared table through a Hono app (`app.request`), and a smoke
 * set through `Deno.serve(app.fetch)` on 127.0.0.1 with Deno's fetch as the client.
 */
import { cors } from '@corsica/hono'
import { type Case, cases, checkOutcome, handlers, toRequest } from '@corsica/testkit'
import { Hono } from 'hono'

/** A Hono app with the case's policy on every path and the case's handler behind it. */
function appFor(c: Case): Hono {
  const app = new Hono()
  app.use('*', cors(c.options))
  app.all('*', (ctx) => handlers[c.handler ?? 'ok'](ctx.req.raw))
  return app
}

function assertPasses(c: Case, response: Response): void {
  const problems = checkOutcome(c, response)
  if (problems.length > 0) throw new Error(`${c.name}:\n  ${problems.join('\n  ')}`)
}

for (const c of cases) {
  Deno.test(`hono (app.request): ${c.name}`, async () => {
    const response = await appFor(c).request(toRequest(c))
    assertPasses(c, response)
    await response.body?.cancel()
  })
}

/** One case of each kind: preflight granted and refused, actual granted and refused, no Origin. */
const smoke = [
  'preflight from an allowed origin is answered without the handler',
  'preflight from a refused origin grants nothing',
  'preflight for a header not in allowedHeaders gets the headers of the policy, without it',
  'GET from an allowed origin with credentials and exposed headers',
  'POST from a refused origin: the handler runs, nothing is granted',
  'no Origin: not a CORS request, but Vary: Origin',
  'an immutable redirect response gets its headers through a copy',
].map((name) => {
  const found = cases.find((c) => c.name === name)
  if (!found) throw new Error(`smoke case not in the table: ${name}`)
  return found
})

for (const c of smoke) {
  Deno.test(`hono (Deno.serve over a socket): ${c.name}`, async () => {
    const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, appFor(c).fetch)
    try {
      const response = await fetch(toRequest(c, `http://127.0.0.1:${server.addr.port}`), {
        redirect: 'manual',
      })
      await response.body?.cancel()
      assertPasses(c, response)
    } finally {
      await server.shutdown()
    }
  })
}
