/**
 * The shared table: (options, request) → what the server must answer. Every runtime runs it.
 * Expected values come from the Fetch standard (https://fetch.spec.whatwg.org/#http-cors-protocol)
 * and from Corsica's documented choices (a preflight from a refused origin, or a malformed one, is
 * a 403 with no Access-Control-*; one from an allowed origin asking for what the policy does not
 * allow gets the policy's own lists; echo for '*' with credentials; no Vary for a public '*'
 * policy), never from what the code happens to do.
 */
import type { CorsOptions } from '@corsica/core'
import type { HandlerName } from './handlers.ts'

/** A request as a case describes it. Header pairs may repeat a name (several header lines). */
export interface CaseRequest {
  method: string
  path?: string
  headers?: Record<string, string> | [string, string][]
  /** The body of a method that has one (not GET, HEAD or OPTIONS). @default 'body' */
  body?: string
}

/** One row of the table. */
export interface Case {
  name: string
  options: CorsOptions
  request: CaseRequest
  handler?: HandlerName
  expect: {
    status: number
    /** Each header's exact value; null means it must be absent. Headers not named are not checked. */
    headers: Record<string, string | null>
    /** Whether the inner handler ran (a preflight must never reach it). */
    handlerRan: boolean
  }
}

const APP = 'https://app.test'
const ADMIN = 'https://admin.app.test'
const EVIL = 'https://evil.test'
const LIST: CorsOptions = { origin: [APP, ADMIN] }
const DEFAULT_METHODS = 'GET, HEAD, PUT, PATCH, POST, DELETE'
/**
 * Every request header a preflight answer depends on (Access-Control-Request-Private-Network
 * too: without privateNetworkAccess a preflight carrying it is refused).
 */
export const PREFLIGHT_VARY =
  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network'
// An OPTIONS request's answer depends on both: with Origin and Access-Control-Request-Method it
// is a preflight, which the policy answers; otherwise the handler does (a public policy too).
const OPTIONS_VARY = 'Origin, Access-Control-Request-Method'

// The response headers' names, short, for the tables.
export const ACAO = 'access-control-allow-origin'
export const ACAC = 'access-control-allow-credentials'
export const ACAM = 'access-control-allow-methods'
export const ACAH = 'access-control-allow-headers'
export const ACEH = 'access-control-expose-headers'
export const ACMA = 'access-control-max-age'
const ACAPN = 'access-control-allow-private-network'

/** Nothing granted: no Access-Control-* at all. */
const NOTHING = { [ACAO]: null, [ACAC]: null, [ACAM]: null, [ACAH]: null, [ACEH]: null, [ACMA]: null }

function preflight(
  origin: string,
  method: string,
  requestHeaders?: string,
  extra: Record<string, string> = {},
) {
  const headers: Record<string, string> = { origin, 'access-control-request-method': method, ...extra }
  if (requestHeaders !== undefined) headers['access-control-request-headers'] = requestHeaders
  return { method: 'OPTIONS', headers }
}

function get(origin?: string, extra: Record<string, string> = {}): CaseRequest {
  return { method: 'GET', headers: origin === undefined ? extra : { origin, ...extra } }
}

function granted(origin: string, status = 200) {
  return { status, headers: { [ACAO]: origin, vary: 'Origin' }, handlerRan: true }
}

const refusedActual = { status: 200, headers: { ...NOTHING, vary: 'Origin' }, handlerRan: true }
const refusedPreflight = { status: 403, headers: { ...NOTHING, vary: PREFLIGHT_VARY }, handlerRan: false }

/**
 * A preflight from an allowed origin that asks for a method or header the policy does not allow.
 * Fetch, CORS-preflight fetch: the browser fails it when the method or a header is missing from
 * Access-Control-Allow-Methods / -Allow-Headers, and only a response that passes the CORS check
 * (ACAO, and ACAC with credentials) lets it say which. So: the success status, the origin, the
 * policy's own lists (never what was refused), no Max-Age.
 */
