/**
 * `preflightContinue: true` (express `cors()`'s option): the handler sees every preflight and
 * answers it; a granted preflight's CORS headers go on that answer, a refused one's answer is
 * granted nothing. The same checks as the shared table (checkOutcome), run by every adapter.
 */
import type { Case } from './cases.ts'

const APP = 'https://app.test'
const EVIL = 'https://evil.test'
// A preflight's answer depends on all four (Access-Control-Request-Private-Network included).
const PREFLIGHT_VARY =
  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network'
const NOTHING = {
  'access-control-allow-origin': null,
  'access-control-allow-credentials': null,
  'access-control-allow-methods': null,
  'access-control-allow-headers': null,
  'access-control-max-age': null,
}

function preflight(origin: string, method: string, requestHeaders?: string) {
  const headers: Record<string, string> = { origin, 'access-control-request-method': method }
  if (requestHeaders !== undefined) headers['access-control-request-headers'] = requestHeaders
  return { method: 'OPTIONS', headers }
}

export const continueCases: Case[] = [
  {
    name: 'preflightContinue: a granted preflight reaches the handler, its answer gets the grant',
    options: { origin: [APP], preflightContinue: true },
    request: preflight(APP, 'PUT'),
    expect: {
      status: 200,
      headers: {
        'access-control-allow-origin': APP,
        'access-control-allow-methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
        'access-control-allow-headers': null,
        vary: PREFLIGHT_VARY,
      },
      handlerRan: true,
    },
  },
  {
    name: "preflightContinue: credentials, headers and max-age go on the handler's answer",
    options: {
      origin: [APP],
      credentials: true,
      methods: ['PUT'],
      allowedHeaders: ['x-api-key'],
      maxAge: 600,
      preflightContinue: true,
    },
    request: preflight(APP, 'PUT', 'x-api-key'),
    handler: 'created',
    expect: {
      status: 201,
      headers: {
        'access-control-allow-origin': APP,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'PUT',
        'access-control-allow-headers': 'x-api-key',
        'access-control-max-age': '600',
        vary: PREFLIGHT_VARY,
      },
      handlerRan: true,
    },
  },
  {
    name: 'preflightContinue: a preflight from a refused origin reaches the handler, nothing is granted',
    options: { origin: [APP], preflightContinue: true },
    request: preflight(EVIL, 'PUT'),
    expect: { status: 200, headers: { ...NOTHING, vary: PREFLIGHT_VARY }, handlerRan: true },
  },
  {
    // As without preflightContinue (preflightRefusals: 'explain'): the allowed origin and the
    // policy's own lists, never the refused header, so the browser names it; the handler's own
    // CORS headers (ACAO *, credentials, expose) are replaced.
    name: 'preflightContinue: a refused header is explained on the handler answer, never granted',
    options: { origin: [APP], allowedHeaders: [], preflightContinue: true },
    request: preflight(APP, 'PUT', 'x-api-key'),
    handler: 'sets-cors',
    expect: {
      status: 200,
      headers: {
        ...NOTHING,
        'access-control-allow-origin': APP,
        'access-control-allow-methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
        vary: PREFLIGHT_VARY,
      },
      handlerRan: true,
    },
  },
  {
    name: "preflightContinue with preflightRefusals: 'opaque': a refused header grants nothing, whatever the handler set",
    options: { origin: [APP], allowedHeaders: [], preflightContinue: true, preflightRefusals: 'opaque' },
    request: preflight(APP, 'PUT', 'x-api-key'),
    handler: 'sets-cors',
    expect: { status: 200, headers: { ...NOTHING, vary: PREFLIGHT_VARY }, handlerRan: true },
  },
  {
    name: "preflightContinue: an async origin function grants a preflight on the handler's answer",
    options: { origin: async (origin) => origin === APP, preflightContinue: true },
    request: preflight(APP, 'DELETE'),
    expect: {
      status: 200,
      headers: {
        'access-control-allow-origin': APP,
        'access-control-allow-methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
      },
      handlerRan: true,
    },
  },
  {
    name: 'preflightContinue: an actual request is granted as without it',
    options: { origin: [APP], preflightContinue: true },
    request: { method: 'GET', headers: { origin: APP } },
    expect: {
      status: 200,
      headers: { 'access-control-allow-origin': APP, 'access-control-allow-methods': null, vary: 'Origin' },
      handlerRan: true,
    },
  },
  {
    // Issue 19, item 1: the handler's own preflight headers (hono/cors behind @corsica/hono,
    // echoing the requested headers) must not turn a refused header into a granted one.
    name: 'preflightContinue: a handler answering the preflight itself never grants beyond the policy (refused header, credentials)',
    options: { origin: [APP], allowedHeaders: [], credentials: true, preflightContinue: true },
    request: {
      method: 'OPTIONS',
      headers: {
        ...preflight(APP, 'PUT', 'x-api-key').headers,
        'access-control-request-private-network': 'true',
      },
    },
    handler: 'answers-preflight',
    expect: {
      status: 204,
      headers: {
        ...NOTHING,
        'access-control-allow-origin': APP,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
        'access-control-allow-private-network': null,
        'access-control-expose-headers': null,
        vary: PREFLIGHT_VARY,
      },
      handlerRan: true,
    },
  },
  {
    name: "preflightContinue: with methods: [], a handler's Access-Control-Allow-Methods is removed",
    options: { origin: [APP], methods: [], preflightContinue: true },
    request: preflight(APP, 'PUT'),
    handler: 'answers-preflight',
    expect: {
      status: 204,
      headers: {
        ...NOTHING,
        'access-control-allow-origin': APP,
        'access-control-allow-private-network': null,
        vary: PREFLIGHT_VARY,
      },
      handlerRan: true,
    },
  },
  {
    name: "preflightContinue: a refused origin gets none of the handler's preflight headers",
    options: { origin: [APP], preflightContinue: true },
    request: preflight(EVIL, 'PUT', 'x-api-key'),
    handler: 'answers-preflight',
    expect: {
      status: 204,
      headers: {
        ...NOTHING,
        'access-control-allow-private-network': null,
        'access-control-expose-headers': null,
        vary: PREFLIGHT_VARY,
      },
      handlerRan: true,
    },
  },
  {
    name: "preflightContinue: a granted preflight keeps only the policy's grant, not the handler's wider one",
    options: {
      origin: [APP],
      methods: ['PUT'],
      allowedHeaders: ['x-api-key'],
      maxAge: 60,
      preflightContinue: true,
    },
    request: preflight(APP, 'PUT', 'x-api-key'),
    handler: 'answers-preflight',
    expect: {
      status: 204,
      headers: {
        ...NOTHING,
        'access-control-allow-origin': APP,
        'access-control-allow-methods': 'PUT',
        'access-control-allow-headers': 'x-api-key',
        'access-control-max-age': '60',
        'access-control-allow-private-network': null,
        vary: PREFLIGHT_VARY,
      },
      handlerRan: true,
    },
  },
]
