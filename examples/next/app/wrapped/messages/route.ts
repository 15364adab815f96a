/** Route handlers that carry CORS themselves (no middleware on this path): `withCors`. */
import { withCors } from '@corsica/next'
import { corsOptions } from '@/lib/cors-options'

async function listMessages(_request: Request, context: { params: Promise<Record<string, never>> }) {
  await context.params // the route context reaches the handler through withCors
  return Response.json([{ id: 1, text: 'hello' }], { headers: { 'x-request-id': 'wrapped' } })
}

async function addMessage(request: Request) {
  const { text } = (await request.json()) as { text: string }
  return Response.json({ id: 2, text }, { status: 201 })
}

export const { GET, POST, OPTIONS } = withCors(corsOptions, { GET: listMessages, POST: addMessage })
