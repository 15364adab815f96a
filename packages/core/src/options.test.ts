import { describe, expect, it } from 'vitest'
import { CorsConfigError, type CorsOptions, createCors, createCorsAt, perEnv } from './index.ts'
import { createCorsAt as liteCreateCorsAt } from './lite.ts'

/** Creates a policy expecting a CorsConfigError; returns its problems as `option: problem`. */
function problemsOf(options: unknown): { option: string; problem: string; fix: string }[] {
  try {
    createCors(options as CorsOptions)
  } catch (error) {
    expect(error).toBeInstanceOf(CorsConfigError)
    expect((error as Error).name).toBe('CorsConfigError')
    return [...(error as CorsConfigError).problems]
  }
  throw new Error('createCors accepted the options')
}

/** (options) → the option at fault and words its problem and fix must contain. */
const mistakes: [string, unknown, { option: string; problem: string; fix: string }][] = [
  ['origin missing', {}, { option: 'origin', problem: 'is required', fix: "origin: '*'" }],
  [
    'options not an object',
    'https://a.test',
    { option: 'options', problem: 'not an options object', fix: 'createCors({' },
  ],
  [
    "origin '*' with credentials",
    { origin: '*', credentials: true },
    { option: 'origin', problem: "'*' cannot be used with credentials", fix: 'list the origins' },
  ],
  [
    'origin without a scheme',
    { origin: ['app.test'] },
    { option: 'origin[0]', problem: 'has no scheme', fix: "'https://app.test'" },
  ],
  [
    'origin with a trailing slash',
    { origin: 'https://app.test/' },
    { option: 'origin', problem: 'a trailing slash', fix: "'https://app.test'" },
  ],
  [
    'origin with a path',
    { origin: ['https://app.test/api'] },
    { option: 'origin[0]', problem: 'a path', fix: "'https://app.test'" },
  ],
  [
    'origin with a query',
    { origin: ['https://app.test?x=1'] },
    { option: 'origin[0]', problem: 'a query', fix: "'https://app.test'" },
  ],
  [
    'origin with credentials',
    { origin: ['https://user:pw@app.test'] },
    { option: 'origin[0]', problem: 'credentials', fix: "'https://app.test'" },
  ],
  [
    'origin with a bad port',
    { origin: ['https://app.test:99999'] },
    { option: 'origin[0]', problem: 'invalid port', fix: '65535' },
  ],
  [
    'wildcard inside a label',
    { origin: ['https://app-*.test.com'] },
    { option: 'origin[0]', problem: 'wildcard inside a label', fix: '*.example.com' },
  ],
  [
    'wildcard in the middle',
    { origin: ['https://a.*.test.com'] },
    { option: 'origin[0]', problem: 'wildcard inside a label', fix: '*.example.com' },
  ],
  [
    'wildcard glued to a domain',
    { origin: ['https://*example.com'] },
    { option: 'origin[0]', problem: 'wildcard inside a label', fix: '*.example.com' },
  ],
  [
    'wildcard over a top-level domain',
    { origin: ['https://*.com'] },
    { option: 'origin[0]', problem: 'every site under', fix: '*.example.com' },
  ],
  [
    "'*' inside a list",
    { origin: ['*', 'https://a.test'] },
    { option: 'origin[0]', problem: 'must be used alone', fix: "origin: '*'" },
  ],
  [
    'origin: true (reflect everything) with credentials',
    { origin: true, credentials: true },
    { option: 'origin', problem: 'reflects every origin', fix: 'list the origins' },
  ],
  [
    'origin: true inside a list',
    { origin: ['https://a.test', true] },
    { option: 'origin[1]', problem: 'must be used alone', fix: "origin: '*'" },
  ],
  [
    'a RegExp granting every subdomain of a public suffix',
    { origin: [/^https:\/\/.*\.vercel\.app$/] },
    {
      option: 'origin[0]',
      problem: 'https://corsicaunmeant.vercel.app',
      fix: "'https://*.my-site.vercel.app'",
    },
  ],
  [
    'an unanchored RegExp',
    { origin: [/example\.com/] },
    { option: 'origin[0]', problem: 'not anchored', fix: 'anchor it' },
  ],
  [
    'a RegExp anchored at one end',
    { origin: /example\.com$/ },
    { option: 'origin', problem: 'not anchored', fix: 'anchor it' },
  ],
  [
    'an empty origin list',
    { origin: [] },
    { option: 'origin', problem: 'empty list', fix: 'list the origins' },
  ],
  [
    'a number as origin',
    { origin: [42] },
    { option: 'origin[0]', problem: 'not an origin string', fix: 'strings' },
  ],
  [
    'an invalid method',
    { origin: '*', methods: ['GET', 'PU T'] },
    { option: 'methods[1]', problem: 'not a method name', fix: 'PUT' },
  ],
  [
    'a forbidden method',
    { origin: '*', methods: ['CONNECT'] },
    { option: 'methods[0]', problem: 'forbidden method', fix: 'remove' },
  ],
  [
    'methods as a string',
    { origin: '*', methods: 'GET,POST' },
    { option: 'methods', problem: 'is a string', fix: "['GET', 'POST']" },
  ],
  [
    "'*' inside methods",
    { origin: '*', methods: ['*', 'GET'] },
    { option: 'methods', problem: 'must be used alone', fix: "methods: '*'" },
  ],
  [
    'an invalid header name',
    { origin: '*', allowedHeaders: ['x-api key'] },
    { option: 'allowedHeaders[0]', problem: 'not a header name', fix: 'x-api-key' },
  ],
  [
    'a header with a colon',
    { origin: '*', allowedHeaders: ['content-type:'] },
    { option: 'allowedHeaders[0]', problem: 'not a header name', fix: 'colons' },
  ],
  [
    'an invalid name inside a comma-joined entry',
    { origin: '*', allowedHeaders: ['x-a, x b'] },
    { option: 'allowedHeaders[0]', problem: "'x b' is not a header name", fix: 'x-api-key' },
  ],
  [
    "exposedHeaders '*' with credentials",
    { origin: ['https://a.test'], credentials: true, exposedHeaders: '*' },
    { option: 'exposedHeaders', problem: 'literal header name', fix: "['x-request-id']" },
  ],
  [
    'maxAge negative',
    { origin: '*', maxAge: -5 },
    { option: 'maxAge', problem: '-5 is not a whole number', fix: 'maxAge: 600' },
  ],
  [
    'maxAge fractional',
    { origin: '*', maxAge: 1.5 },
    { option: 'maxAge', problem: '1.5 is not a whole number', fix: 'maxAge: 600' },
  ],
  [
    'maxAge as a string',
    { origin: '*', maxAge: '600' },
    { option: 'maxAge', problem: "'600' is not a whole number", fix: 'maxAge: 600' },
  ],
  [
    'credentials as a string',
    { origin: ['https://a.test'], credentials: 'true' },
    { option: 'credentials', problem: 'not true or false', fix: 'credentials: true' },
  ],
  [
    'a non-2xx preflight status',
    { origin: '*', optionsSuccessStatus: 404 },
    { option: 'optionsSuccessStatus', problem: 'not a 2xx', fix: '204' },
  ],
  [
    'onRefuse not a function',
    { origin: '*', onRefuse: 'log' },
    { option: 'onRefuse', problem: 'not a function', fix: 'pass a function' },
  ],
  [
    'allowHeaders (hono/cors name)',
    { origin: '*', allowHeaders: ['x'] },
    { option: 'allowHeaders', problem: 'not a CORS option', fix: 'did you mean allowedHeaders' },
  ],
  [
    'allowMethods (hono/cors name)',
    { origin: '*', allowMethods: ['GET'] },
    { option: 'allowMethods', problem: 'not a CORS option', fix: 'did you mean methods' },
  ],
  [
    'exposeHeaders (hono/cors name)',
    { origin: '*', exposeHeaders: ['x'] },
    { option: 'exposeHeaders', problem: 'not a CORS option', fix: 'did you mean exposedHeaders' },
  ],
  [
    'origins (typo)',
    { origins: ['https://a.test'] },
    { option: 'origins', problem: 'not a CORS option', fix: 'did you mean origin' },
  ],
  [
    'preflightRefusals not a known choice',
    { origin: '*', preflightRefusals: 'silent' },
    { option: 'preflightRefusals', problem: "not 'explain' or 'opaque'", fix: "'opaque'" },
  ],
  [
    'onRefuse neither a function nor false',
    { origin: '*', onRefuse: true },
    { option: 'onRefuse', problem: 'not a function or false', fix: 'false to log nothing' },
  ],
  [
    'maxage (case typo)',
    { origin: '*', maxage: 5 },
    { option: 'maxage', problem: 'not a CORS option', fix: 'did you mean maxAge' },
  ],
  [
    'credentails (spelling)',
    { origin: '*', credentails: false },
    { option: 'credentails', problem: 'not a CORS option', fix: 'did you mean credentials' },
  ],
  [
    'preflightContinue that is not a boolean',
    { origin: '*', preflightContinue: 'yes' },
    { option: 'preflightContinue', problem: 'is not true or false', fix: 'preflightContinue: true' },
  ],
  [
    'an unknown option',
    { origin: '*', wibble: 1 },
    { option: 'wibble', problem: 'not a CORS option', fix: 'the options are origin' },
  ],
]

