/** The inner handler of table case `i`, behind the proxy or middleware (see lib/conformance.ts). */
import { caseAt, caseHandler } from '../../../../../lib/conformance'

type Context = { params: Promise<{ i: string }> }

async function run(request: Request, { params }: Context) {
  const { i } = await params
  if (i === 'context') return new Response('context', { headers: { 'x-handler': 'ran' } })
  const c = caseAt(i)
  return c ? caseHandler(c)(request) : new Response('no such case', { status: 404 })
}

export { run as DELETE, run as GET, run as OPTIONS, run as PATCH, run as POST, run as PUT }
