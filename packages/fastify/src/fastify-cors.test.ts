/**
 * The test suite of @fastify/cors 11.4 (github.com/fastify/fastify-cors: test/cors.test.js,
 * test/preflight.test.js, test/hooks.test.js), translated into Corsica's terms and run over HTTP
 * with @corsica/fastify registered at the root of a Fastify 5 app (or where their test registers
 * it: a child context with a prefix).
 *
 * Translation: `@fastify/cors`'s defaults (`origin: '*'`, `methods: 'GET,HEAD,POST'`, request
 * headers echoed) are written as Corsica's options; an origin callback `(origin, cb)` becomes a
 * function returning the boolean (or a promise); per-route `config.cors` becomes registering the
 * plugin in the context of the routes that need it. Requests and expected values are theirs
 * (their Origin `example.com` included, which is no origin); lists compare as lists.
 * test/vary.test.js is not ported: it unit-tests @fastify/cors's own Vary helper; Corsica's Vary
 * merging is the core's, covered by the shared table's Vary cases.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CorsConfigError, type CorsOptions } from '@corsica/core'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseIndex, listen, type Running, send } from '../../node/test/http.ts'
import { differences, type PortedCase } from '../../node/test/ported.ts'
import { fastifyApp } from '../test/app.ts'
import corsica from './index.ts'

/** A ported case, and where their test registers the plugin and which routes it adds. */
type FastifyCase = PortedCase & { setup?: 'prefix' | 'scoped-routes' | 'options-route' | 'stream' }

const ANY: CorsOptions = { origin: '*', methods: ['GET', 'HEAD', 'POST'], allowedHeaders: '*' }
const preflight = (path = '/', origin = 'example.com') => ({
  method: 'OPTIONS',
  path,
  headers: { 'access-control-request-method': 'GET', origin },
})
const get = (path = '/', headers: Record<string, string> = {}) => ({ method: 'GET', path, headers })
const PREFLIGHT_VARY =
  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network'
const VARY =
  "a preflight's answer depends on Origin, Access-Control-Request-Method, -Headers and -Private-Network (with Origin and -Method it is a preflight, answered by the policy; without, the app answers), so Corsica's Vary lists all four, not Access-Control-Request-Headers alone"
const NO_LENGTH = 'a 204 carries no Content-Length (RFC 9110 §8.6), so Node sends none'
const NOT_AN_ORIGIN = (o: string) =>
  `'${o}' is no origin (scheme://host[:port]) and can never equal a browser's Origin header: Corsica refuses it at start-up`
const DELEGATE =
  'options are an object compiled once at registration; a function computing them per request is refused. Per-request choices are an origin function, or the plugin registered per context'
const UNKNOWN = (name: string, instead: string) =>
  `there is no ${name} option (CorsConfigError names it): ${instead}`
const HOOK = UNKNOWN(
  'hook',
  'the plugin always answers preflights in onRequest (before body parsing, validation and auth hooks) and adds headers in onSend, where error replies and 404s pass too',
)
const THROWS =
  'an origin function that throws, rejects or returns anything but true refuses the origin (and reports it) instead of failing the request: the app still answers, granting nothing'
const MALFORMED =
  'the Origin header `example.com` has no scheme, so it is no origin (a browser never sends it): Corsica refuses it, and reports why, before any origin function runs'
const granted204 = (extra: Record<string, string | null> = {}) => ({
  status: 204,
  headers: { 'access-control-allow-origin': '*', vary: PREFLIGHT_VARY, 'content-length': null, ...extra },
  lists: { 'access-control-allow-methods': 'GET,HEAD,POST' },
})
const theirs204 = (extra: Record<string, string> = {}) => ({
  status: 204,
  headers: {
    'access-control-allow-origin': '*',
    vary: 'Access-Control-Request-Headers',
    'content-length': '0',
    ...extra,
  },
  lists: { 'access-control-allow-methods': 'GET,HEAD,POST' },
})

