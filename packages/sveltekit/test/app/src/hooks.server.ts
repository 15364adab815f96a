/**
 * The test app's hooks: the shared table's policy i on /conformance/i, no CORS at all under
 * /bare (what SvelteKit does by itself), and one app policy everywhere else, composed with a
 * later hook by `sequence` as an app would.
 */
import { adapterCases } from '@corsica/testkit'
import type { Handle } from '@sveltejs/kit'
import { sequence } from '@sveltejs/kit/hooks'
import { cors } from '../../../src/index.ts'

/** As test/table.test.ts numbers them: the shared table, the preflightContinue cases, then the per-origin ones. */
const table = adapterCases.map((c) => cors(c.options))

export const APP = 'https://app.example.com'
const app = cors({
  origin: [APP],
  credentials: true,
  allowedHeaders: ['content-type'],
  exposedHeaders: ['x-later-hook'],
})

const byPath: Handle = (input) => {
  const { pathname } = input.event.url
  // @corsica/testkit/http's sendTableCase names the case in x-table-case; the csrf bypass cases need paths of their own.
  const tableCase =
    input.event.request.headers.get('x-table-case') ?? /^\/conformance\/(\d+)$/.exec(pathname)?.[1]
  if (tableCase !== undefined) return table[Number(tableCase)]!(input)
  if (pathname.startsWith('/bare/')) return input.resolve(input.event)
  return app(input)
}

/**
 * A hook after the CORS one, as `sequence(cors(...), yours)` runs it. Only on /api/items:
 * SvelteKit sets `setHeaders` headers on the route's Response itself, so on a Response.redirect()
 * (immutable headers) it throws and answers 500 (@sveltejs/kit 2.70), CORS or not.
 */
const later: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/api/items') event.setHeaders({ 'x-later-hook': 'ran' })
  if (event.url.pathname === '/api/hook-throws') throw new Error('a later hook failed')
  return resolve(event)
}

export const handle = sequence(byPath, later)
