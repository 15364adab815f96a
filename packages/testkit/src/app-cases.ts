/**
 * @module @corsica/testkit/app-cases: what the built Astro, SvelteKit and React Router apps must
 * answer, as tables the three share: the examples' notes app (`exampleRows`) and the adapters' test
 * apps (`testAppRows`). A framework takes the rows with `appCases`, changing those its framework
 * answers otherwise (another status or header, a name that says why) and adding its own.
 */
import type { CaseRequest } from './cases.ts'
import { SELF } from './csrf-cases.ts'
import type { Answer } from './http.ts'
import { type AnswerExpectation, checkAnswer } from './run.ts'

/** One request to a built app and what it must answer. */
export interface AppCase {
  name: string
  request: CaseRequest & { path: string }
  expect: AnswerExpectation & {
    /** The exact body. */
    body?: string
    /** Text the body must contain. */
    bodyIncludes?: string
  }
}

/** What a framework changes in a shared row: its name, or some of what it expects (headers are merged). */
export interface AppCaseChange {
  name?: string
  expect?: Partial<AppCase['expect']>
}

export const APP = 'https://app.example.com'
export const EVIL = 'https://evil.example.net'
const PREVIEW = 'https://pr-7.preview.example.com'
export const ACAO = 'access-control-allow-origin'
const ACAC = 'access-control-allow-credentials'
const ACAH = 'access-control-allow-headers'
const ACEH = 'access-control-expose-headers'
const ACMA = 'access-control-max-age'

/** A preflight of `method` to `path`, asking for the request headers `requestHeaders`. */
export function preflight(path: string, origin: string, method = 'POST', requestHeaders = 'content-type') {
  return {
    method: 'OPTIONS',
    path,
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': requestHeaders,
    },
  }
}

/** A GET of `path` from `origin`. */
export function get(path: string, origin = APP, extra: Record<string, string> = {}) {
  return { method: 'GET', path, headers: { origin, ...extra } }
}

/** A POST of `body`, of Content-Type `type`, from `origin` (none: null). */
export function post(
  path: string,
  origin: string | null,
  type: string,
  body: string,
  extra: Record<string, string> = {},
) {
  const headers = { ...(origin === null ? {} : { origin }), 'content-type': type, ...extra }
  return { method: 'POST', path, headers, body }
}

/**
 * What Astro's and SvelteKit's own CSRF checks answer a cross-site form write, before the app's
 * middleware or hooks run: 403, their text, and so no CORS header at all.
 */
export function formRefusal(method: string): AppCase['expect'] {
  return {
    status: 403,
    body: `Cross-site ${method} form submissions are forbidden`,
    headers: { [ACAO]: null, vary: null },
  }
}

const form = (origin: string | null, extra?: Record<string, string>) =>
  post('/api/notes', origin, 'application/x-www-form-urlencoded', 'text=hi', extra)

/**
 * The examples' notes app: one list of origins (https://app.example.com and the pattern
 * https://*.preview.example.com) may read its answers (CORS, with credentials) and write to it
 * (Corsica's `csrf`); the app's own middleware or hook sets x-request-id after Corsica.
 */
export const exampleRows = {
  preflight: {
    name: 'a preflight to an endpoint with no OPTIONS export is answered by cors()',
    request: preflight('/api/notes', APP, 'POST', 'content-type, x-request-id'),
    expect: { status: 204, headers: { [ACAO]: APP, [ACAH]: 'content-type, x-request-id', [ACMA]: '600' } },
  },
  get: {
    name: "a GET gets the CORS headers and the app's x-request-id, exposed",
    request: get('/api/notes', PREVIEW, { 'x-request-id': 'r1' }),
    expect: {
      status: 200,
      headers: { [ACAO]: PREVIEW, [ACAC]: 'true', 'x-request-id': 'r1', [ACEH]: 'x-request-id' },
    },
  },
  throws: {
    name: 'an endpoint that throws: the 500 keeps the CORS headers',
    request: get('/api/boom'),
    expect: { status: 500, headers: { [ACAO]: APP } },
  },
  notFound: {
    name: 'a 404 keeps the CORS headers',
    request: get('/api/nowhere'),
    expect: { status: 404, headers: { [ACAO]: APP } },
  },
  formFromListed: {
    name: 'a form POST from a listed origin reaches the endpoint',
    request: form(APP),
    expect: { status: 201, headers: { [ACAO]: APP } },
  },
  formFromPattern: {
    name: 'a form POST from an origin matching a pattern reaches it too',
    request: form(PREVIEW),
    expect: { status: 201, headers: { [ACAO]: PREVIEW } },
  },
  formFromOther: {
    name: 'a form POST from any other origin is refused 403 before the endpoint runs',
    request: form(EVIL, { 'sec-fetch-site': 'cross-site' }),
    expect: { status: 403, headers: { [ACAO]: null } },
  },
  jsonFromOther: {
    name: 'a JSON POST from another origin is refused 403 as well',
    request: post('/api/notes', EVIL, 'application/json', '{"text":"x"}'),
    expect: { status: 403, headers: {} },
  },
  ownPage: {
    name: "the app's own page posting its form passes",
    request: form(SELF, { 'sec-fetch-site': 'same-origin' }),
    expect: { status: 201, headers: {} },
  },
  noBrowser: {
    name: 'a client that is no browser (no Origin, no Sec-Fetch-Site) passes',
    request: form(null),
    expect: { status: 201, headers: {} },
  },
} satisfies Record<string, AppCase>

