/**
 * `csrf: true`: cross-origin writes and WebSocket handshakes refused before the handler runs.
 * Each rule of the policy (see `csrf` in the core's options), in the order of Go's
 * net/http.CrossOriginProtection (Go 1.25, src/net/http/csrf_test.go translated where it
 * applies) and of the Fetch Metadata spec (https://w3c.github.io/webappsec-fetch-metadata/).
 * Every refused case expects `handlerRan: false`: the handler's answer never comes back.
 *
 * `SELF` as an Origin value stands for the origin of the URL the request is sent to (the
 * server's own), which only the runner knows: `toRequest` puts it in.
 */
import type { CorsOptions } from '@corsica/core'
import type { Case, CaseRequest } from './cases.ts'

/** Replaced by the request URL's origin when the request is built (see `toRequest`). */
export const SELF = '<self>'

const APP = 'https://app.test'
const EVIL = 'https://evil.test'
const TRUSTING: CorsOptions = { origin: [APP, 'https://*.app.test'], credentials: true, csrf: true }
const ACAO = 'access-control-allow-origin'
const REFUSED = {
  status: 403,
  headers: { [ACAO]: null, 'content-type': 'text/plain; charset=utf-8' },
  handlerRan: false,
}
const PASSED = { status: 200, headers: {}, handlerRan: true }

function write(method: string, headers: Record<string, string>, path?: string): CaseRequest {
  return path === undefined ? { method, headers } : { method, headers, path }
}

function refused(name: string, options: CorsOptions, request: CaseRequest): Case {
  return { name: `csrf: ${name} is refused before the handler`, options, request, expect: REFUSED }
}

function passed(name: string, options: CorsOptions, request: CaseRequest, headers = {}): Case {
  return { name: `csrf: ${name} reaches the handler`, options, request, expect: { ...PASSED, headers } }
}

