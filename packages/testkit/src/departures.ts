/**
 * Where the browser engines depart from the Fetch standard on CORS, as seen in the engines the
 * tests run (Chromium 156, Firefox 153 ESR, WebKitGTK 2.50). `null`: the engine follows the
 * standard. The end-to-end tests assert each engine's real behaviour from this table, so a
 * browser update that changes one shows up as a failing test. The browser model in
 * browser-model.ts keeps following the standard.
 *
 * Same shape and ids as `ENGINE_DEPARTURES` in @corsica/doctor (src/engines.ts).
 */

/** A browser engine. */
export type Engine = 'chromium' | 'firefox' | 'webkit'

/** One departure: what the standard says, and what each engine does instead (null: follows it). */
export interface EngineDeparture {
  id: string
  standard: string
  engines: Record<Engine, string | null>
}

export const ENGINE_DEPARTURES: readonly EngineDeparture[] = [
  {
    id: 'acah-wildcard-authorization',
    standard:
      'Access-Control-Allow-Headers: * never covers Authorization (Fetch, CORS-preflight fetch step 7.8: ' +
      '"CORS non-wildcard request-header name"); the request must be blocked unless Authorization is listed.',
    engines: {
      chromium:
        'lets Authorization through when a credential-less preflight answers Access-Control-Allow-Headers: *',
      firefox:
        'lets Authorization through when a credential-less preflight answers Access-Control-Allow-Headers: * ' +
        '(follows the standard only with network.cors_preflight.authorization_covered_by_wildcard=false)',
      webkit:
        'lets Authorization through when a credential-less preflight answers Access-Control-Allow-Headers: *',
    },
  },
  {
    id: 'max-age-not-a-number',
    standard:
      'An Access-Control-Max-Age that does not parse as a number means the default (5 seconds): a second ' +
      'identical request within that time reuses the cached preflight (Fetch, CORS-preflight fetch step 7.9).',
    engines: {
      chromium: null,
      firefox: 'does not cache the answer: sends a new preflight for the second request',
      webkit: null,
    },
  },
  {
    id: 'redirect-307-preflight-origin',
    standard:
      "After a cross-origin redirect to a third origin the request's tainted origin flag is set (Fetch, " +
      'HTTP-redirect fetch), so the request itself carries Origin: null; its CORS-preflight request is a new ' +
      "request with the request's origin and no tainted origin flag (Fetch, CORS-preflight fetch step 1), so " +
      "the preflight to the target carries the page's origin.",
    engines: {
      chromium: 'preflights the redirect target with Origin: null, as the request itself',
      firefox: null,
      webkit: 'preflights the redirect target with Origin: null, as the request itself',
    },
  },
]
