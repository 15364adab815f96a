/**
 * Browser-level cases: (policy, page, fetch) → what the user sees. Shared by the core's tests
 * (through the browser model) and the end-to-end tests in real Chromium, which must agree.
 * Expected verdicts are reasoned from the Fetch standard's client side.
 */
import type { CorsOptions } from '@corsica/core'
import type { PageRequest } from './browser-model.ts'

/** One browser case. `readable`: header → whether script can read it after the fetch. */
export interface BrowserCase {
  name: string
  options: CorsOptions
  page: PageRequest
  expect: { allowed: boolean; preflight: boolean; reason?: string; readable?: Record<string, boolean> }
}

/** The inner handler of browser cases: JSON with one header to expose and one to keep private. */
export function apiHandler(): Response {
  return new Response('{"ok":true}', {
    headers: {
      'content-type': 'application/json',
      'x-request-id': 'req-42',
      'x-internal': 'secret',
      'x-handler': 'ran',
    },
  })
}

/** Hosts the page origins use; `*.localhost` resolves to loopback in browsers. */
export const PAGE_HOSTS = ['app.localhost', 'eu.app.localhost', 'evil.localhost'] as const

/**
 * The browser cases for pages served on `port` (every page host shares it).
 * Origins: app (listed), eu.app (matched by a pattern only), evil (never listed).
 */
