/**
 * In Deno: the origin function's `(origin, request, info)` under a real Deno.serve,
 * preflightContinue (the shared continue cases, directly and over a socket), and the
 * Deno recipe of docs/recipes (origins from Deno.env at module load).
 */
import { type Case, checkOutcome, continueCases, handlers, toRequest } from '@corsica/testkit'
import { withCors } from '../../src/index.ts'

const APP = 'https://app.test'

function assert(condition: boolean, what: string): void {
  if (!condition) throw new Error(what)
}

function assertPasses(c: Case, response: Response): void {
  const problems = checkOutcome(c, response)
  if (problems.length > 0) throw new Error(`${c.name}:\n  ${problems.join('\n  ')}`)
}

async function serve(handler: Deno.ServeHandler<Deno.NetAddr>, body: (base: string) => Promise<void>) {
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, handler)
  try {
    await body(`http://127.0.0.1:${server.addr.port}`)
  } finally {
    await server.shutdown()
  }
}

Deno.test('the origin function gets (origin, request, info) from Deno.serve', async () => {
  const seen: string[] = [] // info is only readable while its request is open
  const handler = withCors(
    {
      // Only callers on this machine: the decision uses the connection Deno reports.
      origin: (origin, _request, info: Deno.ServeHandlerInfo<Deno.NetAddr>) => {
        seen.push(info.remoteAddr.transport)
        return origin === APP && info.remoteAddr.hostname === '127.0.0.1'
      },
    },
    (_request, info) => new Response(info.remoteAddr.hostname),
  )
  await serve(handler, async (base) => {
    const res = await fetch(`${base}/x`, { headers: { origin: APP } })
    assert((await res.text()) === '127.0.0.1', 'the handler gets info')
    assert(res.headers.get('access-control-allow-origin') === APP, 'granted through info')
    const answer = await fetch(`${base}/x`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'PUT' },
    })
    await answer.body?.cancel()
    assert(answer.status === 204, `preflight status ${answer.status}`)
  })
  assert(seen.join() === 'tcp,tcp', 'info reached it twice')
})

const info: Deno.ServeHandlerInfo = {
  remoteAddr: { transport: 'tcp', hostname: '127.0.0.1', port: 40000 },
  completed: Promise.resolve(),
}

for (const c of continueCases) {
  const handler = withCors(c.options, (request) => handlers[c.handler ?? 'ok'](request))
  Deno.test(`continue (handler): ${c.name}`, async () => {
    const response = await handler(toRequest(c), info)
    assertPasses(c, response)
    await response.body?.cancel()
  })
  Deno.test(`continue (Deno.serve): ${c.name}`, async () => {
    await serve(handler, async (base) => {
      const request = toRequest(c, base)
      const response = await fetch(request)
      await response.body?.cancel()
      assertPasses(c, response)
    })
  })
}

Deno.test('docs/recipes/deno-env-origins.ts: origins from Deno.env, read at module load', async () => {
  Deno.env.set('ALLOWED_ORIGINS', 'https://app.example.com https://admin.example.com')
  const { handler } = await import('../../../../docs/recipes/deno-env-origins.ts')
  const res = await handler(
    new Request('http://api.test/', { headers: { origin: 'https://admin.example.com' } }),
    info,
  )
  assert(
    res.headers.get('access-control-allow-origin') === 'https://admin.example.com',
    'listed origin granted',
  )
  const other = await handler(
    new Request('http://api.test/', { headers: { origin: 'https://evil.test' } }),
    info,
  )
  assert(other.headers.get('access-control-allow-origin') === null, 'other origin refused')
})
