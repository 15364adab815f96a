import type { APIRoute } from 'astro'

const notes: { text: string }[] = [{ text: 'hello' }]

/** No OPTIONS export: the CORS middleware answers preflights. */
export const GET: APIRoute = () => Response.json(notes)

export const POST: APIRoute = async ({ request }) => {
  const type = request.headers.get('content-type') ?? ''
  const text = type.startsWith('application/json')
    ? String((await request.json()).text)
    : String((await request.formData()).get('text'))
  notes.push({ text })
  return Response.json({ text }, { status: 201 })
}
