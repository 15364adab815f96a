/**
 * The matrix: the testkit's browser cases, shared with the core's own tests, plus cases only
 * a real browser can settle here. Expectations are reasoned from the Fetch standard.
 */
import { type BrowserCase, browserCases } from '@corsica/testkit'

/** Cases beyond the testkit's, for pages served on `port`. */
export function extraCases(port: number): BrowserCase[] {
  const app = `http://app.localhost:${port}`
  const eu = `http://eu.app.localhost:${port}`
  const evil = `http://evil.localhost:${port}`
  const deep = `http://a.b.app.localhost:${port}`
  const subdomains = /^http:\/\/[a-z]+\.app\.localhost:\d+$/
  return [
    {
      name: 'a RegExp origin allows a subdomain it matches',
      options: { origin: subdomains },
      page: { origin: eu },
      expect: { allowed: true, preflight: false },
    },
    {
      name: 'a RegExp origin refuses an origin it does not match',
      options: { origin: subdomains },
      page: { origin: evil },
      expect: { allowed: false, preflight: false, reason: 'CORSMissingAllowOrigin' },
    },
    {
      name: 'a list mixing an exact origin and a pattern allows a credentialed JSON PUT from the pattern',
      options: {
        origin: [app, 'http://*.app.localhost:*'],
        credentials: true,
        allowedHeaders: ['content-type'],
      },
      page: {
        origin: eu,
        method: 'PUT',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
      },
      expect: { allowed: true, preflight: true },
    },
    {
      // A pattern's `*` stands for one or more labels; the page's site is still app.localhost,
      // so its cookie travels too.
      name: 'a subdomain pattern allows a two-label subdomain, with credentials',
      options: { origin: [`http://*.app.localhost:${port}`], credentials: true },
      page: { origin: deep, credentials: 'include' },
      expect: { allowed: true, preflight: false },
    },
    {
      // Fetch, CORS-preflight fetch: a CORS-safelisted method passes whatever
      // Access-Control-Allow-Methods says; only the JSON content-type made this a preflight.
      name: "a preflighted POST passes when methods lists only 'GET'",
      options: { origin: [app], methods: ['GET'], allowedHeaders: ['content-type'] },
      page: { origin: app, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      expect: { allowed: true, preflight: true },
    },
    {
      // Header names are case-insensitive; the browser sends them lower-cased in the preflight.
      name: 'a header allowed in another letter case is allowed',
      options: { origin: [app], allowedHeaders: ['X-Api-Key'] },
      page: { origin: app, headers: { 'X-API-KEY': 'k' } },
      expect: { allowed: true, preflight: true },
    },
    {
      name: 'a preflight answer cached for 600 seconds',
      options: { origin: [app], methods: ['PUT'], maxAge: 600 },
      page: { origin: app, method: 'PUT', body: 'x' },
      expect: { allowed: true, preflight: true },
    },
    {
      name: 'a preflight answer that may not be cached (maxAge 0)',
      options: { origin: [app], methods: ['PUT'], maxAge: 0 },
      page: { origin: app, method: 'PUT', body: 'x' },
      expect: { allowed: true, preflight: true },
    },
  ]
}

/** Every case of the matrix, in a fixed order: `/c/<index>` on the API serves case `index`. */
export function matrixCases(port: number): BrowserCase[] {
  return [...browserCases(port), ...extraCases(port)]
}
