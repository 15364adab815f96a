/** The example API: an in-memory list of notes, with no CORS code of its own. */

interface Note {
  id: number
  text: string
}

/** Builds a fresh API handler with its own store. */
export function createApi(): (request: Request) => Promise<Response> {
  const notes: Note[] = [{ id: 1, text: 'Try a cross-origin fetch' }]
  let nextId = 2

  return async (request) => {
    const url = new URL(request.url)
    const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID()
    const json = (body: unknown, status = 200) =>
      Response.json(body, { status, headers: { 'x-request-id': requestId } })

    if (url.pathname === '/api/notes' && request.method === 'GET') return json(notes)
    if (url.pathname === '/api/notes' && request.method === 'POST') {
      const body = (await request.json().catch(() => null)) as { text?: unknown } | null
      if (typeof body?.text !== 'string' || body.text === '') return json({ error: 'text is required' }, 400)
      const note = { id: nextId++, text: body.text }
      notes.push(note)
      return json(note, 201)
    }
    const match = /^\/api\/notes\/(\d+)$/.exec(url.pathname)
    if (match && request.method === 'DELETE') {
      const index = notes.findIndex((note) => note.id === Number(match[1]))
      if (index === -1) return json({ error: 'no such note' }, 404)
      notes.splice(index, 1)
      return new Response(null, { status: 204, headers: { 'x-request-id': requestId } })
    }
    return json({ error: 'not found' }, 404)
  }
}
