/**
 * withCors under a real Deno.serve on 127.0.0.1 (port 0), Deno's fetch as the client:
 * preflight, actual request, `info` passing through, handler exceptions answered 500 with CORS
 * headers (or, with onError: false, reaching Deno.serve's onError), and config errors at start-up.
 */
import { CorsConfigError, type CorsOptions, withCors } from '../../src/index.ts'

const APP = 'https://app.test'
const policy: CorsOptions = {
  origin: [APP],
  credentials: true,
  exposedHeaders: ['x-remote'],
  methods: ['PUT'],
}

function assertEquals(actual: unknown, expected: unknown, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new Error(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`)
  }
}

/** Runs `body` against a Deno.serve of `handler` (and `onError`), then shuts it down. */
async function withServer(
  handler: Deno.ServeHandler<Deno.NetAddr>,
  body: (base: string) => Promise<void>,
  onError?: (error: unknown) => Response | Promise<Response>,
): Promise<void> {
  const server = Deno.serve(
    { hostname: '127.0.0.1', port: 0, onListen: () => {}, ...(onError && { onError }) },
    handler,
  )
  try {
    await body(`http://127.0.0.1:${server.addr.port}`)
  } finally {
    await server.shutdown()
  }
}

Deno.test('Deno.serve answers a preflight without running the handler', async () => {
  let ran = 0
  const handler = withCors(policy, () => {
    ran++
    return new Response('ok')
  })
  await withServer(handler, async (base) => {
    const res = await fetch(`${base}/items/1`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'PUT' },
    })
    await res.body?.cancel()
    assertEquals(res.status, 204, 'status')
    assertEquals(res.headers.get('access-control-allow-origin'), APP, 'ACAO')
    assertEquals(res.headers.get('access-control-allow-credentials'), 'true', 'ACAC')
    assertEquals(res.headers.get('access-control-allow-methods'), 'PUT', 'ACAM')
    assertEquals(ran, 0, 'handler runs')
  })
})

Deno.test('Deno.serve answers an actual request, and info passes through to the handler', async () => {
  let transport: string | undefined
  let completed: unknown
  const handler = withCors(policy, (_request, info: Deno.ServeHandlerInfo<Deno.NetAddr>) => {
    // Read while the request is open: Deno's info getters throw once it has closed.
    transport = info.remoteAddr.transport
    completed = info.completed
    return new Response('hello', { headers: { 'x-remote': info.remoteAddr.hostname } })
  })
  await withServer(handler, async (base) => {
    const res = await fetch(`${base}/items`, { headers: { origin: APP } })
    assertEquals(await res.text(), 'hello', 'body')
    assertEquals(res.status, 200, 'status')
    assertEquals(res.headers.get('access-control-allow-origin'), APP, 'ACAO')
    assertEquals(res.headers.get('access-control-allow-credentials'), 'true', 'ACAC')
    assertEquals(res.headers.get('access-control-expose-headers'), 'x-remote', 'ACEH')
    assertEquals(res.headers.get('vary'), 'Origin', 'Vary')
    assertEquals(res.headers.get('x-remote'), '127.0.0.1', 'remote address seen by the handler')
    assertEquals(transport, 'tcp', 'info.remoteAddr.transport')
    assertEquals(completed instanceof Promise, true, 'info.completed is a promise')
  })
})

Deno.test('a refused origin gets no CORS headers from Deno.serve', async () => {
  await withServer(
    withCors(policy, () => new Response('ok')),
    async (base) => {
      const res = await fetch(`${base}/items`, { headers: { origin: 'https://evil.test' } })
      await res.body?.cancel()
      assertEquals(res.status, 200, 'status')
      assertEquals(res.headers.get('access-control-allow-origin'), null, 'ACAO')
      assertEquals(res.headers.get('access-control-allow-credentials'), null, 'ACAC')
      assertEquals(res.headers.get('vary'), 'Origin', 'Vary')
    },
  )
})

