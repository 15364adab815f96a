/** Table case `i` through route handlers wrapped by `withCors` (see lib/conformance.ts). */
import { type CorsRouteHandlers, type RouteHandler, withCors } from '@corsica/next'
import { caseAt, caseHandler } from '../../../../../lib/conformance'

type Context = { params: Promise<{ i: string }> }
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'
type Handlers = CorsRouteHandlers<Record<Method, RouteHandler>>

const wrapped = new Map<number, Handlers>()

/** Case i's handlers, wrapped on first use (its options are validated once, like an app's). */
async function routeFor({ params }: Context): Promise<Handlers | undefined> {
  const { i } = await params
  const c = caseAt(i)
  if (c === undefined) return undefined
  let handlers = wrapped.get(Number(i))
  if (handlers === undefined) {
    const inner = caseHandler(c)
    handlers = withCors(c.options, {
      GET: inner,
      POST: inner,
      PUT: inner,
      PATCH: inner,
      DELETE: inner,
      OPTIONS: inner,
    })
    wrapped.set(Number(i), handlers)
  }
  return handlers
}

const notFound = () => new Response('no such case', { status: 404 })

/** One route handler per method, each running case i's wrapped handler of that method. */
function handle(method: Method) {
  return async (request: Request, context: Context) =>
    (await routeFor(context))?.[method](request, context) ?? notFound()
}

export const GET = handle('GET')
export const POST = handle('POST')
export const PUT = handle('PUT')
export const PATCH = handle('PATCH')
export const DELETE = handle('DELETE')
export const OPTIONS = handle('OPTIONS')
