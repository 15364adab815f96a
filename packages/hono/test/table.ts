/**
 * The shared table as Hono apps: one app per case, the same in every runtime (Node, workerd,
 * Deno). Imports carry `.ts` so Deno can load this file as it is.
 */
import { type Case, cases, checkOutcome, handlers, type PerOriginCase, toRequest } from '@corsica/testkit'
import { Hono } from 'hono'
import { cors } from '../src/index.ts'
import type { HonoCors } from '../src/middleware.ts'

/** A Hono app for `c`: `cors(c.options)` on every path, then the case's handler. `use` is `cors` of an entry. */
export function appFor(c: Case | PerOriginCase, use: HonoCors = cors): Hono {
  const app = new Hono()
  app.use('*', use(c.options))
  const handler = handlers[c.handler ?? 'ok']
  app.all('*', (ctx) => handler(ctx.req.raw))
  return app
}

/** Sends `c` to its app in-process (`app.request`) and returns what differs from the case. */
export async function runInProcess(c: Case | PerOriginCase, use: HonoCors = cors): Promise<string[]> {
  return checkOutcome(c, await appFor(c, use).request(toRequest(c)))
}

/**
 * A smoke set for runtimes where running the whole table is costly: one case of each kind
 * (preflight granted/refused, plain OPTIONS, actual granted/refused, credentials, async origin
 * function, immutable response).
 */
export const smokeCases: Case[] = [
  'preflight from an allowed origin is answered without the handler',
  'preflight from a refused origin grants nothing',
  'plain OPTIONS goes to the handler',
  'preflight for a header not in allowedHeaders gets the headers of the policy, without it',
  'GET from an allowed origin with credentials and exposed headers',
  'POST from a refused origin: the handler runs, nothing is granted',
  'an async origin function answers a preflight',
  "the handler's own CORS headers are removed for a refused origin",
  'an immutable redirect response gets its headers through a copy',
].map((name) => {
  const found = cases.find((c) => c.name === name)
  if (found === undefined) throw new Error(`smoke case not in the shared table: ${name}`)
  return found
})

export { cases }
