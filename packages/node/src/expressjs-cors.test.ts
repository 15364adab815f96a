/**
 * The test suite of the `cors` package for Express (github.com/expressjs/cors, test/test.js,
 * test/error-response.js, test/example-app.js, test/issue-2.js), translated into Corsica's terms
 * and run over HTTP in Express 5 with `cors()` from @corsica/node.
 *
 * Translation: their fake request (`Origin: http://example.com`, `Access-Control-Request-Headers:
 * x-header-1, x-header-2`) is sent as it is; where their test sends it as `OPTIONS` to mean a
 * preflight, it also carries `Access-Control-Request-Method: GET`, without which it is no
 * CORS-preflight request (Fetch standard, CORS-preflight request) and Corsica hands it to the app.
 * Their `origin` callback `(origin, cb)` becomes a function returning the boolean; `headers` is
 * `allowedHeaders`; lists compare as lists (`GET,HEAD` and `GET, HEAD` are the same field value).
 * "next() ran" is read from the app's handler, which answers `x-next: ran` after the middleware.
 */
import { CorsConfigError, type CorsOptions } from '@corsica/core'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseIndex, listen, type Running, send } from '../test/http.ts'
import { differences, type PortedCase } from '../test/ported.ts'
import { cors } from './index.ts'

const EXAMPLE = 'http://example.com'
const fake = { origin: EXAMPLE, 'access-control-request-headers': 'x-header-1, x-header-2' }
const get = { method: 'GET', headers: fake }
const preflight = { method: 'OPTIONS', headers: { ...fake, 'access-control-request-method': 'GET' } }
const DEFAULT_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE'
const PREFLIGHT_VARY =
  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network'
// `cors()` with no options allows any origin and echoes whatever request headers a preflight
// asks for; in Corsica's options that is `origin: '*'` and `allowedHeaders: '*'` (Corsica's own
// defaults: no origin, and no request header beyond the CORS-safelisted ones).
const ANY: CorsOptions = { origin: '*', allowedHeaders: '*' }
const UNANCHORED =
  'the RegExp is not anchored with ^ and $: it also matches origins that merely contain it (http://example.com.evil.test), so Corsica refuses it at start-up and says how to anchor it (an anchored RegExp is in the shared table)'
const DELEGATE =
  'the options are an object, compiled once at start-up; a function computing them per request is refused (CorsConfigError). Per-request choices are an origin function (origin, request, req, res), or one cors() per route'
const NOT_A_LIST = 'a comma-separated string is refused at start-up with the list to write instead'

const VARY_ALWAYS =
  "a preflight's answer depends on Origin, Access-Control-Request-Method, -Headers and -Private-Network (with Origin and -Method it is a preflight, which the policy answers; without, the app does), so Corsica's Vary lists them whatever the options; a cache that ignored them could serve a preflight's answer to an ordinary OPTIONS"