describe('configuration mistakes are refused at start-up, with a fix', () => {
  it.each(mistakes)('%s', (_, options, expected) => {
    const problems = problemsOf(options)
    const match = problems.find((p) => p.option === expected.option)
    expect(match, JSON.stringify(problems)).toBeDefined()
    expect(match!.problem).toContain(expected.problem)
    expect(match!.fix).toContain(expected.fix)
  })

  it('lists every problem at once, in the message too', () => {
    try {
      createCors({ origin: '*', credentials: true, maxAge: -5, allowHeaders: ['x'] } as CorsOptions)
      expect.unreachable()
    } catch (error) {
      const e = error as CorsConfigError
      expect(e.problems.map((p) => p.option)).toEqual(['allowHeaders', 'origin', 'maxAge'])
      expect(e.message).toBe(
        [
          '3 problems in CORS options',
          '  - allowHeaders: is not a CORS option.',
          '    Fix: did you mean allowedHeaders? Rename it.',
          "  - origin: '*' cannot be used with credentials: true; browsers refuse a wildcard on credentialed requests.",
          "    Fix: list the origins, e.g. origin: ['https://app.example.com'], or set credentials: false.",
          '  - maxAge: -5 is not a whole number of seconds >= 0.',
          '    Fix: write maxAge: 600 (ten minutes), or leave it out.',
        ].join('\n'),
      )
      expect(String(e)).toMatch(/^CorsConfigError: 3 problems in CORS options/)
    }
  })

  it('reports a typo that hides origin once, with the missing origin, not three times', () => {
    expect(problemsOf({ origins: ['https://a.test'] })).toEqual([
      {
        option: 'origins',
        problem: 'is not a CORS option, and origin, which is required, is missing.',
        fix: 'did you mean origin? Rename it.',
      },
    ])
    expect(problemsOf({}).map((p) => p.option)).toEqual(['origin'])
  })
})

