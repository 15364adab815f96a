/** Settings per origin (`createCors([...])`): the table through every core entry, the start-up checks, and properties. */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  checkOutcome,
  handlers,
  type PerOriginCase,
  perOriginCases,
  toRequest,
} from '../../testkit/src/index.ts'
import {
  CorsConfigError,
  type CorsDecision,
  type CorsOptions,
  type CorsRefusal,
  type CorsRequest,
  createCors,
  isPreflight,
} from './index.ts'

const ADMIN = 'https://admin.test'
const APP = 'https://app.test'
const EVIL = 'https://evil.test'

afterEach(() => vi.restoreAllMocks())

/** A handler that counts its calls: a case the policy answers must leave it at zero. */
function counting(c: PerOriginCase) {
  const calls = { n: 0 }
  const handler = (request: Request) => {
    calls.n++
    return handlers[c.handler ?? 'ok'](request)
  }
  return { calls, handler }
}

/** A thin view of a request, as node:http has it. */
function view(request: Request): CorsRequest {
  const headers = Object.fromEntries(request.headers)
  return {
    method: request.method,
    url: request.url,
    headers: { get: (name: string) => headers[name] ?? null },
    toRequest: () => request,
  }
}

function decisionResponse(decision: CorsDecision, handler: (r: Request) => Response, request: Request) {
  if (decision.respond)
    return new Response(decision.body, { status: decision.status, headers: decision.headers })
  return createCors({ origin: '*' }).apply(handler(request), decision.headers)
}

const table = perOriginCases.map((c) => [c.name, c] as const)

describe('the per-origin table through wrap()', () => {
  it.each(table)('%s', async (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { calls, handler } = counting(c)
    const response = await createCors(c.options).wrap(handler)(toRequest(c))
    expect(checkOutcome(c, response)).toEqual([])
    expect(calls.n).toBe(c.expect.handlerRan ? 1 : 0)
  })
})

describe('the per-origin table through preflight(), intercept(), actualHeaders() and apply()', () => {
  it.each(table)('%s', async (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const policy = createCors(c.options)
    const request = toRequest(c)
    const preflight = await policy.preflight(request)
    expect(preflight !== null).toBe(isPreflight(request))
    const { calls, handler } = counting(c)
    const early = await policy.intercept(request)
    const response = early ?? policy.apply(handler(request), await policy.actualHeaders(request))
    expect(checkOutcome(c, response)).toEqual([])
    expect(calls.n).toBe(c.expect.handlerRan ? 1 : 0)
  })
})

describe('the per-origin table through decide() on a thin view', () => {
  it.each(table)('%s', async (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const request = toRequest(c)
    const { calls, handler } = counting(c)
    const decision = await createCors(c.options).decide(view(request))
    expect(checkOutcome(c, decisionResponse(decision, handler, request))).toEqual([])
    expect(calls.n).toBe(c.expect.handlerRan ? 1 : 0)
  })
})

/** The CorsConfigError createCors throws for `options`, as (option, problem) pairs. */
function problemsOf(options: unknown): [string, string][] {
  try {
    createCors(options as CorsOptions)
  } catch (error) {
    expect(error).toBeInstanceOf(CorsConfigError)
    return (error as CorsConfigError).problems.map((p) => [p.option, `${p.problem} Fix: ${p.fix}`])
  }
  throw new Error('createCors did not throw')
}