export const fastifyCorsCases: FastifyCase[] = [
  // test/cors.test.js
  {
    name: 'Should add cors headers',
    options: ANY,
    request: get(),
    expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': '*' } },
  },
  {
    name: 'Should add cors headers when payload is a stream',
    options: ANY,
    setup: 'stream',
    request: get('/stream'),
    expect: {
      status: 200,
      headers: {
        'access-control-allow-origin': '*',
        'content-length': String(statSync(fileURLToPath(import.meta.url)).size),
      },
      body: readFileSync(fileURLToPath(import.meta.url), 'utf8'),
    },
  },
  {
    name: 'Should add cors headers (custom values)',
    options: { origin: 'example.com' },
    request: preflight(),
    expect: {},
    configError: NOT_AN_ORIGIN('example.com'),
  },
  {
    name: 'Should support dynamic config (callback)',
    options: (() => ({})) as never,
    request: get(),
    expect: {},
    configError: DELEGATE,
  },
  {
    name: 'Should support dynamic config (Promise)',
    options: (() => ({})) as never,
    request: get(),
    expect: {},
    configError: DELEGATE,
  },
  {
    name: 'Should support dynamic config. (Invalid function)',
    options: (() => () => {}) as never,
    request: get(),
    expect: {},
    configError: DELEGATE,
  },
  {
    name: 'Dynamic origin resolution (valid origin)',
    options: { origin: (origin: string) => origin === 'example.com' },
    request: get('/', { origin: 'example.com' }),
    expect: {
      status: 200,
      body: 'ok',
      headers: { 'access-control-allow-origin': 'example.com', vary: 'Origin' },
    },
    departs: {
      reason: MALFORMED,
      expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': null, vary: 'Origin' } },
    },
  },
  {
    name: 'Dynamic origin resolution (not valid origin)',
    options: { origin: () => false },
    request: get('/', { origin: 'example.com' }),
    expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': null, vary: 'Origin' } },
  },
  {
    name: 'Dynamic origin resolution (errored)',
    options: {
      origin: () => {
        throw new Error('ouch')
      },
    },
    request: get('/', { origin: 'example.com' }),
    expect: { status: 500 },
    departs: {
      reason: THROWS,
      expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': null } },
    },
  },
  {
    name: 'Dynamic origin resolution (invalid result)',
    options: { origin: (() => undefined) as never },
    request: get('/', { origin: 'example.com' }),
    expect: { status: 500 },
    departs: {
      reason: THROWS,
      expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': null } },
    },
  },
  {
    name: 'Dynamic origin resolution (valid origin - promises)',
    options: { origin: async (origin: string) => origin === 'example.com' },
    request: get('/', { origin: 'example.com' }),
    expect: {
      status: 200,
      body: 'ok',
      headers: { 'access-control-allow-origin': 'example.com', vary: 'Origin' },
    },
    departs: {
      reason: MALFORMED,
      expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': null, vary: 'Origin' } },
    },
  },
  {
    name: 'Dynamic origin resolution (not valid origin - promises)',
    options: { origin: async () => false },
    request: get('/', { origin: 'example.com' }),
    expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': null, vary: 'Origin' } },
  },
  {
    name: 'Dynamic origin resolution (errored - promises)',
    options: { origin: () => Promise.reject(new Error('ouch')) },
    request: get('/', { origin: 'example.com' }),
    expect: { status: 500 },
    departs: {
      reason: THROWS,
      expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': null } },
    },
  },
  {
    name: 'Should reply 404 without cors headers when origin is false',
    options: { origin: false } as never,
    request: { method: 'OPTIONS', path: '/', headers: {} },
    expect: {},
    configError: UNKNOWN(
      'origin: false',
      'to serve a route without CORS, register the plugin in a context that does not hold it',
    ),
  },
  {
    name: 'Server error if origin option is falsy but not false',
    options: { origin: '' },
    request: get('/', { origin: 'example.com' }),
    expect: {},
    configError: "origin: '' is refused at start-up, where @fastify/cors answers every request 500",
  },
  {
    name: 'Allow only request from a specific origin',
    options: { origin: 'other.io' },
    request: get('/', { origin: 'example.com' }),
    expect: {},
    configError: NOT_AN_ORIGIN('other.io'),
  },
  {
    name: 'Allow only request from multiple specific origin',
    options: { origin: ['other.io', 'example.com'] },
    request: get('/', { origin: 'other.io' }),
    expect: {},
    configError: NOT_AN_ORIGIN('other.io'),
  },
  {
    name: 'Allow only request from a specific origin using regex',
    options: { origin: /(?:example|other)\.com\/?$/giu },
    request: get('/', { origin: 'https://www.example.com/' }),
    expect: {},
    configError:
      'the RegExp is not anchored with ^ (it also matches https://example.com.evil.test/… and https://notexample.com), and the origin it is meant for ends with a / that no Origin header has: refused at start-up',
  },
  {
    name: 'Disable preflight',
    options: { ...ANY, preflight: false } as never,
    request: { method: 'OPTIONS', path: '/hello', headers: {} },
    expect: {},
    configError: UNKNOWN('preflight', 'preflightContinue: true hands preflights to the routes'),
  },
  {
    name: 'Should always add vary header to `Origin` for reflected origin',
    options: { origin: true } as never,
    request: preflight(),
    expect: { status: 204, headers: { vary: 'Origin, Access-Control-Request-Headers' } },
    departs: {
      reason: `origin: true without credentials is read as '*' (every origin gets the same answer); ${VARY}. Their first request, an OPTIONS without Origin, is the strictPreflight case below`,
      expect: { status: 204, headers: { 'access-control-allow-origin': '*', vary: PREFLIGHT_VARY } },
    },
  },
  {
    name: 'Should always add vary header to `Origin` for reflected origin (vary is array)',
    options: { origin: true } as never,
    request: get(),
    expect: { status: 200, body: 'ok', headers: { vary: 'foo, bar, Origin' } },
    departs: {
      reason:
        "origin: true without credentials is read as '*', whose answer is the same for every origin: no Vary: Origin (their test also mocks reply.getHeader to return an array; a route's Vary is merged, plugin.test.ts)",
      expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': '*', vary: null } },
    },
  },
  {
    name: 'Allow only request from with specific headers',
    options: { ...ANY, allowedHeaders: 'foo', exposedHeaders: 'bar' } as never,
    request: preflight(),
    expect: {},
    configError: "a string where a list is expected is refused at start-up, with the list to write (['foo'])",
  },
  {
    name: 'Should support wildcard config /1',
    options: { origin: '*' },
    request: get(),
    expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': '*' } },
  },
  {
    name: 'Should support wildcard config /2',
    options: { origin: ['*'] },
    request: get(),
    expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': '*' } },
    configError:
      "'*' inside a list is refused at start-up, with origin: '*' as the fix: in a list it reads as if some origins were meant",
  },
  {
    name: 'Should allow routes to disable CORS individually (enabled route)',
    options: { origin: '*' },
    setup: 'scoped-routes',
    request: get('/cors-enabled', { origin: 'example.com' }),
    expect: { status: 200, headers: { 'access-control-allow-origin': '*' } },
  },
  {
    name: 'Should allow routes to disable CORS individually (disabled route)',
    options: { origin: '*' },
    setup: 'scoped-routes',
    request: get('/cors-disabled', { origin: 'example.com' }),
    expect: { status: 200, headers: { 'access-control-allow-origin': null } },
  },
  ...(
    [
      ['default', '/cors-enabled', 'https://default-example.com', 'https://default-example.com'],
      ['custom', '/cors-allow-all', 'https://example.com', '*'],
      ['disabled', '/cors-disabled', 'https://example.com', null],
    ] as const
  ).map(
    ([which, path, origin, granted]): FastifyCase => ({
      name: `Should support route-level config (${which})`,
      options: { origin: ['https://default-example.com'] },
      setup: 'scoped-routes',
      request: get(path, { origin }),
      expect: { status: 200, headers: { 'access-control-allow-origin': granted } },
    }),
  ),
  // test/preflight.test.js
  {
    name: 'Should reply to preflight requests',
    options: ANY,
    request: preflight(),
    expect: theirs204(),
    departs: { reason: `${VARY}; ${NO_LENGTH}`, expect: granted204() },
  },
  {
    name: 'Should add access-control-allow-headers to response if preflight req has access-control-request-headers',
    options: ANY,
    request: {
      ...preflight(),
      headers: { ...preflight().headers, 'access-control-request-headers': 'x-requested-with' },
    },
    expect: theirs204({ 'access-control-allow-headers': 'x-requested-with' }),
    departs: {
      reason: `${VARY}; ${NO_LENGTH}`,
      expect: granted204({ 'access-control-allow-headers': 'x-requested-with' }),
    },
  },
  {
    name: 'Should reply to preflight requests with custom status code',
    options: { ...ANY, optionsSuccessStatus: 200 },
    request: preflight(),
    expect: { ...theirs204(), status: 200 },
    departs: { reason: VARY, expect: { ...granted204({ 'content-length': '0' }), status: 200 } },
  },
  {
    name: 'Should be able to override preflight response with a route',
    options: { ...ANY, preflightContinue: true },
    setup: 'options-route',
    request: preflight(),
    expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': '*' } },
  },
  {
    name: 'Should reply to all options requests',
    options: ANY,
    request: preflight('/hello'),
    expect: theirs204(),
    departs: { reason: `${VARY}; ${NO_LENGTH}`, expect: granted204() },
  },
  {
    name: 'Should support a prefix for preflight requests (outside the prefix)',
    options: ANY,
    setup: 'prefix',
    request: { method: 'OPTIONS', path: '/hello', headers: {} },
    expect: { status: 404 },
  },
  {
    name: 'Should support a prefix for preflight requests (under the prefix)',
    options: ANY,
    setup: 'prefix',
    request: preflight('/subsystem/hello'),
    expect: theirs204(),
    departs: { reason: `${VARY}; ${NO_LENGTH}`, expect: granted204() },
  },
  {
    name: 'hide options route by default',
    options: { ...ANY, hideOptionsRoute: true } as never,
    request: preflight(),
    expect: {},
    configError: UNKNOWN(
      'hideOptionsRoute',
      'at the root no OPTIONS route is registered at all (plugin.test.ts checks it); in a child context the one it registers is hidden',
    ),
  },
  {
    name: 'show options route',
    options: { ...ANY, hideOptionsRoute: false } as never,
    request: preflight(),
    expect: {},
    configError: UNKNOWN('hideOptionsRoute', 'see above'),
  },
  {
    name: 'Allow only request from with specific methods',
    options: { ...ANY, methods: ['GET', 'POST'] },
    request: preflight(),
    expect: { status: 204, headers: { 'access-control-allow-methods': 'GET, POST' } },
  },
  {
    name: 'Should reply with 400 error to OPTIONS requests missing origin header when default strictPreflight',
    options: ANY,
    request: { method: 'OPTIONS', path: '/', headers: { 'access-control-request-method': 'GET' } },
    expect: { status: 400, body: 'Invalid Preflight Request' },
    departs: {
      reason:
        'an OPTIONS without Origin is no CORS-preflight request (Fetch standard): Corsica leaves it to the app, here without an OPTIONS route, so Fastify answers 404 (with the public policy’s Access-Control-Allow-Origin: *)',
      expect: { status: 404, headers: { 'access-control-allow-origin': '*' } },
    },
  },
  {
    name: 'Should reply with 400 to OPTIONS requests when missing Access-Control-Request-Method header when default strictPreflight',
    options: { ...ANY, strictPreflight: true } as never,
    request: { method: 'OPTIONS', path: '/', headers: { origin: 'example.com' } },
    expect: {},
    configError: UNKNOWN(
      'strictPreflight',
      'an OPTIONS without Origin and Access-Control-Request-Method is no preflight, and goes to the app',
    ),
  },
  {
    name: 'Should reply to all preflight requests when strictPreflight is disabled',
    options: { ...ANY, strictPreflight: false } as never,
    request: { method: 'OPTIONS', path: '/', headers: {} },
    expect: {},
    configError: UNKNOWN(
      'strictPreflight',
      'treating every OPTIONS as a preflight would answer requests that are not CORS for the app',
    ),
  },
  {
    name: 'Default empty 200 response with preflightContinue on OPTIONS routes',
    options: { ...ANY, preflightContinue: true },
    request: preflight('/doesnotexist'),
    expect: {
      status: 200,
      body: '',
      headers: { 'access-control-allow-origin': '*', vary: 'Access-Control-Request-Headers' },
      lists: { 'access-control-allow-methods': 'GET,HEAD,POST' },
    },
    departs: {
      reason:
        'with preflightContinue the routes answer preflights, and Corsica registers no OPTIONS route of its own: without one Fastify answers 404, carrying the granted preflight’s headers',
      expect: {
        status: 404,
        headers: { 'access-control-allow-origin': '*', vary: PREFLIGHT_VARY },
        lists: { 'access-control-allow-methods': 'GET,HEAD,POST' },
      },
    },
  },
  {
    name: 'Can override preflight response with preflightContinue',
    options: { ...ANY, preflightContinue: true },
    setup: 'options-route',
    request: preflight(),
    expect: {
      status: 200,
      body: 'ok',
      headers: { 'access-control-allow-origin': '*', vary: 'Access-Control-Request-Headers' },
      lists: { 'access-control-allow-methods': 'GET,HEAD,POST' },
    },
    departs: {
      reason: VARY,
      expect: {
        status: 200,
        body: 'ok',
        headers: { 'access-control-allow-origin': '*', vary: PREFLIGHT_VARY },
        lists: { 'access-control-allow-methods': 'GET,HEAD,POST' },
      },
    },
  },
  ...['/prefix', '/prefixfoo', '/prefix/foo'].map(
    (path): FastifyCase => ({
      name: `Should support ongoing prefix (${path})`,
      options: ANY,
      setup: 'prefix',
      request: preflight(path),
      expect: theirs204(),
      departs: { reason: `${VARY}; ${NO_LENGTH}`, expect: granted204() },
    }),
  ),
  {
    name: 'Silences preflight logs when logLevel is "silent"',
    options: { ...ANY, logLevel: 'silent' } as never,
    request: preflight(),
    expect: {},
    configError: UNKNOWN(
      'logLevel',
      'preflights are answered from onRequest, and Fastify logs them as it logs every request (set the log level on the app or on a context)',
    ),
  },
  {
    name: 'delegator + logLevel:"silent" → OPTIONS logs are suppressed',
    options: { delegator: () => ({}) } as never,
    request: preflight(),
    expect: {},
    configError: DELEGATE,
  },
  {
    name: 'delegator + hideOptionsRoute:false → OPTIONS route is visible',
    options: { delegator: () => ({}) } as never,
    request: preflight(),
    expect: {},
    configError: DELEGATE,
  },
  // test/hooks.test.js: the `hook` option places the handler in another Fastify hook.
  {
    name: 'Should error on invalid hook option',
    options: { hook: 'invalid' } as never,
    request: get(),
    expect: {},
    configError: HOOK,
  },
  ...[
    'not set',
    'onRequest',
    'preParsing',
    'preValidation',
    'preParsing (again)',
    'preHandler',
    'onSend',
    'preSerialization',
  ].map(
    (hook): FastifyCase =>
      hook === 'not set'
        ? {
            name: 'Should set hook onRequest if hook option is not set',
            options: ANY,
            request: get(),
            expect: { status: 200, body: 'ok', headers: { 'access-control-allow-origin': '*' } },
          }
        : {
            name: `Should set hook ${hook.replace(' (again)', '')} if hook option is set to ${hook}`,
            options: { ...ANY, hook } as never,
            request: get(),
            expect: {},
            configError: HOOK,
          },
  ),
  ...[
    '',
    ' (callback)',
    ' (Promise)',
    ' (Promise), but should error /1',
    ' (Promise), but should error /2',
  ].map(
    (suffix): FastifyCase => ({
      name: `Should support custom hook with dynamic config${suffix}`,
      options: { hook: 'preHandler', delegator: () => ({}) } as never,
      request: get(),
      expect: {},
      configError: `${HOOK}; ${DELEGATE}`,
    }),
  ),
]

