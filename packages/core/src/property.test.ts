import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { type CorsOptions, createCors } from './index.ts'

const LABEL = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/)
const HOST = fc.oneof(
  fc.array(LABEL, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
  fc.array(LABEL, { minLength: 0, maxLength: 3 }).map((labels) => [...labels, 'my-app', 'test'].join('.')),
  fc.constantFrom('localhost', 'my-app.test', 'evilmy-app.test', 'app.test', '127.0.0.1'),
)
const ORIGIN = fc
  .record({
    scheme: fc.constantFrom('http', 'https'),
    host: HOST,
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  })
  .map(({ scheme, host, port }) => `${scheme}://${host}${port === undefined ? '' : `:${port}`}`)

const OPTIONS: CorsOptions = {
  origin: ['https://app.test', 'https://*.my-app.test', 'http://localhost:*'],
  credentials: true,
  allowedHeaders: ['content-type', 'x-api-key'],
  methods: ['GET', 'PUT', 'PATCH'],
}

/** Independent statement of which origins OPTIONS allows, from what the patterns promise. */
function intended(origin: string): boolean {
  const m = /^(https?):\/\/([^:]+)(?::(\d+))?$/.exec(origin)
  if (!m) return false
  const [, scheme, host, port] = m
  if (origin === 'https://app.test') return true
  if (scheme === 'https' && port === undefined && host!.endsWith('.my-app.test')) return true
  return scheme === 'http' && host === 'localhost'
}

const get = (origin: string) => new Request('http://api.test/', { headers: { origin } })

describe('properties', () => {
  const handler = createCors(OPTIONS).wrap(() => new Response('ok'))

  it('a random origin is granted exactly when the policy means it', () => {
    fc.assert(
      fc.property(ORIGIN, (origin) => {
        const response = handler(get(origin)) as Response
        const acao = response.headers.get('access-control-allow-origin')
        expect(acao === origin).toBe(intended(origin))
        if (acao === null) expect(response.headers.get('access-control-allow-credentials')).toBeNull()
        expect(response.headers.get('vary')).toBe('Origin')
      }),
      { numRuns: 2000 },
    )
  }, 60_000)

  it('a preflight from a refused origin never grants; one from an allowed origin gets only what the policy allows', async () => {
    await fc.assert(
      fc.asyncProperty(
        ORIGIN,
        fc.constantFrom('GET', 'PUT', 'PATCH', 'patch', 'DELETE', 'X'),
        fc.subarray(['content-type', 'x-api-key', 'x-other', 'Content-Type']),
        async (origin, method, names) => {
          const request = new Request('http://api.test/', {
            method: 'OPTIONS',
            headers: {
              origin,
              'access-control-request-method': method,
              'access-control-request-headers': names.join(','),
            },
          })
          const response = await handler(request)
          const allowed = intended(origin)
          // Refused origin: a bare 403. Allowed origin: its answer (granted, or a refusal the
          // browser can explain) names it and lists only what the policy allows.
          expect(response.status).toBe(allowed ? 204 : 403)
          expect(response.headers.get('access-control-allow-origin')).toBe(allowed ? origin : null)
          const list = (name: string) => (response.headers.get(name) ?? '').split(', ').filter(Boolean)
          for (const m of list('access-control-allow-methods')) expect(OPTIONS.methods).toContain(m)
          for (const h of list('access-control-allow-headers')) expect(OPTIONS.allowedHeaders).toContain(h)
          if (!allowed) expect([...response.headers.keys()]).toEqual(['vary'])
          // What the browser does with it, from the Fetch standard's client side.
          const passes =
            allowed &&
            (['GET', 'POST', 'HEAD'].includes(method) ||
              list('access-control-allow-methods').includes(method)) &&
            names.every((n) => list('access-control-allow-headers').includes(n.toLowerCase()))
          const granted =
            allowed &&
            ['GET', 'PUT', 'PATCH', 'POST', 'HEAD'].includes(method) &&
            names.every((n) => ['content-type', 'x-api-key'].includes(n.toLowerCase()))
          expect(passes).toBe(granted)
          expect(response.headers.has('access-control-max-age')).toBe(false)
        },
      ),
      { numRuns: 1000 },
    )
  }, 60_000)

  it('header garbage never throws; it is just not granted', async () => {
    const byteString = fc.string({
      unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
      maxLength: 300,
    })
    const names = [
      'origin',
      'access-control-request-method',
      'access-control-request-headers',
      'access-control-request-private-network',
      'vary',
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'OPTIONS', 'POST', 'PATCH'),
        fc.array(fc.tuple(fc.constantFrom(...names), byteString), { maxLength: 6 }),
        fc.constantFrom<CorsOptions>(
          OPTIONS,
          { origin: '*' },
          { origin: /^https:\/\/a\.test$/, allowedHeaders: '*', methods: '*' },
        ),
        async (method, pairs, options) => {
          let request: Request
          try {
            const headers = new Headers()
            for (const [name, value] of pairs) headers.append(name, value)
            request = new Request('http://api.test/', { method, headers })
          } catch {
            return // the runtime itself refuses these bytes
          }
          const response = await createCors(options).wrap(() => new Response('ok'))(request)
          expect(response).toBeInstanceOf(Response)
          const acao = response.headers.get('access-control-allow-origin')
          if (acao !== null && acao !== '*') expect(acao).toBe(request.headers.get('origin'))
        },
      ),
      { numRuns: 1000 },
    )
  }, 60_000)

  it('the answer never depends on an earlier request (the default refusal log keeps state)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const request = fc.record({
      origin: fc.option(ORIGIN, { nil: undefined }),
      preflight: fc.boolean(),
      headers: fc.constantFrom('', 'x-api-key', 'x-other'),
    })
    const options: CorsOptions = {
      ...OPTIONS,
      origin: [...(OPTIONS.origin as string[]), /^https:\/\/re\.test$/g],
    }
    const toRequest = (r: { origin?: string; preflight: boolean; headers: string }) => {
      const headers: Record<string, string> = r.origin ? { origin: r.origin } : {}
      if (r.preflight)
        Object.assign(headers, {
          'access-control-request-method': 'PUT',
          'access-control-request-headers': r.headers,
        })
      return new Request('http://api.test/', { method: r.preflight ? 'OPTIONS' : 'GET', headers })
    }
    const snapshot = (response: Response) => [response.status, [...response.headers]]
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 20 }), async (requests) => {
        const shared = createCors(options).wrap(() => new Response('ok'))
        for (const r of requests) {
          const fresh = createCors(options).wrap(() => new Response('ok'))
          expect(snapshot(await shared(toRequest(r)))).toEqual(snapshot(await fresh(toRequest(r))))
        }
      }),
      { numRuns: 200 },
    )
    warn.mockRestore()
  }, 60_000)
})

