/**
 * The shared test table (@corsica/testkit) served by this app, so the tests can run every case
 * through a real `next start`: case `i`'s policy answers on /conformance/mw/i (in the proxy or
 * middleware) and on /conformance/wrapped/i (in route handlers wrapped by `withCors`).
 * Not part of a normal app.
 */
import { type CorsMiddleware, createCorsMiddleware } from '@corsica/next'
import { type Case, cases, handlers } from '@corsica/testkit'

const PATH = /^\/conformance\/mw\/(\d+)$/
const middlewares = new Map<number, CorsMiddleware>()

/** The case a route's `[i]` segment names. */
export function caseAt(i: string): Case | undefined {
  return /^\d+$/.test(i) ? cases[Number(i)] : undefined
}

/** The case's inner handler, as a route handler. */
export function caseHandler(c: Case) {
  return (request: Request) => handlers[c.handler ?? 'ok'](request)
}

/** Case i's CORS middleware for /conformance/mw/i, or null for any other path. */
export function conformanceMiddleware(pathname: string): CorsMiddleware | null {
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
