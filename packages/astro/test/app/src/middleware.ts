/**
 * The test app's middleware: the shared table's policy i on /conformance/i, no CORS under /bare
 * (what Astro does by itself) but a naive middleware that marks what passes through it, and one app policy everywhere else.
 */
import { adapterCases } from '@corsica/testkit'
import type { MiddlewareHandler } from 'astro'
import { cors } from '../../../src/index.ts'

/** As test/table.test.ts numbers them: the shared table, the preflightContinue cases, then the per-origin ones. */
const table = adapterCases.map((c) => cors(c.options))

const appOptions = {
  origin: ['https://app.example.com'],
  credentials: true,
  allowedHeaders: ['content-type'],
}
const app = cors(appOptions)
/** The same policy with onError, chosen by x-on-error: test/on-error.test.ts. */
const onError = {
  shape: cors({
    ...appOptions,
    onError: (error: unknown) => Response.json({ error: (error as Error).message }, { status: 503 }),
  }),
  rethrow: cors({ ...appOptions, onError: false }),
}

export const onRequest: MiddlewareHandler = (context, next) => {
  const { pathname } = context.url
  // @corsica/testkit/http's sendTableCase names the case in x-table-case; the csrf bypass cases need paths of their own.
  const tableCase =
    context.request.headers.get('x-table-case') ?? /^\/conformance\/(\d+)$/.exec(pathname)?.[1]
  if (tableCase !== undefined) return table[Number(tableCase)]!(context, next)
  if (pathname.startsWith('/bare/')) return naive(next)
  const chosen = context.request.headers.get('x-on-error')
  if (chosen === 'shape' || chosen === 'rethrow') return onError[chosen](context, next)
  return app(context, next)
}

/** What a first middleware looks like: it marks the answer after next(). */
async function naive(next: () => Promise<Response>): Promise<Response> {
  const response = await next()
  response.headers.set('x-naive-middleware', 'ran')
  return response
}
