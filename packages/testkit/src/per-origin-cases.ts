/**
 * Settings that differ per origin: `createCors([optionsA, optionsB, …])`, (list, request) → what
 * the server must answer. A request is decided by the first entry whose `origin` grants its
 * Origin, and by the first entry when none does or it has no Origin (Corsica's documented
 * choice); what each entry then answers is the Fetch standard's, as in the shared table.
 */
import type { CorsOptionsList } from '@corsica/core'
import type { Case, CaseRequest } from './cases.ts'

/** A row whose options are a list of options objects. */
export interface PerOriginCase extends Omit<Case, 'options'> {
  options: CorsOptionsList
}

const ADMIN = 'https://admin.test'
const APP = 'https://app.test'
const EU = 'https://eu.app.test'
const OTHER = 'https://other.test'
const EVIL = 'https://evil.test'

const PREFLIGHT_VARY =
  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network'
const ACAO = 'access-control-allow-origin'
const ACAC = 'access-control-allow-credentials'
const ACAM = 'access-control-allow-methods'
const ACAH = 'access-control-allow-headers'
const ACEH = 'access-control-expose-headers'
const ACMA = 'access-control-max-age'
const ACAPN = 'access-control-allow-private-network'
const NOTHING = { [ACAO]: null, [ACAC]: null, [ACAM]: null, [ACAH]: null, [ACEH]: null, [ACMA]: null }

/** An admin front end with credentials and more methods; the public app and its regions without. */
const ADMIN_AND_APP: CorsOptionsList = [
  {
    origin: [ADMIN],
    methods: ['GET', 'DELETE'],
    allowedHeaders: ['x-admin-token'],
    exposedHeaders: ['x-audit'],
    credentials: true,
    maxAge: 600,
  },
  {
    origin: [APP, 'https://*.app.test'],
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type'],
    maxAge: 60,
  },
]
/** One origin with credentials, every other one public ('*' last). */
const PUBLIC_LAST: CorsOptionsList = [{ origin: [ADMIN], credentials: true }, { origin: '*' }]
/** An async origin function first: it is asked before an exact origin listed after it. */
const FUNCTION_FIRST: CorsOptionsList = [
  { origin: async (origin: string) => origin === ADMIN, methods: ['DELETE'], credentials: true },
  { origin: [APP], methods: ['PUT'] },
]
/** eu.app.test is granted by both: the first entry (the pattern) decides. */
const OVERLAP: CorsOptionsList = [
  { origin: ['https://*.app.test'], methods: ['PATCH'] },
  { origin: [EU, OTHER], methods: ['PUT'] },
]
const PRIVATE_NETWORK: CorsOptionsList = [
  { origin: [ADMIN], privateNetworkAccess: true, optionsSuccessStatus: 200 },
  { origin: [APP] },
]
/** csrf is the first entry's, and trusts every entry's origins. */
const CSRF: CorsOptionsList = [
  { origin: [ADMIN], credentials: true, csrf: true },
  { origin: ['https://*.app.test'] },
]

function preflight(origin: string, method: string, extra: Record<string, string> = {}): CaseRequest {
  return { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, ...extra } }
}

function get(origin?: string): CaseRequest {
  return { method: 'GET', headers: origin === undefined ? {} : { origin } }
}

function row(name: string, options: CorsOptionsList, request: Case['request'], expect: Case['expect']) {
  return { name: `per origin: ${name}`, options, request, expect } satisfies PerOriginCase
}

const refusedPreflight = { status: 403, headers: { ...NOTHING, vary: PREFLIGHT_VARY }, handlerRan: false }
const refusedActual = { status: 200, headers: { ...NOTHING, vary: 'Origin' }, handlerRan: true }

