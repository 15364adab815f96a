/**
 * The shared test table (@corsica/testkit) served by this app, so the tests can run every case
 * through a real `next start`: case `i`'s policy answers on /conformance/mw/i (in the proxy or
 * middleware) and on /conformance/wrapped/i (in route handlers wrapped by `withCors`).
 * Not part of a normal app.
 */
import { type CorsMiddleware, createCorsMiddleware } from '@corsica/next'
import { type Case, cases, continueCases, handlers } from '@corsica/testkit'

/** The shared table, then the preflightContinue cases: case i is `tableCases[i]`. */
export const tableCases: Case[] = [...cases, ...continueCases]

// Case i's path: /conformance/mw/i, then the case's own request path (csrf.bypass reads it).
const PATH = /^\/conformance\/mw\/(\d+)(?:\/.*)?$/
const middlewares = new Map<number, CorsMiddleware>()

/** The case a route's `[i]` segment names. */
export function caseAt(i: string): Case | undefined {
  return /^\d+$/.test(i) ? tableCases[Number(i)] : undefined
}

/** The case's inner handler, as a route handler. */
export function caseHandler(c: Case) {
  return (request: Request) => handlers[c.handler ?? 'ok'](request)
}

/**
 * On /conformance/mw/context: grants https://app.test only when the origin function receives
 * Next's event (`(origin, request, event)`), so the route answers with the grant or without it.
 */
const contextMiddleware = createCorsMiddleware({
  origin: (origin, _request, event) =>
    origin === 'https://app.test' && typeof event?.waitUntil === 'function',
})

/** Case i's CORS middleware for /conformance/mw/i, or null for any other path. */
export function conformanceMiddleware(pathname: string): CorsMiddleware | null {
  if (pathname === '/conformance/mw/context') return contextMiddleware
  const i = PATH.exec(pathname)?.[1]
  const c = i === undefined ? undefined : caseAt(i)
  if (c === undefined) return null
  const index = Number(i)
  // Created on first use: a case's options are validated once, like an app's.
  let middleware = middlewares.get(index)
  if (middleware === undefined) {
    middleware = createCorsMiddleware(c.options)
    middlewares.set(index, middleware)
  }
  return middleware
}
