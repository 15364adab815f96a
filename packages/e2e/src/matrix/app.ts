/**
 * The API every runtime serves for the browser matrix: `/c/<n>?rid=…` answers through the
 * CORS policy of browser case n, `/_journal?id=…` tells what the API saw for a request id.
 *
 * Runtime-neutral: Node, Deno and workerd load this same module (bundled for the last two).
 * The CORS itself is left to `withCors`, the adapter under test; nothing here decides CORS.
 */
import type { CorsOptions } from '@corsica/core'
import { createJournal, journaled, journalResponse } from '@corsica/demo/journal'
import { apiHandler } from '@corsica/testkit'
import { matrixCases } from './cases'

/** A fetch-style handler with the runtime's extra arguments (Deno's info, workerd's env and ctx). */
export type Handler = (request: Request, ...rest: any[]) => Response | Promise<Response>

/** How a runtime's adapter puts a policy around a handler. */
export type WithCors = (options: CorsOptions, handler: Handler) => Handler

/** The matrix API for pages served on `pagePort`, with CORS from `withCors`. */
export function matrixApp(pagePort: number, withCors: WithCors): Handler {
  const journal = createJournal()
  const routes = matrixCases(pagePort).map((c) =>
    withCors({ ...c.options, onRefuse: journal.refused }, (request) => {
      journal.handlerRan(request)
      return apiHandler()
    }),
  )
  const api = journaled(journal, (request: Request, ...rest: any[]) => {
    const match = /^\/c\/(\d+)$/.exec(new URL(request.url).pathname)
    const route = match ? routes[Number(match[1])] : undefined
    return route ? route(request, ...rest) : new Response('no such case', { status: 404 })
  })
  return (request, ...rest) => {
    if (new URL(request.url).pathname === '/_journal') return journalResponse(journal, request)
    return api(request, ...rest)
  }
}
