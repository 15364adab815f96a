/** Table case `i` through route handlers wrapped by `withCors` (see lib/conformance.ts). */
import { type CorsRouteHandlers, type RouteHandler, withCors } from '@corsica/next'
import { caseAt, caseHandler } from '../../../../lib/conformance'

type Context = { params: Promise<{ i: string }> }
type Handlers = CorsRouteHandlers<{ GET: RouteHandler; POST: RouteHandler; OPTIONS: RouteHandler }>

const wrapped = new Map<number, Handlers>()

/** Case i's handlers, wrapped on first use (its options are validated once, like an app's). */
async function routeFor({ params }: Context): Promise<Handlers | undefined> {
  const { i } = await params
  const c = caseAt(i)
  if (c === undefined) return undefined
  let handlers = wrapped.get(Number(i))
  if (handlers === undefined) {
    const inner = caseHandler(c)
    handlers = withCors(c.options, { GET: inner, POST: inner, OPTIONS: inner })
    wrapped.set(Number(i), handlers)
  }
  return handlers
}

const notFound = () => new Response('no such case', { status: 404 })

export async function GET(request: Request, context: Context) {
  return (await routeFor(context))?.GET(request, context) ?? notFound()
}
export async function POST(request: Request, context: Context) {
  return (await routeFor(context))?.POST(request, context) ?? notFound()
}
export async function OPTIONS(request: Request, context: Context) {
  return (await routeFor(context))?.OPTIONS(request, context) ?? notFound()
}