/** The app of a case, registered as their test does. */
async function appFor(c: FastifyCase) {
  const { app, listener } = fastifyApp()
  const ok = async () => 'ok'
  if (c.setup === 'prefix') {
    await app.register(
      async (child: FastifyInstance) => {
        await child.register(corsica, c.options)
      },
      { prefix: c.name.includes('ongoing') ? '/prefix' : '/subsystem' },
    )
  } else if (c.setup === 'scoped-routes') {
    // Their per-route config: the plugin in the context of the routes that get CORS, a route
    // with other options in a context of its own, a route without CORS outside both.
    await app.register(async (child: FastifyInstance) => {
      await child.register(corsica, c.options)
      child.get('/cors-enabled', ok)
    })
    await app.register(async (child: FastifyInstance) => {
      await child.register(corsica, { origin: '*' })
      child.get('/cors-allow-all', ok)
    })
    app.get('/cors-disabled', ok)
  } else {
    await app.register(corsica, c.options)
    app.get('/', ok)
    if (c.setup === 'options-route') app.options('/', ok)
    if (c.setup === 'stream')
      app.get('/stream', (_request, reply) => {
        const path = fileURLToPath(import.meta.url)
        reply
          .type('application/json')
          .header('content-length', statSync(path).size)
          .send(createReadStream(path))
      })
  }
  return listener()
}

