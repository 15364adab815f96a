const notes: { text: string }[] = [{ text: 'hello' }]

/** A resource route: no OPTIONS handling of its own, the middleware answers preflights. */
export function loader({ request }: { request: Request }) {
  return Response.json(notes, { headers: { 'x-request-id': request.headers.get('x-request-id') ?? '' } })
}

export async function action({ request }: { request: Request }) {
  const type = request.headers.get('content-type') ?? ''
  const text = type.startsWith('application/json')
    ? String((await request.json()).text)
    : String((await request.formData()).get('text'))
  notes.push({ text })
  return Response.json({ text }, { status: 201 })
}