export const expressCorsCases: PortedCase[] = [
  {
    name: 'does not alter `options` configuration object',
    options: Object.freeze({ origin: 'custom-origin' }) as CorsOptions,
    request: get,
    expect: {},
    configError:
      "'custom-origin' is no origin (scheme://host[:port]): it can never equal an Origin header, so Corsica refuses it at start-up. Frozen valid options are taken as they are (test below).",
  },
  {
    name: 'does not alter `options` configuration object (a valid origin)',
    options: Object.freeze({ origin: EXAMPLE }) as CorsOptions,
    request: get,
    expect: { status: 200, headers: { 'access-control-allow-origin': EXAMPLE }, nextRan: true },
  },
  { name: 'passes control to next middleware', options: ANY, request: get, expect: { nextRan: true } },
  {
    name: 'shortcircuits preflight requests',
    options: ANY,
    request: preflight,
    expect: { status: 204, nextRan: false },
  },
  {
    name: 'can configure preflight success response status code',
    options: { ...ANY, optionsSuccessStatus: 200 },
    request: preflight,
    expect: { status: 200, nextRan: false },
  },
  {
    name: "doesn't shortcircuit preflight requests with preflightContinue option",
    options: { ...ANY, preflightContinue: true },
    request: preflight,
    expect: { nextRan: true },
  },
  {
    name: 'normalizes method names',
    options: ANY,
    request: { ...preflight, method: 'options' },
    expect: { status: 204, nextRan: false },
    departs: {
      reason:
        "methods are case-sensitive (Fetch: a CORS-preflight request uses `OPTIONS`); over real HTTP Node's parser refuses the unknown method `options` with 400 before any middleware runs",
      expect: { status: 400, nextRan: false },
    },
  },
  {
    name: 'includes Content-Length response header',
    options: ANY,
    request: preflight,
    expect: { headers: { 'content-length': '0' } },
    departs: {
      reason:
        'the answer is a 204, which carries no Content-Length (RFC 9110 §8.6: a server must not send it in a 204); with optionsSuccessStatus: 200 Node sends Content-Length: 0',
      expect: { status: 204, headers: { 'content-length': null } },
    },
  },
  {
    name: 'no options enables default CORS to all origins',
    options: ANY,
    request: get,
    expect: {
      headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': null },
      nextRan: true,
    },
  },
  {
    name: 'OPTION call with no options enables default CORS to all origins and methods',
    options: ANY,
    request: preflight,
    expect: {
      status: 204,
      headers: { 'access-control-allow-origin': '*' },
      lists: { 'access-control-allow-methods': DEFAULT_METHODS },
    },
  },
  {
    name: 'overrides defaults',
    options: {
      origin: EXAMPLE,
      methods: ['FOO', 'bar'],
      allowedHeaders: ['FIZZ', 'buzz'],
      credentials: true,
      maxAge: 123,
    },
    request: preflight,
    expect: {
      status: 204,
      headers: {
        'access-control-allow-origin': EXAMPLE,
        'access-control-allow-credentials': 'true',
        'access-control-max-age': '123',
      },
      lists: { 'access-control-allow-methods': 'FOO,bar' },
      names: { 'access-control-allow-headers': 'FIZZ,buzz' },
    },
    configError:
      "'http://example.com' is plain http and credentials is true: anyone on that page's network path can inject script and read credentialed answers; refused unless dangerouslyAllowInsecureOrigins: true (the next case)",
  },
  {
    name: 'overrides defaults (with dangerouslyAllowInsecureOrigins: true)',
    options: {
      origin: EXAMPLE,
      methods: ['FOO', 'bar'],
      allowedHeaders: ['FIZZ', 'buzz'],
      credentials: true,
      maxAge: 123,
      dangerouslyAllowInsecureOrigins: true,
    },
    request: preflight,
    expect: {
      status: 204,
      headers: {
        'access-control-allow-origin': EXAMPLE,
        'access-control-allow-credentials': 'true',
        'access-control-max-age': '123',
      },
      lists: { 'access-control-allow-methods': 'FOO,bar' },
      names: { 'access-control-allow-headers': 'FIZZ,buzz' },
    },
    departs: {
      reason:
        'the preflight asks for x-header-1 and x-header-2, which are not allowed: Corsica refuses it, answering with its lists so that the console names the header, and without Max-Age (a refusal is not worth caching)',
      expect: {
        status: 204,
        headers: {
          'access-control-allow-origin': EXAMPLE,
          'access-control-allow-credentials': 'true',
          'access-control-max-age': null,
        },
        lists: { 'access-control-allow-methods': 'FOO,bar' },
        names: { 'access-control-allow-headers': 'FIZZ,buzz' },
      },
    },
  },
  {
    name: 'matches request origin against regexp',
    options: { origin: /:\/\/(.+\.)?example.com$/ },
    request: get,
    expect: { headers: { 'access-control-allow-origin': EXAMPLE, vary: 'Origin' } },
    configError: UNANCHORED,
  },
  {
    name: 'matches request origin against array of origin checks',
    options: { origin: [/foo\.com$/, EXAMPLE] },
    request: get,
    expect: { headers: { 'access-control-allow-origin': EXAMPLE, vary: 'Origin' } },
    configError: UNANCHORED,
  },
  {
    name: "doesn't match request origin against array of invalid origin checks",
    options: { origin: [/foo\.com$/, 'bar.com'] },
    request: get,
    expect: { headers: { 'access-control-allow-origin': null, vary: 'Origin' } },
    configError: `${UNANCHORED}; 'bar.com' has no scheme, so it is no origin either`,
  },
  {
    name: 'origin of false disables cors',
    options: {
      origin: false,
      methods: ['FOO', 'bar'],
      allowedHeaders: ['FIZZ', 'buzz'],
      credentials: true,
      maxAge: 123,
    } as never,
    request: get,
    expect: { headers: { 'access-control-allow-origin': null, 'access-control-allow-credentials': null } },
    configError:
      'origin: false is not an origin; to serve without CORS, do not mount the middleware on that route',
  },
  {
    name: 'can override origin',
    options: { origin: EXAMPLE },
    request: get,
    expect: { headers: { 'access-control-allow-origin': EXAMPLE } },
  },
  {
    name: 'includes Vary header for specific origins',
    options: { origin: EXAMPLE },
    request: get,
    expect: { headers: { vary: 'Origin' } },
  },
  {
    name: 'appends to an existing Vary header',
    options: { origin: EXAMPLE },
    request: { ...get, path: '/vary-foo' },
    expect: { headers: { vary: 'Foo, Origin' } },
  },
  {
    name: 'origin defaults to *',
    options: ANY,
    request: get,
    expect: { headers: { 'access-control-allow-origin': '*' } },
  },
  {
    name: 'specifying true for origin reflects requesting origin',
    options: { origin: true } as never,
    request: get,
    expect: { headers: { 'access-control-allow-origin': EXAMPLE } },
    departs: {
      reason:
        "origin: true without credentials is read as '*': reflecting every origin grants what '*' grants, and '*' needs no Vary (with credentials: true it is refused, see issue #2)",
      expect: { headers: { 'access-control-allow-origin': '*' } },
    },
  },
  {
    name: 'should allow origin when callback returns true',
    options: { origin: () => true },
    request: get,
    expect: { headers: { 'access-control-allow-origin': EXAMPLE } },
  },
  {
    name: 'should not allow origin when callback returns false',
    options: { origin: () => false },
    request: get,
    expect: {
      headers: {
        'access-control-allow-origin': null,
        'access-control-allow-methods': null,
        'access-control-allow-headers': null,
        'access-control-allow-credentials': null,
        'access-control-max-age': null,
      },
    },
  },
  {
    name: 'should not override options.origin callback (http://example.com)',
    options: { origin: (o: string) => o === EXAMPLE },
    request: get,
    expect: { headers: { 'access-control-allow-origin': EXAMPLE } },
  },
  {
    name: 'should not override options.origin callback (http://localhost)',
    options: { origin: (o: string) => o === EXAMPLE },
    request: { method: 'GET', headers: { origin: 'http://localhost' } },
    expect: {
      headers: {
        'access-control-allow-origin': null,
        'access-control-allow-methods': null,
        'access-control-allow-headers': null,
        'access-control-allow-credentials': null,
        'access-control-max-age': null,
      },
    },
  },
  {
    name: 'can override methods',
    options: { ...ANY, methods: ['method1', 'method2'] },
    request: preflight,
    expect: { status: 204, lists: { 'access-control-allow-methods': 'method1,method2' } },
  },
  {
    name: 'methods defaults to GET, HEAD, PUT, PATCH, POST, DELETE',
    options: ANY,
    request: preflight,
    expect: { status: 204, lists: { 'access-control-allow-methods': DEFAULT_METHODS } },
  },
  {
    name: 'can specify allowed headers as array',
    options: { ...ANY, allowedHeaders: ['header1', 'header2'] },
    request: preflight,
    expect: { headers: { vary: null }, names: { 'access-control-allow-headers': 'header1,header2' } },
    departs: {
      reason: `the preflight asks for x-header-1 and x-header-2, not allowed: Corsica refuses it with its lists (header1, header2). ${VARY_ALWAYS}`,
      expect: {
        headers: { vary: PREFLIGHT_VARY },
        names: { 'access-control-allow-headers': 'header1,header2' },
      },
    },
  },
  {
    name: 'can specify allowed headers as string',
    options: { ...ANY, allowedHeaders: 'header1,header2' } as never,
    request: preflight,
    expect: { headers: { vary: null }, names: { 'access-control-allow-headers': 'header1,header2' } },
    configError: NOT_A_LIST,
  },
  {
    name: 'specifying an empty list or string of allowed headers will result in no response header for allowed headers',
    options: { ...ANY, allowedHeaders: [] },
    request: get,
    expect: { headers: { 'access-control-allow-headers': null, vary: null } },
  },
  {
    name: 'if no allowed headers are specified, defaults to requested allowed headers',
    options: ANY,
    request: preflight,
    expect: {
      headers: { vary: 'Access-Control-Request-Headers' },
      names: { 'access-control-allow-headers': 'x-header-1, x-header-2' },
    },
    departs: {
      reason: VARY_ALWAYS,
      expect: {
        headers: { vary: PREFLIGHT_VARY },
        names: { 'access-control-allow-headers': 'x-header-1, x-header-2' },
      },
    },
  },
  {
    name: 'can specify exposed headers as array',
    options: { ...ANY, exposedHeaders: ['custom-header1', 'custom-header2'] },
    request: get,
    expect: { names: { 'access-control-expose-headers': 'custom-header1,custom-header2' } },
  },
  {
    name: 'can specify exposed headers as string',
    options: { ...ANY, exposedHeaders: 'custom-header1,custom-header2' } as never,
    request: get,
    expect: { names: { 'access-control-expose-headers': 'custom-header1,custom-header2' } },
    configError: NOT_A_LIST,
  },
  {
    name: 'specifying an empty list or string of exposed headers will result in no response header for exposed headers',
    options: { ...ANY, exposedHeaders: [] },
    request: get,
    expect: { headers: { 'access-control-expose-headers': null } },
  },
  {
    name: 'includes credentials if explicitly enabled',
    options: { ...ANY, credentials: true },
    request: preflight,
    expect: { headers: { 'access-control-allow-credentials': 'true' } },
    configError:
      "origin '*' with credentials: true is refused: browsers refuse Access-Control-Allow-Origin: * on credentialed requests, so `cors()` would send headers no browser accepts",
  },
  {
    name: 'does not includes credentials unless explicitly enabled',
    options: ANY,
    request: get,
    expect: { headers: { 'access-control-allow-credentials': null } },
  },
  {
    name: 'includes maxAge when specified',
    options: { ...ANY, maxAge: 456 },
    request: preflight,
    expect: { headers: { 'access-control-max-age': '456' } },
  },
  {
    name: 'includes maxAge when specified and equals to zero',
    options: { ...ANY, maxAge: 0 },
    request: preflight,
    expect: { headers: { 'access-control-max-age': '0' } },
  },
  {
    name: 'does not includes maxAge unless specified',
    options: ANY,
    request: get,
    expect: { headers: { 'access-control-max-age': null } },
  },
  {
    name: 'handles options specified via callback',
    options: ((_req: unknown, cb: (e: unknown, o: unknown) => void) =>
      cb(null, { origin: 'delegate.com' })) as never,
    request: get,
    expect: { headers: { 'access-control-allow-origin': 'delegate.com' } },
    configError: DELEGATE,
  },
  {
    name: 'handles options specified via callback for preflight',
    options: ((_req: unknown, cb: (e: unknown, o: unknown) => void) =>
      cb(null, { origin: 'delegate.com', maxAge: 1000 })) as never,
    request: preflight,
    expect: { headers: { 'access-control-allow-origin': 'delegate.com', 'access-control-max-age': '1000' } },
    configError: DELEGATE,
  },
  {
    name: 'handles error specified via callback',
    options: ((_req: unknown, cb: (e: unknown) => void) => cb('some error')) as never,
    request: get,
    expect: { status: 500 },
    configError: DELEGATE,
  },
  // test/error-response.js: app.use(cors()), routes that fail.
  {
    name: 'error response: 500',
    options: ANY,
    request: { method: 'POST', path: '/five-hundred', headers: {} },
    expect: { status: 500, headers: { 'access-control-allow-origin': '*' } },
  },
  {
    name: 'error response: 401',
    options: ANY,
    request: { method: 'POST', path: '/four-oh-one', headers: {} },
    expect: { status: 401, headers: { 'access-control-allow-origin': '*' }, body: 'unauthorized' },
  },
  {
    name: 'error response: 404',
    options: ANY,
    request: { method: 'POST', path: '/four-oh-four', headers: {} },
    expect: { status: 404, headers: { 'access-control-allow-origin': '*' } },
  },
  // test/example-app.js: cors() per route; complexApp.options('/', cors()).
  ...(['GET', 'HEAD', 'POST', 'DELETE'] as const).map(
    (method): PortedCase => ({
      name: `example app(s): ${method} works`,
      options: ANY,
      request: { method, path: '/example', headers: {} },
      expect: { status: method === 'HEAD' ? 204 : 200, headers: { 'access-control-allow-origin': '*' } },
    }),
  ),
  {
    name: 'example app(s): complex methods: OPTIONS works',
    options: ANY,
    request: { method: 'OPTIONS', path: '/example', headers: {} },
    expect: { status: 204, headers: { 'access-control-allow-origin': '*' } },
    departs: {
      reason:
        "an OPTIONS without Origin and Access-Control-Request-Method is no preflight (Fetch standard): Corsica leaves it to the app, and Express answers it (its automatic OPTIONS answer, 200 with Allow), with the policy's Access-Control-Allow-Origin: *",
      expect: { status: 200, headers: { 'access-control-allow-origin': '*' } },
    },
  },
  // test/issue-2.js: origin: true, methods POST, credentials, maxAge 3600 on /api/login.
  {
    name: 'issue #2: OPTIONS works',
    options: { origin: true, methods: ['POST'], credentials: true, maxAge: 3600 } as never,
    request: { method: 'OPTIONS', path: '/example', headers: { origin: EXAMPLE } },
    expect: { status: 204, headers: { 'access-control-allow-origin': EXAMPLE } },
    configError:
      "origin: true with credentials: true is refused: it would let any website read the answers with the user's cookies",
  },
  {
    name: 'issue #2: POST works',
    options: { origin: true, methods: ['POST'], credentials: true, maxAge: 3600 } as never,
    request: { method: 'POST', path: '/example', headers: { origin: EXAMPLE } },
    expect: { status: 200, headers: { 'access-control-allow-origin': EXAMPLE }, body: 'LOGIN' },
    configError:
      "origin: true with credentials: true is refused: it would let any website read the answers with the user's cookies",
  },
]