function explained(origin: string, methods: string, headers: string | null = null, credentials = false) {
  return {
    status: 204,
    headers: {
      ...NOTHING,
      [ACAO]: origin,
      [ACAC]: credentials ? 'true' : null,
      [ACAM]: methods,
      [ACAH]: headers,
      vary: PREFLIGHT_VARY,
    },
    handlerRan: false,
  }
}

export const cases: Case[] = [
  // Preflight detection. Fetch: a CORS-preflight request is OPTIONS with Origin and
  // Access-Control-Request-Method; any other OPTIONS is an ordinary request for the handler.
  {
    name: 'preflight from an allowed origin is answered without the handler',
    options: LIST,
    request: preflight(APP, 'PUT'),
    expect: {
      status: 204,
      headers: { [ACAO]: APP, [ACAM]: DEFAULT_METHODS, [ACAC]: null, [ACAH]: null, vary: PREFLIGHT_VARY },
      handlerRan: false,
    },
  },
  {
    name: 'OPTIONS with Origin but no Access-Control-Request-Method goes to the handler',
    options: LIST,
    request: { method: 'OPTIONS', headers: { origin: APP } },
    expect: { status: 200, headers: { [ACAO]: APP, [ACAM]: null, vary: OPTIONS_VARY }, handlerRan: true },
  },
  {
    name: 'OPTIONS with Access-Control-Request-Method but no Origin goes to the handler',
    options: LIST,
    request: { method: 'OPTIONS', headers: { 'access-control-request-method': 'PUT' } },
    expect: { status: 200, headers: { ...NOTHING, vary: OPTIONS_VARY }, handlerRan: true },
  },
  {
    name: 'plain OPTIONS goes to the handler',
    options: LIST,
    request: { method: 'OPTIONS' },
    expect: { status: 200, headers: { ...NOTHING, vary: OPTIONS_VARY }, handlerRan: true },
  },
  {
    name: 'GET with Access-Control-Request-Method is not a preflight',
    options: LIST,
    request: get(APP, { 'access-control-request-method': 'PUT' }),
    expect: granted(APP),
  },

  // Preflight: origin.
  {
    name: 'preflight from a refused origin grants nothing',
    options: LIST,
    request: preflight(EVIL, 'PUT'),
    expect: refusedPreflight,
  },
  {
    name: 'preflight with two Origin values grants nothing',
    options: LIST,
    request: preflight(`${APP}, ${EVIL}`, 'PUT'),
    expect: refusedPreflight,
  },
  {
    name: 'preflight to a public policy answers * without Vary: Origin',
    options: { origin: '*' },
    request: preflight(EVIL, 'DELETE'),
    expect: {
      status: 204,
      headers: { [ACAO]: '*', [ACAC]: null, vary: PREFLIGHT_VARY },
      handlerRan: false,
    },
  },

  // Preflight: method. Fetch, CORS-preflight fetch: the method must be in
  // Access-Control-Allow-Methods or be CORS-safelisted; methods compare case-sensitively.
  {
    name: 'preflight for a method not in methods gets the methods of the policy, without it',
    options: { ...LIST, methods: ['GET', 'PUT'] },
    request: preflight(APP, 'DELETE'),
    expect: explained(APP, 'GET, PUT'),
  },
  {
    name: 'with credentials, the answer to a refused method passes the CORS check (ACAC) so the browser names the method',
    options: { ...LIST, methods: ['GET', 'PUT'], credentials: true },
    request: preflight(ADMIN, 'DELETE'),
    expect: explained(ADMIN, 'GET, PUT', null, true),
  },
  {
    name: 'a refused origin asking for a refused method still gets nothing',
    options: { ...LIST, methods: ['GET', 'PUT'] },
    request: preflight(EVIL, 'DELETE'),
    expect: refusedPreflight,
  },
  {
    name: "preflightRefusals: 'opaque' answers a refused method with a bare 403",
    options: { ...LIST, methods: ['GET', 'PUT'], preflightRefusals: 'opaque' },
    request: preflight(APP, 'DELETE'),
    expect: refusedPreflight,
  },
  {
    name: 'preflight for safelisted POST is granted even when methods omit it',
    options: { ...LIST, methods: ['PUT'], allowedHeaders: ['content-type'] },
    request: preflight(APP, 'POST', 'content-type'),
    expect: {
      status: 204,
      headers: { [ACAO]: APP, [ACAM]: 'PUT', [ACAH]: 'content-type' },
      handlerRan: false,
    },
  },
  {
    name: 'lower-case patch does not match PATCH (browsers do not normalize PATCH)',
    options: { ...LIST, methods: ['PATCH'] },
    request: preflight(APP, 'patch'),
    expect: explained(APP, 'PATCH'),
  },
  {
    name: 'a lower-case custom method listed as written matches',
    options: { ...LIST, methods: ['patch'] },
    request: preflight(APP, 'patch'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAM]: 'patch' }, handlerRan: false },
  },
  {
    name: "configured 'put' is normalized as fetch() normalizes it",
    options: { ...LIST, methods: ['put'] },
    request: preflight(APP, 'PUT'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAM]: 'PUT' }, handlerRan: false },
  },
  {
    name: "methods '*' without credentials answers *",
    options: { ...LIST, methods: '*' },
    request: preflight(APP, 'PROPFIND'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAM]: '*' }, handlerRan: false },
  },
  {
    name: "methods '*' with credentials echoes the method (* would be a literal name)",
    options: { ...LIST, methods: '*', credentials: true },
    request: preflight(APP, 'PROPFIND'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAC]: 'true', [ACAM]: 'PROPFIND' }, handlerRan: false },
  },
  {
    name: 'a malformed Access-Control-Request-Method is refused',
    options: LIST,
    request: preflight(APP, 'PU T'),
    expect: refusedPreflight,
  },

  // Preflight: headers. Every CORS-unsafe request-header name must be in
  // Access-Control-Allow-Headers, compared case-insensitively.
  {
    name: 'preflight for allowed headers is granted with the configured list',
    options: { ...LIST, allowedHeaders: ['Content-Type', 'X-Api-Key'] },
    request: preflight(APP, 'PUT', 'content-type,x-api-key'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAH]: 'content-type, x-api-key' }, handlerRan: false },
  },
  {
    name: 'preflight for a header not in allowedHeaders gets the headers of the policy, without it',
    options: { ...LIST, allowedHeaders: ['content-type'] },
    request: preflight(APP, 'PUT', 'content-type,x-api-key'),
    expect: explained(APP, DEFAULT_METHODS, 'content-type'),
  },
  {
    // As express cors(), hono/cors and @fastify/cors: the origin check decides which pages may
    // call; every requested name is echoed, because a literal * never covers Authorization
    // (Fetch, CORS-preflight fetch) and means nothing with credentials.
    name: 'allowedHeaders left out grants the requested headers, each name echoed (authorization included)',
    options: LIST,
    request: preflight(APP, 'POST', 'authorization,content-type'),
    expect: {
      status: 204,
      headers: { [ACAO]: APP, [ACAH]: 'authorization,content-type', vary: PREFLIGHT_VARY },
      handlerRan: false,
    },
  },
  {
    name: 'allowedHeaders left out, with credentials: the names are echoed, never *',
    options: { ...LIST, credentials: true },
    request: preflight(ADMIN, 'PUT', 'x-api-key'),
    expect: {
      status: 204,
      headers: { [ACAO]: ADMIN, [ACAC]: 'true', [ACAH]: 'x-api-key', vary: PREFLIGHT_VARY },
      handlerRan: false,
    },
  },
  {
    name: 'allowedHeaders left out still refuses a requested name that is not a token',
    options: LIST,
    request: preflight(APP, 'PUT', 'x-ok, x bad'),
    expect: refusedPreflight,
  },
  {
    name: 'allowedHeaders left out still refuses an Access-Control-Request-Headers over 1024 characters',
    options: LIST,
    request: preflight(APP, 'PUT', Array.from({ length: 300 }, (_, i) => `x-h${i}`).join(',')),
    expect: refusedPreflight,
  },
  {
    name: 'allowedHeaders: [] allows the safelisted headers only (JSON content-type needs listing)',
    options: { ...LIST, allowedHeaders: [] },
    request: preflight(APP, 'POST', 'content-type'),
    expect: explained(APP, DEFAULT_METHODS),
  },
  {
    name: 'comma-joined names in one allowedHeaders entry are split',
    options: { ...LIST, allowedHeaders: ['X-Api-Key, Content-Type'] },
    request: preflight(APP, 'PUT', 'content-type,x-api-key'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAH]: 'x-api-key, content-type' }, handlerRan: false },
  },
  {
    name: 'forbidden request-header names in allowedHeaders are dropped (a page can never send them)',
    options: { ...LIST, allowedHeaders: ['Origin', 'Content-Type', 'Cookie', 'Sec-Fetch-Mode'] },
    request: preflight(APP, 'POST', 'content-type'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAH]: 'content-type' }, handlerRan: false },
  },
  {
    name: "a public '*' policy refusing a header answers * and its lists",
    options: { origin: '*', methods: ['GET', 'PUT'], allowedHeaders: ['content-type'] },
    request: preflight(EVIL, 'PUT', 'x-api-key'),
    expect: explained('*', 'GET, PUT', 'content-type'),
  },
  {
    name: "preflightRefusals: 'opaque' answers a refused header with a bare 403",
    options: { ...LIST, allowedHeaders: ['content-type'], preflightRefusals: 'opaque' },
    request: preflight(APP, 'PUT', 'x-api-key'),
    expect: refusedPreflight,
  },
  {
    name: 'requested headers on several lines, any case, with spaces',
    options: { ...LIST, allowedHeaders: ['content-type', 'x-api-key'] },
    request: {
      method: 'OPTIONS',
      headers: [
        ['origin', APP],
        ['access-control-request-method', 'PUT'],
        ['access-control-request-headers', ' X-Api-Key '],
        ['access-control-request-headers', 'Content-Type\t'],
      ],
    },
    expect: { status: 204, headers: { [ACAO]: APP, [ACAH]: 'content-type, x-api-key' }, handlerRan: false },
  },
  {
    name: 'empty list elements in Access-Control-Request-Headers are ignored',
    options: { ...LIST, allowedHeaders: ['content-type'] },
    request: preflight(APP, 'PUT', ',, content-type ,,'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAH]: 'content-type' }, handlerRan: false },
  },
  {
    name: 'a requested header name that is not a token is refused',
    options: { ...LIST, allowedHeaders: '*' },
    request: preflight(APP, 'PUT', 'x-ok, x bad'),
    expect: refusedPreflight,
  },
  {
    name: '16 KB of commas is refused unread',
    options: { ...LIST, allowedHeaders: '*' },
    request: preflight(APP, 'PUT', ', '.repeat(8192)),
    expect: refusedPreflight,
  },
  {
    name: '1000 distinct requested header names are refused',
    options: { ...LIST, allowedHeaders: '*' },
    request: preflight(APP, 'PUT', Array.from({ length: 1000 }, (_, i) => `x-h${i}`).join(',')),
    expect: refusedPreflight,
  },
  {
    name: "allowedHeaders '*' echoes the requested names, authorization included",
    options: { ...LIST, allowedHeaders: '*' },
    request: preflight(APP, 'PUT', 'authorization,x-api-key'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAH]: 'authorization,x-api-key' }, handlerRan: false },
  },
  {
    name: "allowedHeaders '*' with credentials echoes the requested names",
    options: { ...LIST, allowedHeaders: '*', credentials: true },
    request: preflight(APP, 'PUT', 'X-Trace'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAC]: 'true', [ACAH]: 'x-trace' }, handlerRan: false },
  },

  // Preflight: credentials, max age, private network, status.
  {
    name: 'credentials: a granted preflight says Access-Control-Allow-Credentials: true',
    options: { ...LIST, credentials: true },
    request: preflight(ADMIN, 'DELETE'),
    expect: { status: 204, headers: { [ACAO]: ADMIN, [ACAC]: 'true' }, handlerRan: false },
  },
  {
    name: 'maxAge is sent as Access-Control-Max-Age',
    options: { ...LIST, maxAge: 600 },
    request: preflight(APP, 'PUT'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACMA]: '600' }, handlerRan: false },
  },
  {
    name: 'maxAge 0 is sent (it disables the preflight cache)',
    options: { ...LIST, maxAge: 0 },
    request: preflight(APP, 'PUT'),
    expect: { status: 204, headers: { [ACMA]: '0' }, handlerRan: false },
  },
  {
    name: 'private network access preflight is granted when enabled',
    options: { ...LIST, privateNetworkAccess: true },
    request: preflight(APP, 'GET', undefined, { 'access-control-request-private-network': 'true' }),
    expect: {
      status: 204,
      headers: {
        [ACAO]: APP,
        [ACAPN]: 'true',
        vary: PREFLIGHT_VARY,
      },
      handlerRan: false,
    },
  },
  {
    name: 'private network access preflight is refused when not enabled: lists, no Allow-Private-Network',
    options: LIST,
    request: preflight(APP, 'GET', undefined, { 'access-control-request-private-network': 'true' }),
    expect: (() => {
      const e = explained(APP, DEFAULT_METHODS)
      return { ...e, headers: { ...e.headers, [ACAPN]: null } }
    })(),
  },
  {
    name: 'optionsSuccessStatus sets the status of a granted preflight',
    options: { ...LIST, optionsSuccessStatus: 200 },
    request: preflight(APP, 'PUT'),
    expect: { status: 200, headers: { [ACAO]: APP }, handlerRan: false },
  },

  // Actual requests. Fetch, CORS check: ACAO must be the request's origin (or * without
  // credentials), and ACAC true for credentialed requests.
  { name: 'GET from an allowed origin', options: LIST, request: get(APP), expect: granted(APP) },
  {
    name: 'GET from an allowed origin with credentials and exposed headers',
    options: { ...LIST, credentials: true, exposedHeaders: ['X-Request-Id', 'content-type'] },
    request: get(ADMIN),
    expect: {
      status: 200,
      headers: { [ACAO]: ADMIN, [ACAC]: 'true', [ACEH]: 'x-request-id', vary: 'Origin' },
      handlerRan: true,
    },
  },
  {
    name: 'Set-Cookie in exposedHeaders is dropped, comma-joined names are split',
    options: { ...LIST, exposedHeaders: ['Set-Cookie', 'X-Total-Count, Content-Range'] },
    request: get(APP),
    expect: {
      status: 200,
      headers: { [ACAO]: APP, [ACEH]: 'x-total-count, content-range' },
      handlerRan: true,
    },
  },
  {
    name: "origin: true without credentials grants what '*' grants",
    options: { origin: true },
    request: preflight(EVIL, 'PUT', 'authorization'),
    expect: {
      status: 204,
      headers: { [ACAO]: '*', [ACAC]: null, [ACAH]: 'authorization', vary: PREFLIGHT_VARY },
      handlerRan: false,
    },
  },
  {
    name: "exposedHeaders '*' without credentials",
    options: { ...LIST, exposedHeaders: '*' },
    request: get(APP),
    expect: { status: 200, headers: { [ACAO]: APP, [ACEH]: '*' }, handlerRan: true },
  },
  {
    name: 'POST from a refused origin: the handler runs, nothing is granted',
    options: { ...LIST, credentials: true, exposedHeaders: ['x-request-id'] },
    request: { method: 'POST', headers: { origin: EVIL, 'content-type': 'text/plain' } },
    expect: refusedActual,
  },
  {
    name: 'no Origin: not a CORS request, but Vary: Origin',
    options: LIST,
    request: get(),
    expect: refusedActual,
  },
  {
    name: 'two Origin values: nothing granted',
    options: LIST,
    request: {
      method: 'GET',
      headers: [
        ['origin', APP],
        ['origin', ADMIN],
      ],
    },
    expect: refusedActual,
  },
  {
    name: 'a garbage Origin: nothing granted',
    options: LIST,
    request: get('not an origin'),
    expect: refusedActual,
  },
  {
    name: 'Origin with a path is not an origin',
    options: LIST,
    request: get(`${APP}/`),
    expect: refusedActual,
  },
  {
    name: 'null origin is refused unless listed',
    options: LIST,
    request: get('null'),
    expect: refusedActual,
  },
  {
    name: 'null origin is granted when listed',
    options: { origin: ['null'] },
    request: get('null'),
    expect: granted('null'),
  },
  {
    name: 'a pattern or RegExp is never asked about the literal null',
    options: { origin: ['https://*.app.test', /^(?:null|https:\/\/a\.app\.test)$/] },
    request: get('null'),
    expect: refusedActual,
  },
  {
    name: 'public policy: * on every response, no Vary',
    options: { origin: '*', exposedHeaders: ['x-request-id'] },
    request: get(EVIL),
    expect: {
      status: 200,
      headers: { [ACAO]: '*', [ACAC]: null, [ACEH]: 'x-request-id', vary: null },
      handlerRan: true,
    },
  },
  {
    name: 'public policy without Origin: still *, the answer does not depend on Origin',
    options: { origin: '*' },
    request: get(),
    expect: { status: 200, headers: { [ACAO]: '*', vary: null }, handlerRan: true },
  },

  // Origin matching: exact, patterns, RegExps, functions.
  {
    name: 'configured origins are normalized as browsers serialize them',
    options: { origin: ['HTTPS://App.Test:443'] },
    request: get(APP),
    expect: granted(APP),
  },
  {
    name: 'an internationalized domain matches its punycode serialization',
    options: { origin: ['https://bücher.test'] },
    request: get('https://xn--bcher-kva.test'),
    expect: granted('https://xn--bcher-kva.test'),
  },
  {
    name: 'exact origins compare byte for byte (a browser never sends upper case)',
    options: LIST,
    request: get('https://APP.test'),
    expect: refusedActual,
  },
  {
    name: 'a different port is a different origin',
    options: LIST,
    request: get('https://app.test:8443'),
    expect: refusedActual,
  },
  {
    name: 'a different scheme is a different origin',
    options: LIST,
    request: get('http://app.test'),
    expect: refusedActual,
  },
  {
    name: 'subdomain pattern matches one label',
    options: { origin: ['https://*.my-app.test'] },
    request: get('https://eu.my-app.test'),
    expect: granted('https://eu.my-app.test'),
  },
  {
    name: 'subdomain pattern matches several labels',
    options: { origin: ['https://*.my-app.test'] },
    request: get('https://a.b.my-app.test'),
    expect: granted('https://a.b.my-app.test'),
  },
  {
    name: 'subdomain pattern never matches the apex',
    options: { origin: ['https://*.my-app.test'] },
    request: get('https://my-app.test'),
    expect: refusedActual,
  },
  {
    name: 'subdomain pattern never matches a look-alike domain',
    options: { origin: ['https://*.my-app.test'] },
    request: get('https://evilmy-app.test'),
    expect: refusedActual,
  },
  {
    name: 'subdomain pattern never matches a suffix attack',
    options: { origin: ['https://*.my-app.test'] },
    request: get('https://a.my-app.test.evil.test'),
    expect: refusedActual,
  },
  {
    name: 'subdomain pattern keeps its scheme',
    options: { origin: ['https://*.my-app.test'] },
    request: get('http://a.my-app.test'),
    expect: refusedActual,
  },
  {
    name: 'subdomain pattern without a port matches only the default port',
    options: { origin: ['https://*.my-app.test'] },
    request: get('https://a.my-app.test:8443'),
    expect: refusedActual,
  },
  {
    name: 'port wildcard matches any port',
    options: { origin: ['http://localhost:*'] },
    request: get('http://localhost:5173'),
    expect: granted('http://localhost:5173'),
  },
  {
    name: 'port wildcard matches the default port',
    options: { origin: ['http://localhost:*'] },
    request: get('http://localhost'),
    expect: granted('http://localhost'),
  },
  {
    name: 'port wildcard keeps the host',
    options: { origin: ['http://localhost:*'] },
    request: get('http://localhost.evil.test:5173'),
    expect: refusedActual,
  },
  {
    name: 'an anchored RegExp matches',
    options: { origin: [/^https:\/\/(www\.)?example\.test$/] },
    request: get('https://www.example.test'),
    expect: granted('https://www.example.test'),
  },
  {
    name: 'a global RegExp answers the same every time',
    options: { origin: [/^https:\/\/app\.test$/g] },
    request: get(APP),
    expect: granted(APP),
  },
  {
    name: 'an origin function that returns true grants',
    options: { origin: (origin) => origin.endsWith('.partner.test') },
    request: get('https://shop.partner.test'),
    expect: granted('https://shop.partner.test'),
  },
  {
    name: 'an async origin function that resolves false refuses',
    options: { origin: async () => false },
    request: get(APP),
    expect: refusedActual,
  },
  {
    name: 'an origin function that throws refuses, without throwing',
    options: {
      origin: () => {
        throw new Error('database down')
      },
    },
    request: get(APP),
    expect: refusedActual,
  },
  {
    name: 'only true grants: a truthy string is not true',
    options: { origin: (() => 'yes') as unknown as () => boolean },
    request: get(APP),
    expect: refusedActual,
  },
  {
    name: 'an async origin function answers a preflight',
    options: { origin: async (origin) => origin === APP, methods: ['PUT'] },
    request: preflight(APP, 'PUT'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAM]: 'PUT' }, handlerRan: false },
  },

  // The handler's response: kept, with CORS headers merged in.
  {
    name: "the handler's Vary is kept and Origin added",
    options: LIST,
    handler: 'vary',
    request: get(APP),
    expect: { status: 200, headers: { [ACAO]: APP, vary: 'Accept-Encoding, Origin' }, handlerRan: true },
  },
  {
    name: 'Vary: origin from the handler is not duplicated',
    options: LIST,
    handler: 'vary-origin',
    request: get(APP),
    expect: { status: 200, headers: { [ACAO]: APP, vary: 'origin' }, handlerRan: true },
  },
  {
    name: 'Vary: * from the handler stays *',
    options: LIST,
    handler: 'vary-star',
    request: get(EVIL),
    expect: { status: 200, headers: { [ACAO]: null, vary: '*' }, handlerRan: true },
  },
  {
    name: 'Vary is never taken from the request',
    options: LIST,
    request: get(APP, { vary: 'Cookie' }),
    expect: granted(APP),
  },
  {
    name: "the handler's own CORS headers are removed for a refused origin",
    options: LIST,
    handler: 'sets-cors',
    request: get(EVIL),
    expect: refusedActual,
  },
  {
    name: "the handler's own CORS headers are replaced for an allowed origin",
    options: LIST,
    handler: 'sets-cors',
    request: get(APP),
    expect: {
      status: 200,
      headers: { [ACAO]: APP, [ACAC]: null, [ACEH]: null, vary: 'Origin' },
      handlerRan: true,
    },
  },
  {
    name: 'an immutable redirect response gets its headers through a copy',
    options: { ...LIST, credentials: true },
    handler: 'redirect',
    request: get(APP),
    expect: {
      status: 302,
      headers: { [ACAO]: APP, [ACAC]: 'true', location: 'https://elsewhere.test/next' },
      handlerRan: true,
    },
  },
  {
    name: "the handler's status is kept",
    options: LIST,
    handler: 'created',
    request: { method: 'POST', headers: { origin: APP, 'content-type': 'text/plain' } },
    expect: granted(APP, 201),
  },
]
