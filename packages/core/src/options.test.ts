import { describe, expect, it } from 'vitest'
import { CorsConfigError, type CorsOptions, createCors } from './index.ts'

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
    'origin: true (reflect everything)',
    { origin: true },
    { option: 'origin', problem: 'reflect every origin', fix: 'list the origins' },
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
    'allowing cookie',
    { origin: '*', allowedHeaders: ['Cookie'] },
    { option: 'allowedHeaders[0]', problem: 'never set', fix: 'credentials: true' },
  ],
  [
    'allowing a sec- header',
    { origin: '*', allowedHeaders: ['sec-fetch-mode'] },
    { option: 'allowedHeaders[0]', problem: 'never set', fix: 'remove' },
  ],
  [
    'exposing set-cookie',
    { origin: '*', exposedHeaders: ['Set-Cookie'] },
    { option: 'exposedHeaders[0]', problem: 'never readable', fix: 'remove' },
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