/** The app of a case: the middleware, then the routes their tests use. */
function appFor(c: PortedCase) {
  const app = express()
  app.use('/c/:n/vary-foo', (_req, res, next) => {
    res.setHeader('Vary', 'Foo') // set before the middleware runs
    next()
  })
  app.use(cors(c.options))
  app.post('/c/:n/five-hundred', (_req, _res, next) => next(new Error('nope')))
  app.post('/c/:n/four-oh-one', (_req, _res, next) => next(new Error('401')))
  app.post('/c/:n/four-oh-four', (_req, _res, next) => next())
  app.head('/c/:n/example', (_req, res) => void res.status(204).send())
  app.get('/c/:n/example', (_req, res) => void res.send('Hello World (Get)'))
  app.post(
    '/c/:n/example',
    (_req, res) => void res.send(c.name.startsWith('issue') ? 'LOGIN' : 'Hello World (Post)'),
  )
  app.delete('/c/:n/example', (_req, res) => void res.send('Hello World (Delete)'))
  app.use('/c/:n/', (req, res, next) => {
    if (req.path !== '/' && req.path !== '/vary-foo') return next()
    res.setHeader('x-next', 'ran')
    res.send('next ran')
  })
  app.use((error: Error, _req: any, res: any, next: any) => {
    if (error.message === '401') res.status(401).send('unauthorized')
    else next(error)
  })
  return app
}

describe('expressjs/cors test suite, ported (Express 5, @corsica/node cors())', () => {
  let server: Running
  const apps = new Map<number, ReturnType<typeof express>>()
  const refused = new Map<number, unknown>()
  beforeAll(async () => {
    expressCorsCases.forEach((c, i) => {
      try {
        apps.set(i, appFor(c))
      } catch (error) {
        refused.set(i, error)
      }
    })
    server = await listen((req, res) => apps.get(caseIndex(req.url))!(req, res))
  })
  afterAll(() => server.close())

  it.each(expressCorsCases.map((c, i) => [c.name, c, i] as const))('%s', async (_, c, i) => {
    if (c.configError || refused.has(i)) {
      expect(refused.get(i), c.configError ? '' : String(refused.get(i))).toBeInstanceOf(CorsConfigError)
      expect(c.configError).toBeTruthy()
      return
    }
    const r = await send(`${server.base}/c/${i}${c.request.path ?? '/'}`, c.request.method, c.request.headers)
    expect(differences(c.departs?.expect ?? c.expect, r, r.headers.get('x-next') === 'ran')).toEqual([])
  })
})
