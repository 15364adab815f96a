import { cases, continueCases, handlers } from '@corsica/testkit'
import type { APIRoute } from 'astro'

const table = [...cases, ...continueCases]

/** Every method, OPTIONS included, runs the case's handler. */
export const ALL: APIRoute = ({ request, params }) => {
  const c = table[Number(params.i)]
  if (c === undefined) return new Response('no such case', { status: 404 })
  return handlers[c.handler ?? 'ok'](request)
}