export const csrfCases: Case[] = [
  // Rule 1: safe methods pass whatever their origin (their answer is still not granted).
  passed('a cross-site GET', TRUSTING, write('GET', { origin: EVIL, 'sec-fetch-site': 'cross-site' }), {
    [ACAO]: null,
  }),
  passed('a cross-site HEAD', TRUSTING, write('HEAD', { origin: EVIL, 'sec-fetch-site': 'cross-site' })),
  passed(
    'a cross-site OPTIONS that is not a preflight',
    TRUSTING,
    write('OPTIONS', { origin: EVIL, 'sec-fetch-site': 'cross-site' }),
  ),
  // Rule 2: an origin granted by name, whatever Sec-Fetch-Site says.
  passed(
    'a POST from a listed origin',
    TRUSTING,
    write('POST', { origin: APP, 'sec-fetch-site': 'same-site' }),
    {
      [ACAO]: APP,
    },
  ),
  passed(
    'a DELETE from an origin a pattern grants',
    TRUSTING,
    write('DELETE', { origin: 'https://eu.app.test', 'sec-fetch-site': 'cross-site' }),
    { [ACAO]: 'https://eu.app.test' },
  ),
  passed(
    'a POST from an origin a RegExp grants',
    { origin: /^https:\/\/[a-z]+\.partner\.test$/, csrf: true },
    write('POST', { origin: 'https://shop.partner.test', 'sec-fetch-site': 'cross-site' }),
  ),
  passed(
    'a POST from an origin an async origin function grants',
    { origin: async (o) => o === APP, csrf: true },
    write('POST', { origin: APP, 'sec-fetch-site': 'cross-site' }),
  ),
  refused(
    'a POST from an origin an async origin function refuses',
    { origin: async (o) => o === APP, csrf: true },
    write('POST', { origin: EVIL, 'sec-fetch-site': 'cross-site' }),
  ),
  // '*' grants reading to everyone and trusts no one; 'null' is any sandboxed iframe.
  {
    name: "csrf: a cross-site POST under origin '*' is refused, and the page may read the 403",
    options: { origin: '*', csrf: true },
    request: write('POST', { origin: EVIL, 'sec-fetch-site': 'cross-site' }),
    expect: { ...REFUSED, headers: { ...REFUSED.headers, [ACAO]: '*' } },
  },
  refused(
    "a POST from Origin null, even with 'null' listed,",
    { origin: ['null', APP], csrf: true },
    write('POST', { origin: 'null', 'sec-fetch-site': 'cross-site' }),
  ),
  // Rule 3: Sec-Fetch-Site, the browser's own verdict.
  passed(
    'a same-origin POST (Sec-Fetch-Site)',
    TRUSTING,
    write('POST', { origin: SELF, 'sec-fetch-site': 'same-origin' }),
  ),
  passed(
    'a POST the user typed (Sec-Fetch-Site: none)',
    TRUSTING,
    write('POST', { 'sec-fetch-site': 'none' }),
  ),
  refused(
    'a cross-site form POST',
    TRUSTING,
    write('POST', { origin: EVIL, 'sec-fetch-site': 'cross-site' }),
  ),
  refused('a cross-site PUT', TRUSTING, write('PUT', { origin: EVIL, 'sec-fetch-site': 'cross-site' })),
  refused('a cross-site PATCH', TRUSTING, write('PATCH', { origin: EVIL, 'sec-fetch-site': 'cross-site' })),
  refused(
    'a same-site POST from an unlisted sibling',
    TRUSTING,
    write('POST', { origin: 'https://evil.test', 'sec-fetch-site': 'same-site' }),
  ),
  refused(
    'a POST with an unknown Sec-Fetch-Site value',
    TRUSTING,
    write('POST', { origin: EVIL, 'sec-fetch-site': 'cross-galaxy' }),
  ),
  refused(
    'a cross-site POST whose Origin is the server (Sec-Fetch-Site decides, not Origin),',
    TRUSTING,
    write('POST', { origin: SELF, 'sec-fetch-site': 'cross-site' }),
  ),
  // Rule 4: neither header: not a browser (curl, a server-to-server call).
  passed('a POST with neither Origin nor Sec-Fetch-Site', TRUSTING, write('POST', {})),
  // Rule 5: older browsers send Origin without Sec-Fetch-Site.
  passed('a POST whose Origin is the server (no Sec-Fetch-Site)', TRUSTING, write('POST', { origin: SELF })),
  refused('a cross-origin POST without Sec-Fetch-Site', TRUSTING, write('POST', { origin: EVIL })),
  refused('a POST with a malformed Origin', TRUSTING, write('POST', { origin: 'https://evil.test/path' })),
  // Rule 6: bypass.
  passed(
    'a cross-site POST to a route bypass lets through',
    {
      origin: [APP],
      csrf: { bypass: (request) => new URL(request.url).pathname.endsWith('/oauth/callback') },
    },
    write('POST', { origin: EVIL, 'sec-fetch-site': 'cross-site' }, '/oauth/callback'),
    { [ACAO]: null },
  ),
  refused(
    'a cross-site POST to a route bypass does not name',
    {
      origin: [APP],
      csrf: { bypass: (request) => new URL(request.url).pathname.endsWith('/oauth/callback') },
    },
    write('POST', { origin: EVIL, 'sec-fetch-site': 'cross-site' }, '/transfer'),
  ),
  // Off unless set: the write runs, the browser merely hides the answer.
  {
    name: 'without csrf, a cross-site POST runs the handler (CORS only hides the answer)',
    options: { origin: [APP], credentials: true },
    request: write('POST', { origin: EVIL, 'sec-fetch-site': 'cross-site' }),
    expect: { status: 200, headers: { [ACAO]: null }, handlerRan: true },
  },
]

/**
 * WebSocket handshakes (`GET` with `Upgrade: websocket`, RFC 6455 §4.1), decided by Origin
 * alone. Sent by clients that may set Upgrade (fetch may not): a runner answering them with a
 * plain handler checks only whether the handler ran.
 */
export const websocketCases: Case[] = [
  refused(
    'a WebSocket handshake from an unlisted origin',
    TRUSTING,
    write('GET', { origin: EVIL, upgrade: 'websocket', connection: 'Upgrade' }),
  ),
  passed(
    'a WebSocket handshake from a listed origin',
    TRUSTING,
    write('GET', { origin: APP, upgrade: 'websocket', connection: 'Upgrade' }),
  ),
  passed(
    'a WebSocket handshake from the server itself',
    TRUSTING,
    write('GET', { origin: SELF, upgrade: 'websocket', connection: 'Upgrade' }),
  ),
  passed(
    'a WebSocket handshake without Origin (not a browser)',
    TRUSTING,
    write('GET', { upgrade: 'websocket', connection: 'Upgrade' }),
  ),
]