describe('a list at start-up', () => {
  it('names every problem of every entry by entry, in one error', () => {
    const problems = problemsOf([
      { origin: [APP], methods: ['bad method'], maxAge: -1 },
      { origin: '*', credentials: true, allowedHeaders: 'x-a, x-b' },
      { origins: [ADMIN] },
      'https://other.test',
    ])
    expect(problems.map(([option]) => option)).toEqual([
      '[0].methods[0]',
      '[0].maxAge',
      '[1].origin',
      '[1].allowedHeaders',
      '[2].origins',
      '[3]',
    ])
    expect(problems[2]![1]).toContain("'*' cannot be used with credentials")
    expect(problems[5]![1]).toContain('make each entry an options object')
  })

  it('starts the stack at the call, as for one options object', () => {
    try {
      createCors([{ origin: [APP] }, { origin: [ADMIN], maxAge: -1 }])
      expect.unreachable()
    } catch (error) {
      expect((error as Error).stack!.split('\n')[1]).not.toContain('policies.ts')
    }
  })

  it('refuses an empty list', () => {
    expect(problemsOf([])).toEqual([[`options`, expect.stringContaining('is an empty list')]])
  })

  it('refuses an entry that an earlier exact list or pattern covers completely, with the fix', () => {
    const problems = problemsOf([
      { origin: [APP, 'https://*.app.test'] },
      { origin: [ADMIN] },
      { origin: ['https://eu.app.test', APP, ADMIN], methods: ['PUT'] },
    ])
    expect(problems).toEqual([
      [
        '[2].origin',
        'is never used: every origin it lists is granted by an earlier entry ([0], [1]), and the first entry that grants an origin decides its requests. Fix: remove [2], or move it before [0].',
      ],
    ])
  })

  it("refuses every entry after '*', and an entry a RegExp covers", () => {
    expect(problemsOf([{ origin: /^https:\/\/(app|admin)\.test$/ }, { origin: [ADMIN] }])).toEqual([
      ['[1].origin', expect.stringContaining('Fix: remove [1], or move it before [0].')],
    ])
    expect(
      problemsOf([
        { origin: [ADMIN], credentials: true },
        { origin: '*' },
        { origin: /^https:\/\/x\.test$/ },
      ]),
    ).toEqual([
      [
        '[2].origin',
        "is never used: [1] comes first with origin: '*', which grants every origin. Fix: remove [2], or move it before [1].",
      ],
    ])
  })

  it('compares an entry with problems elsewhere by its origin: one error holds both', () => {
    expect(
      problemsOf([
        { origin: [APP], maxAge: 'long' },
        { origin: [APP], methods: 'PUT' },
      ]).map(([o]) => o),
    ).toEqual(['[0].maxAge', '[1].methods', '[1].origin'])
  })

  it('accepts an origin granted by two entries, and entries behind an origin function', () => {
    expect(() =>
      createCors([{ origin: ['https://*.app.test'] }, { origin: ['https://eu.app.test', ADMIN] }]),
    ).not.toThrow()
    expect(() => createCors([{ origin: (o) => o === APP }, { origin: [APP] }])).not.toThrow()
  })

  it('reads onRefuse, onError, csrf and preflightContinue from the first entry: a later one may leave them out or repeat them', () => {
    const onRefuse = () => {}
    const bypass = () => false
    expect(() =>
      createCors([
        { origin: [APP], onRefuse, csrf: { bypass }, preflightContinue: true },
        { origin: [ADMIN], onRefuse, csrf: { bypass }, preflightContinue: true },
        { origin: ['https://c.test'], csrf: { bypass } },
        { origin: ['https://d.test'] },
      ]),
    ).not.toThrow()
    expect(() =>
      createCors([{ origin: [APP] }, { origin: [ADMIN], csrf: false, preflightContinue: false }]),
    ).not.toThrow()
    expect(
      problemsOf([
        { origin: [APP], csrf: true },
        { origin: [ADMIN], csrf: false, onRefuse: () => {}, onError: false, preflightContinue: true },
      ]),
    ).toEqual(
      ['onRefuse', 'onError', 'csrf', 'preflightContinue'].map((name) => [
        `[1].${name}`,
        `differs from [0]'s; ${name} holds for the whole policy and is read from the first entry only. Fix: set ${name} in [0], and leave it out of [1] (a later entry takes the first's).`,
      ]),
    )
  })

  it("takes the first entry's onRefuse for every entry's refusals", async () => {
    const seen: CorsRefusal[] = []
    const policy = createCors([
      { origin: [ADMIN], onRefuse: (r) => seen.push(r) },
      { origin: [APP], methods: ['GET'] },
    ])
    const preflight = (origin: string) =>
      new Request('http://api.test/', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'PUT' },
      })
    await policy.preflight(preflight(APP))
    await policy.preflight(preflight(EVIL))
    expect(seen.map((r) => [r.code, r.origin])).toEqual([
      ['method-not-allowed', APP],
      ['origin-not-allowed', EVIL],
    ])
  })

  it("takes the first entry's onError for every entry's requests", async () => {
    const policy = createCors([
      { origin: [ADMIN], onError: () => new Response('sorry', { status: 503 }) },
      { origin: [APP] },
    ])
    const response = await policy.wrap(() => {
      throw new Error('boom')
    })(new Request('http://api.test/', { headers: { origin: APP } }))
    expect(response.status).toBe(503)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
  })
})

