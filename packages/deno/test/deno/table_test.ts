/**
 * The shared table inside Deno, twice: calling the withCors handler directly, and through a
 * real Deno.serve on 127.0.0.1 (port 0) with Deno's fetch as the client. The per-origin table
 * (a list of options objects) the same two ways.
 */
import {
  type Case,
  cases,
  checkOutcome,
  handlers,
  type PerOriginCase,
  perOriginCases,
  toRequest,
} from '@corsica/testkit'
import { withCors } from '../../src/index.ts'

/** The handler for a case: the case's inner handler behind withCors. */
function handlerFor(c: Case | PerOriginCase): Deno.ServeHandler {
  return withCors(c.options, (request) => handlers[c.handler ?? 'ok'](request))
}

function assertPasses(c: Case | PerOriginCase, response: Response): void {
  const problems = checkOutcome(c, response)
  if (problems.length > 0) throw new Error(`${c.name}:\n  ${problems.join('\n  ')}`)
}

const info: Deno.ServeHandlerInfo = {
  remoteAddr: { transport: 'tcp', hostname: '127.0.0.1', port: 40000 },
  completed: Promise.resolve(),
}

for (const [table, rows] of [
  ['table', cases],
  ['per origin', perOriginCases],
] as const) {
  for (const c of rows) {
    Deno.test(`${table} (handler): ${c.name}`, async () => {
      const response = await handlerFor(c)(toRequest(c), info)
      assertPasses(c, response)
      await response.body?.cancel()
    })
  }
}

Deno.test('table (Deno.serve over a socket): every case', (t) => overSocket(t, cases))
Deno.test('per origin (Deno.serve over a socket): every case', (t) => overSocket(t, perOriginCases))

async function overSocket(t: Deno.TestContext, cases: readonly (Case | PerOriginCase)[]): Promise<void> {
  // One server for the whole table: each request names its case in a header.
  const byName = new Map(cases.map((c) => [c.name, handlerFor(c)]))
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, (request, serveInfo) => {
    const name = decodeURIComponent(request.headers.get('x-case') ?? '')
    const handler = byName.get(name)
    if (!handler) return new Response(`no case ${name}`, { status: 599 })
    return handler(request, serveInfo)
  })
  try {
    for (const c of cases) {
      await t.step(c.name, async () => {
        const request = toRequest(c, `http://127.0.0.1:${server.addr.port}`)
        request.headers.set('x-case', encodeURIComponent(c.name))
        const response = await fetch(request, { redirect: 'manual' })
        await response.body?.cancel()
        assertPasses(c, response)
      })
    }
  } finally {
    await server.shutdown()
  }
}
