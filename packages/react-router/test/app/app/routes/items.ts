/** A resource route: a loader for GET, an action for POST, no OPTIONS handling of its own. */
export const loader = () => Response.json([{ id: 1 }])
export const action = async ({ request }: { request: Request }) =>
  Response.json({ received: await request.text() }, { status: 201 })