describe('@fastify/cors test suite, ported (Fastify 5, @corsica/fastify)', () => {
  let server: Running
  const listeners = new Map<number, (req: any, res: any) => void>()
  const refused = new Map<number, unknown>()
  beforeAll(async () => {
    for (const [i, c] of fastifyCorsCases.entries()) {
      try {
        listeners.set(i, await appFor(c))
      } catch (error) {
        refused.set(i, error)
      }
    }
    server = await listen((req, res) => {
      // Each case's app sees the path of their test: /c/<n> is taken off.
      const i = caseIndex(req.url)
      req.url = req.url!.replace(/^\/c\/\d+/, '') || '/'
      listeners.get(i)!(req, res)
    })
  })
  afterAll(() => server.close())

  it.each(fastifyCorsCases.map((c, i) => [c.name, c, i] as const))('%s', async (_, c, i) => {
    if (c.configError || refused.has(i)) {
      expect(refused.get(i), c.configError ? '' : String(refused.get(i))).toBeInstanceOf(CorsConfigError)
      expect(c.configError).toBeTruthy()
      return
    }
    const r = await send(`${server.base}/c/${i}${c.request.path ?? '/'}`, c.request.method, c.request.headers)
    expect(differences(c.departs?.expect ?? c.expect, r, false)).toEqual([])
  })
})
