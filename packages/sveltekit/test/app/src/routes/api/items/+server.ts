import { json, type RequestHandler } from '@sveltejs/kit'

/** GET and POST only: no OPTIONS export. */
export const GET: RequestHandler = () => json([{ id: 1 }])
export const POST: RequestHandler = async ({ request }) =>
  json({ received: await request.text() }, { status: 201 })
