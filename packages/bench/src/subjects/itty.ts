/** itty-router, bare or with its cors() pair (preflight before the routes, corsify after). */
import { cors, Router } from 'itty-router'
import { handler, listMatcher, originLists, type PolicyId, peerOptions } from '../policy.js'
import type { Handler } from './types.js'

/** The router's fetch, with or without cors(). */
export function ittyRouter(withCors: boolean, policy: PolicyId = 'small'): Handler {
  if (!withCors) return Router().all('/', handler).fetch
  const list = originLists[policy]
  // itty-router takes an array of exact origins, one RegExp or a function: with patterns, a function.
  const allowed = listMatcher(list)
  const { preflight, corsify } = cors({
    origin:
      list.patterns.length === 0
        ? [...list.exact]
        : (origin: string) => (allowed(origin) ? origin : undefined),
    ...peerOptions(),
  })
  return Router({ before: [preflight], finally: [corsify] }).all('/', handler).fetch
}
