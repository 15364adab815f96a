/** itty-router, bare or with its cors() pair (preflight before the routes, corsify after). */
import { cors, Router } from 'itty-router'
import { allowedHeaders, allowedMethods, allowedOrigins, exposedHeaders, handler, maxAge } from '../policy.js'
import type { Handler } from './types.js'

/** The router's fetch, with or without cors(). */
export function ittyRouter(withCors: boolean): Handler {
  if (!withCors) return Router().all('/', handler).fetch
  const { preflight, corsify } = cors({
    origin: [...allowedOrigins],
    allowMethods: [...allowedMethods],
    allowHeaders: [...allowedHeaders],
    exposeHeaders: [...exposedHeaders],
    credentials: true,
    maxAge,
  })
  return Router({ before: [preflight], finally: [corsify] }).all('/', handler).fetch
}
