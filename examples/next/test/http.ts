/** The tests' HTTP client (undici, headers exactly as given), the header names, and what Next adds to Vary. */
import type { Answer } from '@corsica/testkit/http'

export { ACAC, ACAH, ACAM, ACAO, ACEH, ACMA } from '@corsica/testkit'
export { type Answer, send } from '@corsica/testkit/http'

/**
 * The names Next adds to Vary by itself: the app router's four on every app-router response
 * (next/dist/server/base-server.js, setVaryHeader) and Accept-Encoding from its compression
 * (added to every compressible response, whatever the request's Accept-Encoding).
 */
export const NEXT_VARY = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
]
const NEXT_ADDED = new Set([...NEXT_VARY, 'accept-encoding'])

/** A Vary value split into its field names. */
export function varyNames(vary: string | null): string[] {
  return (vary ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

/**
 * Whether Next's final Vary is `expected` (what the CORS layer and the handler must produce) plus
 * only names Next adds itself. Vary is a set of case-insensitive field names, and `*` stands for
 * all of them (RFC 9110 §12.5.5), so order does not matter. With `allowDuplicates` false a name
 * may not appear twice.
 */
export function varyMatches(
  expected: string | null,
  observed: string | null,
  allowDuplicates: boolean,
): boolean {
  const seen = varyNames(observed).map((name) => name.toLowerCase())
  if (!allowDuplicates && new Set(seen).size !== seen.length) return false
  const want = new Set(varyNames(expected).map((name) => name.toLowerCase()))
  if (want.has('*')) return seen.includes('*')
  return (
    [...want].every((name) => seen.includes(name)) &&
    seen.every((name) => want.has(name) || NEXT_ADDED.has(name))
  )
}

/** The example policy's origins (lib/cors-options.ts) and one it does not list. */
export const APP = 'https://app.example.com'
export const ADMIN = 'https://admin.example.com'
export const DEV = 'http://localhost:5173'
export const EVIL = 'https://evil.example.net'

/** A CORS-preflight request (Fetch: OPTIONS with Origin and Access-Control-Request-Method). */
export function preflight(origin: string, method: string, requestHeaders?: string) {
  const headers: Record<string, string> = { origin, 'access-control-request-method': method }
  if (requestHeaders) headers['access-control-request-headers'] = requestHeaders
  return { method: 'OPTIONS', headers }
}

/** The Vary names of a response, lower case. */
export function vary(answer: Pick<Answer, 'headers'>): string[] {
  return varyNames(answer.headers.get('vary')).map((name) => name.toLowerCase())
}
