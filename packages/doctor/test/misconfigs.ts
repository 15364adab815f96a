/**
 * Misconfigured servers with hand-set headers, one path each, and the verdict a browser reaches
 * on each, reasoned from the Fetch standard (problem codes in the order Chromium meets them).
 * Shared by the doctor's own test, the browser-model comparison and the Chromium comparison.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ChromeCorsError, ReasonCode, WarningCode } from '../src/index'
import type { Handler } from './servers'

/** A header value: fixed, or computed from the request's Origin. */
type Value = string | string[] | ((requestOrigin: string) => string | null)

/** How one response is made. */
interface Reply {
  status?: number
  headers?: Record<string, Value>
  body?: string
}

/** What a page does. */
export interface Page {
  method?: string
  headers?: Record<string, string>
  credentials?: boolean
  privateNetwork?: boolean
  body?: string
}

export interface Misconfig {
  name: string
  path: string
  handler: Handler
  page: Page
  expect: {
    allowed: boolean
    preflight: boolean
    /** Every problem's code, in order (the first is what the browser reports). */
    codes: ReasonCode[]
    /** Chromium's error kind for the first problem (null: a rule Chromium 156 does not enforce). */
    chrome?: ChromeCorsError | null
    warnings?: WarningCode[]
    /** Names script must be able to read, and names it must not. */
    readable?: string[]
    hidden?: string[]
    /** Text the first problem's fix must contain. */
    fix?: string[]
    /** Text the first problem's fix must not contain. */
    notFix?: string[]
    /** The first problem's checks that fail only because of it. */
    secondary?: ReasonCode[]
  }
  /** Compare with real Chromium: true, or 'allows' where Chromium 156 lets through what Fetch blocks. */
  chromium: boolean | 'allows'
  /** Compare with the testkit's browser model (it has no Private Network Access). */
  model: boolean
}

/** Serves `preflight` to OPTIONS and `actual` to everything else. */
function serve(spec: { preflight?: Reply; actual?: Reply }): Handler {
  return (req: IncomingMessage, res: ServerResponse) => {
    const reply = (req.method === 'OPTIONS' ? spec.preflight : spec.actual) ?? {
      status: 404,
      body: 'not found',
    }
    const origin = req.headers.origin ?? ''
    res.statusCode = reply.status ?? 200
    for (const [name, value] of Object.entries(reply.headers ?? {})) {
      const v = typeof value === 'function' ? value(origin) : value
      if (v !== null) res.setHeader(name, v)
    }
    res.end(reply.body ?? (req.method === 'OPTIONS' ? '' : '{"ok":true}'))
  }
}

/** The JSON an API answers with: one header worth exposing, one private. */
const API = { 'content-type': 'application/json', 'x-request-id': 'req-42', 'x-internal': 'secret' }