describe('the exact-origins shortcut', () => {
  // A policy of exact origins with onRefuse: false skips examining refused origins; with
  // onRefuse it takes the full path. Both must answer every request identically.
  const options: CorsOptions = { origin: ['https://app.test', 'http://localhost:8080'], credentials: true }
  const quick = createCors({ ...options, onRefuse: false }).wrap(() => new Response('ok'))
  const full = createCors({ ...options, onRefuse: () => {} }).wrap(() => new Response('ok'))
  const anyOrigin = fc.oneof(
    ORIGIN,
    fc.constantFrom('https://app.test', 'http://localhost:8080', 'null', 'https://app.test, https://x.test'),
    fc.string({ maxLength: 40 }).filter((v) => /^[\x21-\x7e]*$/.test(v)),
  )
  const snapshot = async (response: Response | Promise<Response>) => {
    const r = await response
    return [r.status, [...r.headers]]
  }

  it('answers actual requests and preflights as the full path does', async () => {
    await fc.assert(
      fc.asyncProperty(anyOrigin, fc.boolean(), async (origin, preflight) => {
        const make = () =>
          new Request('http://api.test/', {
            method: preflight ? 'OPTIONS' : 'GET',
            headers: preflight ? { origin, 'access-control-request-method': 'PUT' } : { origin },
          })
        expect(await snapshot(quick(make()))).toEqual(await snapshot(full(make())))
      }),
      { numRuns: 1000 },
    )
  }, 60_000)
})

describe('hostile input takes bounded time', () => {
  // A generous bound, not a benchmark: quadratic work on these inputs would take seconds.
  const hostile = [
    ['16 KB of commas', ', '.repeat(8192)],
    ['1000 distinct names', Array.from({ length: 1000 }, (_, i) => `x-h${i}`).join(',')],
    ['one 16 KB name', 'x'.repeat(16384)],
    ['1023 characters of commas and spaces', ' ,'.repeat(511)],
  ] as const
  it.each(hostile)('%s', async (_, value) => {
    const handler = createCors({ origin: ['https://app.test'], allowedHeaders: '*' }).wrap(
      () => new Response('ok'),
    )
    const request = new Request('http://api.test/', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.test',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': value,
      },
    })
    const started = performance.now()
    for (let i = 0; i < 2000; i++) await handler(request)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('a 100 KB Origin', () => {
    const handler = createCors({ origin: ['https://*.app.test', /^https:\/\/x\.test$/] }).wrap(
      () => new Response('ok'),
    )
    const request = get(`https://${'a.'.repeat(50000)}app.test`)
    const started = performance.now()
    for (let i = 0; i < 2000; i++) handler(request)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