export const perOriginCases: PerOriginCase[] = [
  row(
    'a preflight from the first entry gets its methods, credentials and max age',
    ADMIN_AND_APP,
    preflight(ADMIN, 'DELETE'),
    {
      status: 204,
      headers: {
        [ACAO]: ADMIN,
        [ACAC]: 'true',
        [ACAM]: 'GET, DELETE',
        [ACAH]: 'x-admin-token',
        [ACMA]: '600',
        vary: PREFLIGHT_VARY,
      },
      handlerRan: false,
    },
  ),
  row(
    'a preflight from the second entry gets its own lists and max age, no credentials',
    ADMIN_AND_APP,
    preflight(EU, 'POST', { 'access-control-request-headers': 'content-type' }),
    {
      status: 204,
      headers: {
        [ACAO]: EU,
        [ACAC]: null,
        [ACAM]: 'GET, POST',
        [ACAH]: 'content-type',
        [ACMA]: '60',
        vary: PREFLIGHT_VARY,
      },
      handlerRan: false,
    },
  ),
  // The method the first entry allows is not the second's: refused with the second entry's lists.
  row(
    "a method only the first entry allows, from the second's origin",
    ADMIN_AND_APP,
    preflight(APP, 'DELETE'),
    {
      status: 204,
      headers: { [ACAO]: APP, [ACAC]: null, [ACAM]: 'GET, POST', [ACAH]: 'content-type', [ACMA]: null },
      handlerRan: false,
    },
  ),
  row(
    "a header only the first entry allows, from the second's origin",
    ADMIN_AND_APP,
    preflight(APP, 'POST', { 'access-control-request-headers': 'x-admin-token' }),
    { status: 204, headers: { [ACAO]: APP, [ACAH]: 'content-type', [ACMA]: null }, handlerRan: false },
  ),
  row('a preflight from an origin no entry grants', ADMIN_AND_APP, preflight(EVIL, 'GET'), refusedPreflight),
  row('a GET from the first entry gets credentials and its exposed headers', ADMIN_AND_APP, get(ADMIN), {
    status: 200,
    headers: { [ACAO]: ADMIN, [ACAC]: 'true', [ACEH]: 'x-audit', vary: 'Origin' },
    handlerRan: true,
  }),
  row("a GET from the second entry's pattern gets neither", ADMIN_AND_APP, get(EU), {
    status: 200,
    headers: { [ACAO]: EU, [ACAC]: null, [ACEH]: null, vary: 'Origin' },
    handlerRan: true,
  }),
  row('a GET from an origin no entry grants', ADMIN_AND_APP, get(EVIL), refusedActual),
  row('a GET without Origin is decided by the first entry', ADMIN_AND_APP, get(), refusedActual),
  row(
    "'*' last: an unlisted origin reads the public answer, which varies on Origin",
    PUBLIC_LAST,
    get(EVIL),
    {
      status: 200,
      headers: { [ACAO]: '*', [ACAC]: null, vary: 'Origin' },
      handlerRan: true,
    },
  ),
  row("'*' last: the listed origin gets credentials", PUBLIC_LAST, get(ADMIN), {
    status: 200,
    headers: { [ACAO]: ADMIN, [ACAC]: 'true', vary: 'Origin' },
    handlerRan: true,
  }),
  row("'*' last: a preflight from an unlisted origin", PUBLIC_LAST, preflight(EVIL, 'PUT'), {
    status: 204,
    headers: {
      [ACAO]: '*',
      [ACAC]: null,
      [ACAM]: 'GET, HEAD, PUT, PATCH, POST, DELETE',
      vary: PREFLIGHT_VARY,
    },
    handlerRan: false,
  }),
  row(
    "'*' last: a GET without Origin is the first entry's (nothing granted)",
    PUBLIC_LAST,
    get(),
    refusedActual,
  ),
  row('an async origin function first grants its origin', FUNCTION_FIRST, preflight(ADMIN, 'DELETE'), {
    status: 204,
    headers: { [ACAO]: ADMIN, [ACAC]: 'true', [ACAM]: 'DELETE' },
    handlerRan: false,
  }),
  row(
    'an origin listed after an async origin function that refuses it',
    FUNCTION_FIRST,
    preflight(APP, 'PUT'),
    {
      status: 204,
      headers: { [ACAO]: APP, [ACAC]: null, [ACAM]: 'PUT' },
      handlerRan: false,
    },
  ),
  row(
    'a GET from an origin neither the function nor the list grants',
    FUNCTION_FIRST,
    get(EVIL),
    refusedActual,
  ),
  row('an origin two entries grant is decided by the first', OVERLAP, preflight(EU, 'PATCH'), {
    status: 204,
    headers: { [ACAO]: EU, [ACAM]: 'PATCH' },
    handlerRan: false,
  }),
  row("the first entry decides even where the second's would allow more", OVERLAP, preflight(EU, 'PUT'), {
    status: 204,
    headers: { [ACAO]: EU, [ACAM]: 'PATCH' },
    handlerRan: false,
  }),
  row("the second entry's other origin gets the second's methods", OVERLAP, preflight(OTHER, 'PUT'), {
    status: 204,
    headers: { [ACAO]: OTHER, [ACAM]: 'PUT' },
    handlerRan: false,
  }),
  row(
    'private network access and the status of the entry that allows it',
    PRIVATE_NETWORK,
    preflight(ADMIN, 'PUT', { 'access-control-request-private-network': 'true' }),
    { status: 200, headers: { [ACAO]: ADMIN, [ACAPN]: 'true' }, handlerRan: false },
  ),
  row(
    'private network access refused by the entry without it (explained)',
    PRIVATE_NETWORK,
    preflight(APP, 'PUT', { 'access-control-request-private-network': 'true' }),
    { status: 204, headers: { [ACAO]: APP, [ACAPN]: null, [ACMA]: null }, handlerRan: false },
  ),
  row(
    "csrf: a cross-site POST from the second entry's origin reaches the handler",
    CSRF,
    { method: 'POST', headers: { origin: EU, 'sec-fetch-site': 'cross-site' } },
    { status: 200, headers: { [ACAO]: EU, [ACAC]: null }, handlerRan: true },
  ),
  row(
    'csrf: a cross-site POST from an origin no entry trusts is refused',
    CSRF,
    { method: 'POST', headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' } },
    {
      status: 403,
      headers: { [ACAO]: null, 'content-type': 'text/plain; charset=utf-8' },
      handlerRan: false,
    },
  ),
]