describe("the README's example", () => {
  const cors = createCors([
    {
      origin: ['https://admin.example.com'],
      credentials: true,
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['x-admin-token'],
      exposedHeaders: ['x-audit-id'],
      maxAge: 600,
    },
    { origin: ['https://app.example.com', 'https://*.app.example.com'], methods: ['GET', 'POST'] },
    { origin: '*' },
  ])
  const preflight = (origin: string) =>
    cors.preflight(
      new Request('https://api.example.com/', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'DELETE' },
      }),
    )

  it('gives each origin the settings of the first entry that grants it', async () => {
    const admin = (await preflight('https://admin.example.com'))!
    expect(admin.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE')
    expect(admin.headers.get('access-control-allow-credentials')).toBe('true')
    const region = (await preflight('https://eu.app.example.com'))!
    expect(region.headers.get('access-control-allow-methods')).toBe('GET, POST')
    const stranger = (await preflight('https://elsewhere.test'))!
    expect(stranger.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('trusts() over a list', () => {
  const policy = createCors([
    { origin: [ADMIN], credentials: true },
    { origin: async (o) => o === 'https://partner.test' },
    { origin: ['https://*.app.test', APP] },
    { origin: '*' },
  ])

  it.each([
    [ADMIN, true],
    ['https://partner.test', true],
    ['https://eu.app.test', true],
    [APP, true],
    [EVIL, false],
    ['null', false],
  ])('%s: %s', async (origin, trusted) => {
    expect(await policy.trusts(origin, new Request('http://api.test/'))).toBe(trusted)
  })
})

describe('an origin function in a list', () => {
  it('is asked once per request, by the selection and the entry it selects', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const fn = vi.fn(async (origin: string) => origin === ADMIN)
    const policy = createCors([{ origin: fn, credentials: true, csrf: true }, { origin: [APP] }])
    const handler = policy.wrap(() => new Response('ok'))
    for (const origin of [ADMIN, EVIL]) {
      fn.mockClear()
      const response = await handler(
        new Request('http://api.test/', { method: 'POST', headers: { origin }, body: 'x' }),
      )
      expect(response.status).toBe(origin === ADMIN ? 200 : 403)
      expect(fn).toHaveBeenCalledTimes(1)
    }
  })

  it('that throws does not stop a later entry from granting, and refuses when none does', async () => {
    const error = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const policy = createCors([
      {
        origin: () => {
          throw new Error('db down')
        },
      },
      { origin: ['https://*.app.test'] },
    ])
    const get = (origin: string) =>
      policy.actualHeaders(new Request('http://api.test/', { headers: { origin } }))
    expect((await get('https://eu.app.test'))['access-control-allow-origin']).toBe('https://eu.app.test')
    expect((await get(EVIL))['access-control-allow-origin']).toBeUndefined()
    expect(String(error.mock.calls[0]![0])).toContain('db down')
  })

  it('answers synchronously when no origin function is async', () => {
    const policy = createCors([{ origin: [ADMIN], credentials: true }, { origin: ['https://*.app.test'] }])
    const response = policy.wrap(() => new Response('ok'))(
      new Request('http://api.test/', { headers: { origin: 'https://eu.app.test' } }),
    )
    expect(response).toBeInstanceOf(Response)
  })
})

describe('properties', () => {
  const ORIGINS = [ADMIN, APP, 'https://eu.app.test', EVIL, 'http://localhost:3000', 'null']
  const originOption = fc.oneof(
    fc.constant('*' as const),
    fc.subarray([ADMIN, APP, 'https://*.app.test', 'http://localhost:*', 'null'], { minLength: 1 }),
    fc.constant(/^https:\/\/[a-z]+\.app\.test$/),
    fc.constant((o: string) => o === APP),
    fc.constant(async (o: string) => o === ADMIN),
  )
  const options: fc.Arbitrary<CorsOptions> = fc
    .record({
      origin: originOption,
      methods: fc.oneof(fc.constant('*' as const), fc.subarray(['GET', 'PUT', 'DELETE', 'PATCH'])),
      allowedHeaders: fc.oneof(fc.constant('*' as const), fc.subarray(['content-type', 'x-api-key'])),
      exposedHeaders: fc.subarray(['x-request-id']),
      credentials: fc.boolean(),
      maxAge: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: undefined }),
      privateNetworkAccess: fc.boolean(),
      preflightContinue: fc.boolean(),
      csrf: fc.boolean(),
    })
    .map((o) => ({
      ...o,
      credentials: o.credentials && o.origin !== '*',
      onRefuse: false as const,
    }))
  const request = fc.record({
    method: fc.constantFrom('GET', 'POST', 'OPTIONS', 'PUT'),
    origin: fc.option(fc.constantFrom(...ORIGINS), { nil: undefined }),
    requestMethod: fc.option(fc.constantFrom('PUT', 'DELETE', 'patch'), { nil: undefined }),
    requestHeaders: fc.option(fc.constantFrom('content-type', 'x-api-key', 'x-other'), { nil: undefined }),
    privateNetwork: fc.boolean(),
    site: fc.option(fc.constantFrom('cross-site', 'same-origin'), { nil: undefined }),
  })

  function build(r: typeof request extends fc.Arbitrary<infer T> ? T : never): Request {
    const headers = new Headers()
    if (r.origin !== undefined) headers.set('origin', r.origin)
    if (r.requestMethod !== undefined) headers.set('access-control-request-method', r.requestMethod)
    if (r.requestHeaders !== undefined) headers.set('access-control-request-headers', r.requestHeaders)
    if (r.privateNetwork) headers.set('access-control-request-private-network', 'true')
    if (r.site !== undefined) headers.set('sec-fetch-site', r.site)
    const body = r.method === 'GET' || r.method === 'OPTIONS' ? null : 'x'
    return new Request('http://api.test/', { method: r.method, headers, body })
  }

  async function outcome(options: CorsOptions | readonly CorsOptions[], r: Request) {
    const response = await createCors(options).wrap(() => new Response('ran'))(r)
    return { status: response.status, headers: [...response.headers], body: await response.text() }
  }

  it('a one-entry list answers every request exactly as the options object alone', async () => {
    await fc.assert(
      fc.asyncProperty(options, request, async (o, r) => {
        expect(await outcome([o], build(r))).toEqual(await outcome(o, build(r)))
      }),
      { numRuns: 300 },
    )
  })

  it("a later entry that grants no request's origin changes nothing", async () => {
    const unused: CorsOptions = { origin: ['https://never-sent.test'], methods: ['PURGE'] }
    await fc.assert(
      fc.asyncProperty(
        options.filter((o) => o.origin !== '*'),
        request,
        async (o, r) => {
          const { csrf, preflightContinue } = o
          expect(await outcome([o, { ...unused, csrf, preflightContinue }], build(r))).toEqual(
            await outcome(o, build(r)),
          )
        },
      ),
      { numRuns: 300 },
    )
  })
})