/** The misconfigurations, for a page at `page` (its origin). */
export function misconfigs(page: string): Misconfig[] {
  // Grants only the page's own origin, as an allow-list would.
  const only = (o: string) => (o === page ? o : null)
  const any = (o: string) => o
  const granted = { 'access-control-allow-origin': only, vary: 'Origin' }
  const json = { 'content-type': 'application/json' }
  let n = 0
  const row = (
    r: Omit<Misconfig, 'path' | 'handler' | 'chromium' | 'model'> & {
      server: { preflight?: Reply; actual?: Reply }
      chromium?: boolean | 'allows'
      model?: boolean
    },
  ): Misconfig => ({
    name: r.name,
    path: `/m${++n}`,
    handler: serve(r.server),
    page: r.page,
    expect: r.expect,
    chromium: r.chromium ?? true,
    model: r.model ?? true,
  })

  return [
    // ---- simple requests: the CORS check on the response
    row({
      name: 'no Access-Control-Allow-Origin on a simple GET',
      server: { actual: { headers: API } },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSMissingAllowOrigin'],
        chrome: 'MissingAllowOriginHeader',
        fix: [`Access-Control-Allow-Origin: ${page}`],
      },
    }),
    row({
      name: 'Access-Control-Allow-Origin names another origin',
      server: { actual: { headers: { ...API, 'access-control-allow-origin': 'https://other.example' } } },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSAllowOriginNotMatchingOrigin'],
        chrome: 'AllowOriginMismatch',
        fix: ['allows https://other.example'],
      },
    }),
    row({
      name: 'Access-Control-Allow-Origin with a trailing slash',
      server: { actual: { headers: { ...API, 'access-control-allow-origin': `${page}/` } } },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSAllowOriginNotMatchingOrigin'],
        chrome: 'AllowOriginMismatch',
        fix: ['trailing slash'],
      },
    }),
    row({
      name: 'two Access-Control-Allow-Origin lines',
      server: {
        actual: { headers: { ...API, 'access-control-allow-origin': [page, 'https://other.example'] } },
      },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSMultipleAllowOriginNotAllowed'],
        chrome: 'MultipleAllowOriginValues',
        fix: ['2 Access-Control-Allow-Origin lines'],
      },
    }),
    row({
      name: 'a comma-separated list in Access-Control-Allow-Origin',
      server: {
        actual: { headers: { ...API, 'access-control-allow-origin': `${page}, https://other.example` } },
      },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSMultipleAllowOriginNotAllowed'],
        chrome: 'MultipleAllowOriginValues',
        fix: ['exactly one origin'],
      },
    }),
    row({
      name: 'Access-Control-Allow-Origin: a bare host name',
      server: { actual: { headers: { ...API, 'access-control-allow-origin': new URL(page).hostname } } },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSAllowOriginNotMatchingOrigin'],
        chrome: 'InvalidAllowOriginValue',
        fix: ['is not an origin'],
      },
    }),
    row({
      name: "'*' with credentials (and Allow-Credentials: true)",
      server: {
        actual: {
          headers: { ...API, 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' },
        },
      },
      page: { credentials: true },
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSNotSupportingCredentials'],
        chrome: 'WildcardOriginNotAllowed',
        fix: [`Access-Control-Allow-Origin: ${page}`],
      },
    }),
    row({
      name: "'*' with credentials and no Allow-Credentials: both are reported",
      server: { actual: { headers: { ...API, 'access-control-allow-origin': '*' } } },
      page: { credentials: true },
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSNotSupportingCredentials', 'CORSMissingAllowCredentials'],
        chrome: 'WildcardOriginNotAllowed',
      },
    }),
    row({
      name: 'credentials without Access-Control-Allow-Credentials',
      server: { actual: { headers: { ...API, ...granted } } },
      page: { credentials: true },
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSMissingAllowCredentials'],
        chrome: 'InvalidAllowCredentials',
        fix: ['Access-Control-Allow-Credentials: true'],
      },
    }),
    row({
      name: 'Access-Control-Allow-Credentials: True (case matters)',
      server: { actual: { headers: { ...API, ...granted, 'access-control-allow-credentials': 'True' } } },
      page: { credentials: true },
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSMissingAllowCredentials'],
        chrome: 'InvalidAllowCredentials',
        fix: ['it sends `True`'],
      },
    }),
    row({
      name: 'an error response (500) without CORS headers',
      server: { actual: { status: 500, headers: { 'content-type': 'text/plain' }, body: 'boom' } },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSMissingAllowOrigin'],
        chrome: 'MissingAllowOriginHeader',
        fix: ['error responses need the CORS headers too'],
      },
    }),
    row({
      name: 'a redirect without CORS headers fails the CORS check itself',
      server: { actual: { status: 302, headers: { location: '/elsewhere' }, body: '' } },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSMissingAllowOrigin'],
        chrome: 'MissingAllowOriginHeader',
      },
    }),
    row({
      name: 'a redirect with CORS headers is reported, not followed',
      server: {
        actual: { status: 307, headers: { ...granted, location: 'http://localhost:9/next' }, body: '' },
      },
      page: {},
      expect: { allowed: true, preflight: false, codes: [], warnings: ['Redirect'] },
      chromium: false,
    }),
    // Fetch, HTTP-redirect fetch: a Location that is not a URL, or not http(s), is a network
    // error, whatever the CORS headers say.
    row({
      name: 'a redirect to a data: URL, with CORS headers, is blocked',
      server: {
        actual: { status: 302, headers: { ...granted, location: 'data:text/plain,hi' }, body: '' },
      },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSRequestNotHttp'],
        chrome: null,
        warnings: [],
        fix: ['only to http: and https: URLs'],
        notFix: ['corsica doctor data:'],
      },
      // Chromium 156 blocks it as net::ERR_UNSAFE_REDIRECT, no CORS error to compare.
      chromium: false,
      model: false,
    }),
    row({
      name: 'a redirect to an ftp: URL, with CORS headers, is blocked',
      server: {
        actual: { status: 302, headers: { ...granted, location: 'ftp://example.com/file' }, body: '' },
      },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSRequestNotHttp'],
        chrome: 'CorsDisabledScheme',
        warnings: [],
        fix: ['only to http: and https: URLs'],
      },
      model: false,
    }),
    row({
      name: 'a redirect to an unparsable Location, with CORS headers, is blocked',
      server: { actual: { status: 302, headers: { ...granted, location: 'http://[' }, body: '' } },
      page: {},
      expect: {
        allowed: false,
        preflight: false,
        codes: ['CORSRedirectInvalidLocation'],
        chrome: null,
        warnings: [],
        fix: ['`http://[`, which is not a URL'],
      },
      // Chromium 156: net::ERR_INVALID_REDIRECT, no CORS error to compare.
      chromium: false,
      model: false,
    }),
    row({
      name: 'granted without Vary: Origin',
      server: { actual: { headers: { ...API, 'access-control-allow-origin': only } } },
      page: {},
      expect: {
        allowed: true,
        preflight: false,
        codes: [],
        warnings: ['VaryOriginMissing'],
        readable: ['content-type'],
        hidden: ['x-request-id', 'x-internal'],
      },
    }),
    row({
      name: 'an exposed header is readable, another is not',
      server: {
        actual: { headers: { ...API, ...granted, 'access-control-expose-headers': 'X-Request-Id' } },
      },
      page: {},
      expect: {
        allowed: true,
        preflight: false,
        codes: [],
        warnings: [],
        readable: ['content-type', 'x-request-id'],
        hidden: ['x-internal'],
      },
    }),
    row({
      name: "Expose-Headers '*' exposes everything without credentials",
      server: { actual: { headers: { ...API, ...granted, 'access-control-expose-headers': '*' } } },
      page: {},
      expect: {
        allowed: true,
        preflight: false,
        codes: [],
        warnings: [],
        readable: ['x-internal', 'x-request-id'],
      },
    }),
    row({
      name: "Expose-Headers '*' is literal with credentials",
      server: {
        actual: {
          headers: {
            ...API,
            ...granted,
            'access-control-allow-credentials': 'true',
            'access-control-expose-headers': '*',
          },
        },
      },
      page: { credentials: true },
      expect: {
        allowed: true,
        preflight: false,
        codes: [],
        warnings: ['ExposeHeadersWildcardWithCredentials'],
        readable: ['content-type'],
        hidden: ['x-internal', 'x-request-id'],
      },
    }),
    row({
      name: 'any origin reflected, with credentials',
      server: {
        actual: {
          headers: {
            ...API,
            'access-control-allow-origin': any,
            'access-control-allow-credentials': 'true',
            vary: 'Origin',
          },
        },
      },
      page: { credentials: true },
      expect: {
        allowed: true,
        preflight: false,
        codes: [],
        warnings: ['OriginReflectedWithCredentials', 'NullOriginAllowed'],
      },
    }),
    row({
      name: 'a Range of bytes=0-99 needs no preflight',
      server: { actual: { headers: { ...API, ...granted } } },
      page: { headers: { range: 'bytes=0-99' } },
      expect: { allowed: true, preflight: false, codes: [] },
    }),

    // ---- requests with a preflight
    row({
      name: 'OPTIONS not handled (404, no CORS headers)',
      server: { actual: { headers: { ...API, ...granted } } },
      page: { method: 'PUT', body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMissingAllowOrigin'],
        secondary: ['CORSPreflightDidNotSucceed'],
        chrome: 'PreflightMissingAllowOriginHeader',
        fix: ['Nothing answers CORS preflights'],
      },
    }),
    row({
      name: 'a quoted charset makes text/plain need a preflight',
      server: { preflight: { status: 405 }, actual: { headers: { ...API, ...granted } } },
      page: { method: 'POST', headers: { 'content-type': 'text/plain; charset="utf-8"' }, body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMissingAllowOrigin'],
        secondary: ['CORSPreflightDidNotSucceed'],
        chrome: 'PreflightMissingAllowOriginHeader',
      },
    }),
    row({
      name: 'a Range of bytes=-5 (a suffix) needs a preflight',
      server: { preflight: { status: 405 }, actual: { headers: { ...API, ...granted } } },
      page: { headers: { range: 'bytes=-5' } },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMissingAllowOrigin'],
        secondary: ['CORSPreflightDidNotSucceed'],
        chrome: 'PreflightMissingAllowOriginHeader',
      },
    }),
    row({
      name: 'preflight answered 404 with CORS headers',
      server: { preflight: { status: 404, headers: granted } },
      page: { method: 'PUT', body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSPreflightDidNotSucceed', 'CORSMethodNotFound'],
        chrome: 'PreflightInvalidStatus',
      },
    }),
    row({
      name: 'preflight rejected by authentication (401)',
      server: { preflight: { status: 401, headers: { ...granted, 'access-control-allow-methods': 'PUT' } } },
      page: { method: 'PUT', body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSPreflightDidNotSucceed'],
        chrome: 'PreflightInvalidStatus',
        fix: ['let OPTIONS through before authentication'],
      },
    }),
    row({
      name: 'preflight redirected',
      server: { preflight: { status: 301, headers: { ...granted, location: '/api/' } } },
      page: { method: 'DELETE' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSPreflightDidNotSucceed'],
        chrome: 'PreflightDisallowedRedirect',
        fix: ['never follow a preflight'],
      },
    }),
    row({
      name: 'PUT missing from Access-Control-Allow-Methods',
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-methods': 'GET, POST' } },
      },
      page: { method: 'PUT', body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMethodNotFound'],
        chrome: 'MethodDisallowedByPreflightResponse',
        fix: ['Access-Control-Allow-Methods: GET, POST, PUT'],
      },
    }),
    row({
      name: "method 'patch' against Allow-Methods: PATCH (case-sensitive)",
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-methods': 'PATCH' } },
      },
      page: { method: 'patch', body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMethodNotFound'],
        chrome: 'MethodDisallowedByPreflightResponse',
        fix: ["method: 'PATCH'"],
      },
    }),
    row({
      name: 'space-separated Access-Control-Allow-Methods',
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-methods': 'GET PUT' } },
      },
      page: { method: 'PUT', body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSInvalidAllowMethod'],
        chrome: 'InvalidAllowMethodsPreflightResponse',
        fix: ['Access-Control-Allow-Methods: GET, PUT'],
      },
    }),
    row({
      name: 'semicolon-separated Access-Control-Allow-Headers',
      server: {
        preflight: {
          status: 204,
          headers: { ...granted, 'access-control-allow-headers': 'content-type; x-api-key' },
        },
      },
      page: { method: 'POST', headers: { ...json, 'x-api-key': 'k' }, body: '{}' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSInvalidAllowHeader'],
        chrome: 'InvalidAllowHeadersPreflightResponse',
        fix: ['Access-Control-Allow-Headers: content-type, x-api-key'],
      },
    }),
    row({
      name: 'JSON POST without content-type in Allow-Headers',
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-headers': 'x-api-key' } },
      },
      page: { method: 'POST', headers: json, body: '{}' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMissingAllowHeaderFromPreflight'],
        chrome: 'HeaderDisallowedByPreflightResponse',
        fix: ['Access-Control-Allow-Headers: x-api-key, content-type', 'application/json'],
      },
    }),
    row({
      name: 'two custom headers missing: each is a problem, the browser names the first in sorted order',
      server: { preflight: { status: 204, headers: { ...granted, 'access-control-allow-methods': 'PUT' } } },
      page: { method: 'PUT', headers: { 'x-b': '1', 'x-a': '2' }, body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMissingAllowHeaderFromPreflight', 'CORSMissingAllowHeaderFromPreflight'],
        chrome: 'HeaderDisallowedByPreflightResponse',
        fix: ['Access-Control-Allow-Headers: x-a, x-b'],
      },
    }),
    row({
      name: "Allow-Headers '*' does not cover Authorization",
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-headers': '*' } },
        actual: { headers: { ...API, ...granted } },
      },
      page: { headers: { authorization: 'Bearer t' } },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMissingAllowHeaderFromPreflight'],
        chrome: null,
        fix: ['never covers Authorization', 'Access-Control-Allow-Headers: *, authorization'],
      },
      chromium: 'allows',
    }),
    row({
      name: "Allow-Headers '*' is literal with credentials",
      server: {
        preflight: {
          status: 204,
          headers: {
            ...granted,
            'access-control-allow-credentials': 'true',
            'access-control-allow-headers': '*',
          },
        },
      },
      page: { headers: { 'x-api-key': 'k' }, credentials: true },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMissingAllowHeaderFromPreflight'],
        chrome: 'HeaderDisallowedByPreflightResponse',
        fix: ['read as a header named "*"'],
      },
    }),
    row({
      name: "Allow-Methods '*' is literal with credentials",
      server: {
        preflight: {
          status: 204,
          headers: {
            ...granted,
            'access-control-allow-credentials': 'true',
            'access-control-allow-methods': '*',
          },
        },
      },
      page: { method: 'PUT', credentials: true, body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMethodNotFound'],
        chrome: 'MethodDisallowedByPreflightResponse',
        fix: ['read as a method named "*"'],
      },
    }),
    row({
      name: "Allow-Methods '*' allows PUT without credentials",
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-methods': '*' } },
        actual: { headers: { ...API, ...granted } },
      },
      page: { method: 'PUT', body: 'x' },
      expect: { allowed: true, preflight: true, codes: [] },
    }),
    row({
      name: 'a 200-byte Accept needs a preflight, and passes when allowed',
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-headers': 'accept' } },
        actual: { headers: { ...API, ...granted } },
      },
      page: { headers: { accept: `application/json, ${'text/x-long;q=0.5, '.repeat(10)}*/*` } },
      expect: { allowed: true, preflight: true, codes: [] },
    }),
    row({
      name: 'the preflight passes but the response has no Access-Control-Allow-Origin',
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-methods': 'PUT' } },
        actual: { headers: API },
      },
      page: { method: 'PUT', body: 'x' },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMissingAllowOrigin'],
        chrome: 'MissingAllowOriginHeader',
      },
    }),
    row({
      name: 'everything right: credentialed JSON PUT',
      server: {
        preflight: {
          status: 204,
          headers: {
            ...granted,
            'access-control-allow-credentials': 'true',
            'access-control-allow-methods': 'GET, PUT',
            'access-control-allow-headers': 'Content-Type, X-Api-Key',
          },
        },
        actual: {
          headers: {
            ...API,
            ...granted,
            'access-control-allow-credentials': 'true',
            'access-control-expose-headers': 'x-request-id',
          },
        },
      },
      page: { method: 'PUT', headers: { ...json, 'x-api-key': 'k' }, credentials: true, body: '{}' },
      expect: {
        allowed: true,
        preflight: true,
        codes: [],
        warnings: [],
        readable: ['content-type', 'x-request-id'],
        hidden: ['x-internal'],
      },
    }),

    // ---- Private Network Access (Chromium cannot be put in a public address space here)
    row({
      name: 'private network: no Access-Control-Allow-Private-Network',
      server: { preflight: { status: 204, headers: granted }, actual: { headers: { ...API, ...granted } } },
      page: { privateNetwork: true },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSMissingAllowPrivateNetwork'],
        chrome: 'PreflightMissingAllowPrivateNetwork',
        fix: ['Access-Control-Allow-Private-Network: true'],
      },
      chromium: false,
      model: false,
    }),
    row({
      name: 'private network: Allow-Private-Network: yes',
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-private-network': 'yes' } },
        actual: { headers: { ...API, ...granted } },
      },
      page: { privateNetwork: true },
      expect: {
        allowed: false,
        preflight: true,
        codes: ['CORSInvalidAllowPrivateNetwork'],
        chrome: 'PreflightInvalidAllowPrivateNetwork',
      },
      chromium: false,
      model: false,
    }),
    row({
      name: 'private network: allowed',
      server: {
        preflight: { status: 204, headers: { ...granted, 'access-control-allow-private-network': 'true' } },
        actual: { headers: { ...API, ...granted } },
      },
      page: { privateNetwork: true },
      expect: { allowed: true, preflight: true, codes: [] },
      chromium: false,
      model: false,
    }),
  ]
}