describe('harmless settings start, with one warning at start-up', () => {
  function warnings(options: CorsOptions): string[] {
    const seen: string[] = []
    const warn = console.warn
    console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '))
    try {
      createCors(options)
    } finally {
      console.warn = warn
    }
    return seen
  }

  it('forbidden request-header names and Set-Cookie: one console.warn naming each with its fix', () => {
    const seen = warnings({
      origin: ['https://a.test'],
      // Payload's and Cal.com's default lists hold Origin.
      allowedHeaders: [
        'Origin',
        'Content-Type',
        'Cookie',
        'Content-Length',
        'Proxy-Authorization',
        'Sec-Fetch-Mode',
      ],
      exposedHeaders: ['Set-Cookie', 'set-cookie2', 'x-request-id'],
    })
    expect(seen).toHaveLength(1)
    const [line] = seen
    expect(line).toMatch(/^\[corsica\] 7 CORS settings do nothing and are ignored:/)
    for (const [option, name] of [
      ['allowedHeaders[0]', 'Origin'],
      ['allowedHeaders[2]', 'Cookie'],
      ['allowedHeaders[3]', 'Content-Length'],
      ['allowedHeaders[4]', 'Proxy-Authorization'],
      ['allowedHeaders[5]', 'Sec-Fetch-Mode'],
      ['exposedHeaders[0]', 'Set-Cookie'],
      ['exposedHeaders[1]', 'set-cookie2'],
    ]) {
      expect(line).toContain(`  - ${option}: '${name}'`)
    }
    expect(line).toContain('Fix: remove it; cookies are sent by the browser')
    expect(line).toContain("Fix: remove 'Origin'.")
    expect(line!.split('Fix:')).toHaveLength(8)
  })

  it('says nothing when every setting counts, and nothing extra when the options are refused', () => {
    expect(warnings({ origin: ['https://a.test'], allowedHeaders: ['content-type'] })).toEqual([])
    expect(() => warnings({ origin: '*', credentials: true, allowedHeaders: ['Origin'] })).toThrow(
      CorsConfigError,
    )
  })

  it("origin: true without credentials is '*', and starts without a warning", async () => {
    expect(warnings({ origin: true })).toEqual([])
    const headers = await createCors({ origin: true, exposedHeaders: ['x-id'] }).actualHeaders(
      new Request('https://api.test/', { headers: { origin: 'https://anyone.test' } }),
    )
    expect(headers).toEqual({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-id' })
  })
  describe('onError, behind an adapter whose framework answers thrown errors (createCorsAt with errors)', () => {
    const hono = {
      problem: 'is never called: Hono answers what a route throws, and the CORS headers are added.',
      fix: 'leave it out; shape error answers with app.onError((error, c) => ...).',
    }
    function adapterWarnings(options: CorsOptions | CorsOptions[], create = createCorsAt): string[] {
      const seen: string[] = []
      const warn = console.warn
      console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '))
      try {
        create(adapterWarnings, options, hono)
      } finally {
        console.warn = warn
      }
      return seen
    }
    const shout = () => new Response('oops', { status: 500 })

    it.each([
      ['@corsica/core', createCorsAt],
      ['@corsica/core/lite', liteCreateCorsAt],
    ])("%s: a function is named as doing nothing, with the framework's hook as the fix", (_, create) => {
      const [line, ...more] = adapterWarnings({ origin: ['https://a.test'], onError: shout }, create)
      expect(more).toEqual([])
      expect(line).toBe(
        '[corsica] 1 CORS setting does nothing and is ignored:\n' +
          '  - onError: is never called: Hono answers what a route throws, and the CORS headers are added.\n' +
          '    Fix: leave it out; shape error answers with app.onError((error, c) => ...).',
      )
    })

    it('false (rethrow, which the framework does anyway) and leaving it out say nothing', () => {
      expect(adapterWarnings({ origin: ['https://a.test'], onError: false })).toEqual([])
      expect(adapterWarnings({ origin: ['https://a.test'] })).toEqual([])
    })

    it('a list says it once, from the first entry, where onError is read', () => {
      const seen = adapterWarnings([
        { origin: ['https://a.test'], onError: shout },
        { origin: ['https://b.test'], onError: shout },
      ])
      expect(seen).toHaveLength(1)
      expect(seen[0]).toContain('  - onError: is never called')
    })

    it('perEnv passes it on: the warning comes when the options are first compiled', () => {
      const seen: string[] = []
      const warn = console.warn
      console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '))
      try {
        const forEnv = perEnv(
          () => ({ origin: ['https://a.test'], onError: shout }),
          (policy) => policy,
          hono,
        )
        expect(seen).toEqual([])
        expect(forEnv({})).not.toBeNull()
      } finally {
        console.warn = warn
      }
      expect(seen).toHaveLength(1)
      expect(seen[0]).toContain('Hono answers what a route throws')
    })

    it('createCors and an adapter without errors keep calling it: no warning', () => {
      expect(warnings({ origin: ['https://a.test'], onError: shout })).toEqual([])
    })
  })
})

describe('RegExps over a public suffix are refused like the pattern string', () => {
  it.each([
    [/^https:\/\/.*\.vercel\.app$/, 'https://corsicaunmeant.vercel.app'],
    [/^https:\/\/[a-z0-9-]+\.vercel\.app$/, 'https://corsicaunmeant.vercel.app'],
    [/^https:\/\/[a-z0-9-]+-preview\.vercel\.app$/, 'https://corsicaunmeant-preview.vercel.app'],
    [/^https:\/\/.*\.github\.io(:\d+)?$/, 'https://corsicaunmeant.github.io'],
    [/^https:\/\/.*\.CO\.UK$/i, 'https://corsicaunmeant.co.uk'],
    [/^https?:\/\/.*\.dev$/, 'https://corsicaunmeant.dev'],
  ])('%s is refused, probed with %s', (re, probe) => {
    const [problem] = problemsOf({ origin: [re] })
    expect(problem!.problem).toContain(`matches ${probe}`)
    // The same fix as for the pattern string over the same suffix.
    // (A pattern right under a top-level domain has a fix of its own.)
    const suffix = probe.slice(probe.indexOf('.') + 1)
    if (suffix.includes('.')) {
      const [pattern] = problemsOf({ origin: [`https://*.${suffix}`] })
      expect(problem!.fix).toBe(pattern!.fix)
    }
  })

  it.each([
    /^https:\/\/.*\.my-site\.vercel\.app$/,
    /^https:\/\/my-site\.vercel\.app$/,
    /^https:\/\/(.*\.)?example\.com(:\d+)?$/,
    /^http:\/\/[a-z]+\.localhost(:\d+)?$/,
    /^https:\/\/[a-z]+\.Vercel\.app$/,
    /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/,
  ])('%s is accepted', (re) => {
    expect(() => createCors({ origin: [re] })).not.toThrow()
  })
})