/**
 * The adapters' test apps: cors() from the middleware or hook for everything but /bare/* (and the
 * table's /conformance/*), https://app.example.com allowed; /api/items answers GET and POST only,
 * /api/throws throws, /api/redirect is `Response.redirect()`, and `/` is a page about `title`.
 */
export function testAppRows(title: string) {
  return {
    preflight: {
      name: 'with cors(), an endpoint with no OPTIONS handler (GET and POST only) gets its preflight answered 204',
      request: preflight('/api/items', APP),
      expect: { status: 204, headers: { [ACAO]: APP, [ACAH]: 'content-type' } },
    },
    refusedPreflight: {
      name: 'a refused preflight grants nothing',
      request: preflight('/api/items', EVIL),
      expect: { status: 403, headers: { [ACAO]: null } },
    },
    json: {
      name: "an endpoint's JSON keeps the CORS headers",
      request: get('/api/items'),
      expect: { status: 200, headers: { [ACAO]: APP } },
    },
    throws: {
      name: 'an endpoint that throws: the 500 keeps the CORS headers',
      request: get('/api/throws'),
      expect: { status: 500, headers: { [ACAO]: APP } },
    },
    notFound: {
      name: 'a URL no route matches: the 404 keeps the CORS headers',
      request: get('/api/nowhere'),
      expect: { status: 404, headers: { [ACAO]: APP } },
    },
    page: {
      name: 'a page keeps the CORS headers',
      request: get('/'),
      expect: { status: 200, bodyIncludes: `Corsica on ${title}`, headers: { [ACAO]: APP } },
    },
    redirect: {
      name: 'Response.redirect() (immutable headers) gets them on a copy',
      request: get('/api/redirect'),
      expect: { status: 302, headers: { location: 'https://elsewhere.example/next', [ACAO]: APP } },
    },
  } satisfies Record<string, AppCase>
}

/**
 * The rows of the test apps whose framework checks cross-site form writes itself, before any
 * middleware or hook (Astro's `security.checkOrigin`, SvelteKit's `csrf`, both on by default).
 */
export const formCheckRows = {
  formPost: {
    name: 'a cross-site form POST from an origin the policy allows is answered 403 before cors(), without CORS headers',
    request: post('/api/items', APP, 'application/x-www-form-urlencoded', 'a=1'),
    expect: formRefusal('POST'),
  },
  jsonPost: {
    name: 'a JSON POST is no form: it reaches the endpoint and gets the CORS headers',
    request: post('/api/items', APP, 'application/json', '{}'),
    expect: { status: 201, headers: { [ACAO]: APP } },
  },
} satisfies Record<string, AppCase>

/**
 * The rows a framework runs: `rows` in order, each with its `changes` (headers merged into the
 * row's), then the framework's own rows, `added`.
 */
export function appCases<K extends string>(
  rows: Record<K, AppCase>,
  changes: { [key in K]?: AppCaseChange } = {},
  added: AppCase[] = [],
): AppCase[] {
  const changed = (Object.entries(rows) as [K, AppCase][]).map(([key, row]) => {
    const change: AppCaseChange = changes[key] ?? {}
    const headers = { ...row.expect.headers, ...change.expect?.headers }
    return { ...row, name: change.name ?? row.name, expect: { ...row.expect, ...change.expect, headers } }
  })
  return [...changed, ...added]
}

/** Every way `answer` differs from what `c` expects; empty when it passes. */
export function checkApp(c: Pick<AppCase, 'expect'>, answer: Answer): string[] {
  const problems = checkAnswer(c.expect, answer)
  const { body, bodyIncludes } = c.expect
  if (body !== undefined && answer.body !== body)
    problems.push(`body ${JSON.stringify(answer.body)}, expected ${JSON.stringify(body)}`)
  if (bodyIncludes !== undefined && !answer.body.includes(bodyIncludes))
    problems.push(`body ${JSON.stringify(answer.body.slice(0, 200))}, expected it to include ${bodyIncludes}`)
  return problems
}
