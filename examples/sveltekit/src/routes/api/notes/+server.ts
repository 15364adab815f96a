import { json, type RequestHandler } from '@sveltejs/kit'

const notes: { text: string }[] = [{ text: 'hello' }]

/** No OPTIONS export: the CORS hook answers preflights. */
export const GET: RequestHandler = () => json(notes)

export const POST: RequestHandler = async ({ request }) => {
  const type = request.headers.get('content-type') ?? ''
  const text = type.startsWith('application/json')
    ? String((await request.json()).text)
    : String((await request.formData()).get('text'))
  notes.push({ text })
  return json({ text }, { status: 201 })
}
