import { adapterCases, handlers } from '@corsica/testkit'
import type { ActionFunctionArgs, LoaderFunctionArgs } from 'react-router'
import { cors } from '../../../../src/index.ts'

/** As test/table.test.ts numbers them: the shared table, the preflightContinue cases, then the per-origin ones. */
const table = adapterCases
const policies = table.map((c) => cors(c.options))

export const middleware = [
  (args: Parameters<(typeof policies)[0]>[0], next: Parameters<(typeof policies)[0]>[1]) =>
    policies[caseNumber(args)]!(args, next),
]

/** @corsica/testkit/http's sendTableCase names the case in x-table-case; the csrf bypass cases need paths of their own. */
function caseNumber({ request, params }: { request: Request; params: { i?: string } }): number {
  return Number(request.headers.get('x-table-case') ?? params.i)
}

/** GET and HEAD reach the loader, every other method (OPTIONS included) the action. */
function run({ request, params }: LoaderFunctionArgs | ActionFunctionArgs) {
  const c = table[caseNumber({ request, params })]
  if (c === undefined) return new Response('no such case', { status: 404 })
  return handlers[c.handler ?? 'ok'](request)
}
export const loader = run
export const action = run
