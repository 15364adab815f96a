import type { APIRoute } from 'astro'

/** GET and POST only: no OPTIONS export. */
export const GET: APIRoute = () => Response.json([{ id: 1 }])
export const POST: APIRoute = async ({ request }) =>
  Response.json({ received: await request.text() }, { status: 201 })
