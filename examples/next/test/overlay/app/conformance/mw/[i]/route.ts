/** The inner handler of table case `i`, behind the proxy or middleware (see lib/conformance.ts). */
import { caseAt, caseHandler } from '../../../../lib/conformance'

type Context = { params: Promise<{ i: string }> }

async function run(request: Request, { params }: Context) {
  const c = caseAt((await params).i)
  return c ? caseHandler(c)(request) : new Response('no such case', { status: 404 })
}

export { run as GET, run as POST, run as OPTIONS }