export function browserCases(port: number): BrowserCase[] {
  const app = `http://app.localhost:${port}`
  const eu = `http://eu.app.localhost:${port}`
  const evil = `http://evil.localhost:${port}`
  const list: CorsOptions = {
    origin: [app],
    methods: ['GET', 'POST', 'PUT', 'PATCH'],
    allowedHeaders: ['content-type', 'x-api-key'],
  }
  const json = { 'content-type': 'application/json' }
  const rows: BrowserCase[] = [
    {
      name: 'simple GET from a listed origin',
      options: list,
      page: { origin: app },
      expect: { allowed: true, preflight: false },
    },
    {
      name: 'simple GET from an unlisted origin is blocked',
      options: list,
      page: { origin: evil },
      expect: { allowed: false, preflight: false, reason: 'CORSMissingAllowOrigin' },
    },
    {
      name: 'text/plain POST needs no preflight',
      options: list,
      page: { origin: app, method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' },
      expect: { allowed: true, preflight: false },
    },
    {
      name: 'JSON POST is preflighted and allowed when content-type is allowed',
      options: list,
      page: { origin: app, method: 'POST', headers: json, body: '{}' },
      expect: { allowed: true, preflight: true },
    },
    {
      name: 'JSON POST is blocked when allowedHeaders: [] (safelisted headers only)',
      options: { origin: [app], allowedHeaders: [] },
      page: { origin: app, method: 'POST', headers: json, body: '{}' },
      expect: { allowed: false, preflight: true, reason: 'CORSMissingAllowHeaderFromPreflight' },
    },
    {
      name: 'JSON POST with Authorization passes when allowedHeaders is left out (the names are echoed)',
      options: { origin: [app] },
      page: { origin: app, method: 'POST', headers: { ...json, authorization: 'Bearer t' }, body: '{}' },
      expect: { allowed: true, preflight: true },
    },
    {
      name: 'PUT with a custom header that is allowed',
      options: list,
      page: { origin: app, method: 'PUT', headers: { 'x-api-key': 'k' }, body: 'x' },
      expect: { allowed: true, preflight: true },
    },
    {
      name: 'PUT with a header not in allowedHeaders is blocked at the preflight',
      options: list,
      page: { origin: app, method: 'PUT', headers: { 'x-other': '1' }, body: 'x' },
      expect: { allowed: false, preflight: true, reason: 'CORSMissingAllowHeaderFromPreflight' },
    },
    {
      name: 'DELETE not in methods is blocked at the preflight',
      options: list,
      page: { origin: app, method: 'DELETE' },
      expect: { allowed: false, preflight: true, reason: 'CORSMethodNotFound' },
    },
    {
      name: 'PATCH in upper case is allowed',
      options: list,
      page: { origin: app, method: 'PATCH', body: 'x' },
      expect: { allowed: true, preflight: true },
    },
    {
      name: 'patch in lower case is not normalized by fetch() and is blocked',
      options: list,
      page: { origin: app, method: 'patch', body: 'x' },
      expect: { allowed: false, preflight: true, reason: 'CORSMethodNotFound' },
    },
    {
      name: "DELETE not in methods, with preflightRefusals: 'opaque', fails the preflight as a whole",
      options: { ...list, preflightRefusals: 'opaque' },
      page: { origin: app, method: 'DELETE' },
      expect: { allowed: false, preflight: true, reason: 'CORSPreflightDidNotSucceed' },
    },
    {
      name: 'preflight from an unlisted origin is blocked',
      options: list,
      page: { origin: evil, method: 'PUT', body: 'x' },
      expect: { allowed: false, preflight: true, reason: 'CORSPreflightDidNotSucceed' },
    },
    {
      name: 'credentialed GET with credentials: true',
      options: { origin: [app], credentials: true },
      page: { origin: app, credentials: 'include' },
      expect: { allowed: true, preflight: false },
    },
    {
      name: 'credentialed GET without credentials: true is blocked',
      options: { origin: [app] },
      page: { origin: app, credentials: 'include' },
      expect: { allowed: false, preflight: false, reason: 'CORSMissingAllowCredentials' },
    },
    {
      name: "public '*' policy allows any origin",
      options: { origin: '*' },
      page: { origin: evil },
      expect: { allowed: true, preflight: false },
    },
    {
      name: "public '*' policy blocks a credentialed request",
      options: { origin: '*' },
      page: { origin: evil, credentials: 'include' },
      expect: { allowed: false, preflight: false, reason: 'CORSNotSupportingCredentials' },
    },
    {
      name: 'a subdomain matched by a pattern is allowed, with credentials',
      options: { origin: [`http://*.app.localhost:${port}`], credentials: true },
      page: { origin: eu, credentials: 'include' },
      expect: { allowed: true, preflight: false },
    },
    {
      name: 'the apex of a subdomain pattern is blocked',
      options: { origin: [`http://*.app.localhost:${port}`] },
      page: { origin: app },
      expect: { allowed: false, preflight: false, reason: 'CORSMissingAllowOrigin' },
    },
    {
      name: 'a port wildcard pattern allows the page',
      options: { origin: ['http://app.localhost:*'] },
      page: { origin: app },
      expect: { allowed: true, preflight: false },
    },
    {
      name: "allowedHeaders '*' covers Authorization",
      options: { origin: [app], allowedHeaders: '*' },
      page: { origin: app, headers: { authorization: 'Bearer t', 'x-trace': '1' } },
      expect: { allowed: true, preflight: true },
    },
    {
      name: "methods '*' with credentials allows a custom method",
      options: { origin: [app], methods: '*', credentials: true },
      page: { origin: app, method: 'PROPFIND', credentials: 'include' },
      expect: { allowed: true, preflight: true },
    },
    {
      name: 'an exposed header is readable, another is not',
      options: { origin: [app], exposedHeaders: ['x-request-id'] },
      page: { origin: app },
      expect: {
        allowed: true,
        preflight: false,
        readable: { 'x-request-id': true, 'x-internal': false, 'content-type': true },
      },
    },
    {
      name: "exposedHeaders '*' exposes every header without credentials",
      options: { origin: [app], exposedHeaders: '*' },
      page: { origin: app },
      expect: { allowed: true, preflight: false, readable: { 'x-request-id': true, 'x-internal': true } },
    },
    {
      name: 'safelisted Accept-Language and Content-Language need no preflight',
      options: { origin: [app] },
      page: { origin: app, headers: { 'accept-language': 'en-GB', 'content-language': 'de' } },
      expect: { allowed: true, preflight: false },
    },
    {
      name: 'an async origin function allows a partner origin',
      options: { origin: async (origin) => origin === eu, credentials: true },
      page: { origin: eu, method: 'PUT', credentials: 'include', body: 'x' },
      expect: { allowed: true, preflight: true },
    },
    {
      name: 'an async origin function refuses others',
      options: { origin: async (origin) => origin === eu },
      page: { origin: app },
      expect: { allowed: false, preflight: false, reason: 'CORSMissingAllowOrigin' },
    },
  ]
  return rows
}