for (const [kind, fail] of [
  [
    'throws',
    (error: Error): Response => {
      throw error
    },
  ],
  ['rejects', (error: Error): Promise<Response> => Promise.reject(error)],
] as const) {
  Deno.test(`with onError: false, a handler that ${kind} reaches Deno.serve's onError with its own error`, async () => {
    const boom = new Error(`boom (${kind})`)
    const errors: unknown[] = []
    await withServer(
      withCors({ ...policy, onError: false }, () => fail(boom)),
      async (base) => {
        const res = await fetch(`${base}/items`, { headers: { origin: APP } })
        assertEquals(await res.text(), 'from onError', 'body')
        assertEquals(res.status, 503, 'status set by onError')
        assertEquals(errors.length, 1, 'onError calls')
        assertEquals(errors[0], boom, 'the error onError received')
      },
      (error) => {
        errors.push(error)
        return new Response('from onError', { status: 503 })
      },
    )
  })
}

// Deno's own 500 (Deno.serve's default onError) does not see the request, so it could carry no
// CORS headers and a browser would report a CORS error for a crash: withCors answers it instead,
// a 500 with the CORS headers, the error logged with console.error (issue 23).
for (const [kind, fail] of [
  [
    'throws',
    (error: unknown): Response => {
      throw error
    },
  ],
  ['rejects', (error: unknown): Promise<Response> => Promise.reject(error)],
  [
    'throws a non-Error',
    (): Response => {
      throw 'a string'
    },
  ],
] as const) {
  Deno.test(`a handler that ${kind} is answered 500 with the CORS headers`, async () => {
    const logged: unknown[] = []
    const error = console.error
    console.error = (...args: unknown[]) => logged.push(args)
    try {
      await withServer(
        withCors(policy, () => fail(new Error('expected in this test'))),
        async (base) => {
          const res = await fetch(`${base}/items`, { headers: { origin: APP } })
          assertEquals(await res.text(), 'Internal Server Error', 'body')
          assertEquals(res.status, 500, 'status')
          assertEquals(res.headers.get('access-control-allow-origin'), APP, 'ACAO on the 500')
          assertEquals(res.headers.get('access-control-allow-credentials'), 'true', 'ACAC on the 500')
        },
      )
    } finally {
      console.error = error
    }
    assertEquals(logged.length, 1, 'console.error calls')
  })
}

Deno.test('an error response the handler returns itself gets CORS headers', async () => {
  await withServer(
    withCors(policy, async () => {
      try {
        throw new Error('database down')
      } catch {
        return Response.json({ error: 'internal' }, { status: 500 })
      }
    }),
    async (base) => {
      const res = await fetch(`${base}/items`, { headers: { origin: APP } })
      await res.body?.cancel()
      assertEquals(res.status, 500, 'status')
      assertEquals(res.headers.get('access-control-allow-origin'), APP, 'ACAO')
      assertEquals(res.headers.get('access-control-allow-credentials'), 'true', 'ACAC')
    },
  )
})

Deno.test('a preflight is answered even when the handler would throw', async () => {
  await withServer(
    withCors(policy, () => {
      throw new Error('never called')
    }),
    async (base) => {
      const res = await fetch(`${base}/items`, {
        method: 'OPTIONS',
        headers: { origin: APP, 'access-control-request-method': 'PUT' },
      })
      await res.body?.cancel()
      assertEquals(res.status, 204, 'status')
    },
  )
})

Deno.test('bad options throw CorsConfigError from withCors, before Deno.serve, listing every problem', () => {
  let thrown: unknown
  try {
    withCors({ origin: '*', credentials: true, maxAge: -5 }, () => new Response('never'))
  } catch (error) {
    thrown = error
  }
  if (!(thrown instanceof CorsConfigError)) throw new Error(`expected CorsConfigError, got ${thrown}`)
  const options = thrown.problems.map((p) => p.option)
  assertEquals(options.includes('maxAge'), true, `maxAge reported in ${options}`)
  assertEquals(
    options.includes('origin') || options.includes('credentials'),
    true,
    `'*' + credentials in ${options}`,
  )
})
