/**
 * The matrix API on SvelteKit: /c/<n> answers through `cors(options)` of matrix case n, as
 * `export const handle = cors(options)` would, in front of the route src/routes/c/[n]; /_journal
 * tells what the API saw. Same cases and journal as src/matrix/app.ts, which the other runtimes use.
 */
import { journaled, journalResponse } from '@corsica/demo/journal'
import { cors } from '@corsica/sveltekit'
import type { Handle } from '@sveltejs/kit'
import { matrixCases } from '../../../cases.ts'
import { journal } from './journal.ts'

const handles = matrixCases(Number(process.env['PAGE_PORT'])).map((c) =>
  cors({ ...c.options, onRefuse: journal.refused }),
)

export const handle: Handle = (input) => {
  const { pathname } = input.event.url
  if (pathname === '/_journal') return journalResponse(journal, input.event.request)
  const match = /^\/c\/(\d+)$/.exec(pathname)
  const caseHandle = match ? handles[Number(match[1])] : undefined
  if (caseHandle === undefined) return new Response('no such case', { status: 404 })
  return journaled(journal, () => caseHandle(input))(input.event.request)
}
