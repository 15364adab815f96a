/**
 * The refusal classes of the troubleshooting guide (docs/troubleshooting.md): for each, a
 * Corsica policy and the page's `fetch()` that it refuses. The console tests make each call
 * from a real page origin and read what the browser printed.
 */
import type { CorsOptions } from '@corsica/core'

/** One refusal class: the policy, the page's origin (listed or not) and its `fetch()`. */
export interface RefusalClass {
  /** The key of its row in the troubleshooting table. */
  id: string
  title: string
  options: CorsOptions
  /**
   * The page's origin: `app` is listed in every policy below that lists origins, `evil` never
   * is, and `public` is listed but served from an address the browser is told is public (so
   * that a call to the API on loopback is a private network request).
   */
  from: 'app' | 'evil' | 'public'
  init: { method?: string; headers?: Record<string, string>; credentials?: 'include'; body?: string }
  /** Whether the page's origin is allowed: its refusal must never make the browser blame the origin. */
  originAllowed: boolean
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
    },
    {
      id: 'origin-not-listed-preflight',
      title: 'origin not listed (preflighted PUT)',
      options: list,
      from: 'evil',
      init: { method: 'PUT', body: 'x' },
      originAllowed: false,
    },
    {
      id: 'method-not-listed',
      title: 'method not listed',
      options: list,
      from: 'app',
      init: { method: 'DELETE' },
      originAllowed: true,
    },
    {
      id: 'method-lower-case',
      title: 'lower-case method',
      options: list,
      from: 'app',
      init: { method: 'patch', body: 'x' },
      originAllowed: true,
    },
    {
      id: 'header-not-listed',
      title: 'header not listed',
      options: { ...list, allowedHeaders: ['content-type'] },
      from: 'app',
      init: { headers: { 'x-api-key': 'k' } },
      originAllowed: true,
    },
    {
      id: 'json-content-type',
      title: "JSON body without 'content-type' allowed",
      options: list,
      from: 'app',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      originAllowed: true,
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
  ]
}
