import { adapterCases, handlers } from '@corsica/testkit'
import type { APIRoute } from 'astro'

const table = adapterCases

/** Every method, OPTIONS included, runs the handler of the case x-table-case (or the path) names. */
export const tableRoute: APIRoute = ({ request, params }) => {
  const c = table[Number(request.headers.get('x-table-case') ?? params['i'])]
  if (c === undefined) return new Response('no such case', { status: 404 })
  return handlers[c.handler ?? 'ok'](request)
}
