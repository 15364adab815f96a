/**
 * The refusal classes of the troubleshooting guide (docs/troubleshooting.md): for each, a
 * Corsica policy and the page's `fetch()` that it refuses. The console tests make each call
 * from a real page origin and read what the browser printed.
 */
import type { CorsOptions, RefusalCode } from '@corsica/core'

/** One refusal class: the policy, the page's origin (listed or not) and its `fetch()`. */
export interface RefusalClass {
  /** The key of its row in the troubleshooting table. */
  id: string
  title: string
  /** A Corsica policy, or (for the mistakes of other servers) a handler that makes the mistake. */
  options?: CorsOptions
  server?: (request: Request) => Response
  /**
   * The page's origin: `app` is listed in every policy below that lists origins, `evil` never
   * is, and `public` is listed but served from an address the browser is told is public (so
   * that a call to the API on loopback is a private network request).
   */
  from: 'app' | 'evil' | 'public'
  init: { method?: string; headers?: Record<string, string>; credentials?: 'include'; body?: string }
  /** Whether the page's origin is allowed: its refusal must never make the browser blame the origin. */
  originAllowed: boolean
  /** What Corsica's onRefuse receives when Chromium makes the call (none: the policy granted it). */
  code?: RefusalCode
}

/** Echoes the request's Origin (how other servers grant it), with `extra` headers. */
function echo(request: Request, init: ResponseInit & { headers?: Record<string, string> } = {}): Response {
  const origin = request.headers.get('origin') ?? ''
  return new Response(init.status && init.status >= 300 && init.status < 400 ? null : 'ok', {
    ...init,
    headers: { 'access-control-allow-origin': origin, ...init.headers },
  })
}

/** The classes, for an API whose listed page origin is `app`. */
export function refusalClasses(app: string, publicOrigin: string): RefusalClass[] {
  const list: CorsOptions = { origin: [app], methods: ['GET', 'POST', 'PUT', 'PATCH'] }
  return [
    {
      id: 'origin-not-listed',
      title: 'origin not listed (simple GET)',
      options: list,
      from: 'evil',
      init: {},
      originAllowed: false,
      code: 'origin-not-allowed',
    },
    {
      id: 'origin-not-listed-preflight',
      title: 'origin not listed (preflighted PUT)',
      options: list,
      from: 'evil',
      init: { method: 'PUT', body: 'x' },
      originAllowed: false,
      code: 'origin-not-allowed',
    },
    {
      id: 'method-not-listed',
      title: 'method not listed',
      options: list,
      from: 'app',
      init: { method: 'DELETE' },
      originAllowed: true,
      code: 'method-not-allowed',
    },
    {
      id: 'method-lower-case',
      title: 'lower-case method',
      options: list,
      from: 'app',
      init: { method: 'patch', body: 'x' },
      originAllowed: true,
      code: 'method-not-allowed',
    },
    {
      id: 'header-not-listed',
      title: 'header not listed',
      options: { ...list, allowedHeaders: ['content-type'] },
      from: 'app',
      init: { headers: { 'x-api-key': 'k' } },
      originAllowed: true,
      code: 'header-not-allowed',
    },
    {
      id: 'json-content-type',
      title: "JSON body without 'content-type' allowed",
      // Left out, allowedHeaders grants what the page asks for: [] is the safelisted headers only.
      options: { ...list, allowedHeaders: [] },
      from: 'app',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      originAllowed: true,
      code: 'header-not-allowed',
    },
    {
      id: 'credentials-wildcard',
      title: "credentials with origin '*'",
      options: { origin: '*' },
      from: 'app',
      init: { credentials: 'include' },
      originAllowed: true,
    },
    {
      id: 'credentials-off',
      title: 'credentials without credentials: true',
      options: list,
      from: 'app',
      init: { credentials: 'include' },
      originAllowed: true,
    },
    {
      id: 'private-network',
      title: 'private network request from a public page',
      options: { origin: [publicOrigin] },
      from: 'public',
      init: {},
      originAllowed: true,
    },
    // Mistakes Corsica never makes, for users who came here from another server.
    {
      id: 'other-preflight-status',
      title: 'another server: the preflight reaches authentication (401)',
      server: (r) => (r.method === 'OPTIONS' ? echo(r, { status: 401 }) : echo(r)),
      from: 'app',
      init: { method: 'PUT', body: 'x' },
      originAllowed: true,
    },
    {
      id: 'other-preflight-redirect',
      title: 'another server: the preflight is redirected',
      server: (r) =>
        r.method === 'OPTIONS' ? echo(r, { status: 301, headers: { location: '/elsewhere' } }) : echo(r),
      from: 'app',
      init: { method: 'PUT', body: 'x' },
      originAllowed: true,
    },
    {
      id: 'other-multiple-origins',
      title: 'another server: the whole origin list in Access-Control-Allow-Origin',
      server: () =>
        new Response('ok', {
          headers: { 'access-control-allow-origin': `${app}, https://admin.example.com` },
        }),
      from: 'app',
      init: {},
      originAllowed: true,
    },
    {
      id: 'other-origin-mismatch',
      title: 'another server: a fixed origin with a trailing slash',
      server: () => new Response('ok', { headers: { 'access-control-allow-origin': `${app}/` } }),
      from: 'app',
      init: {},
      originAllowed: true,
    },
  ]
}
