/** The example API: notes in memory, its CORS one middleware. */
import { cors } from '@corsica/h3'
import { H3, HTTPError } from 'h3'
import { corsOptions } from './cors-options.ts'

/** A fresh app with its own notes. */
export function createApp(): H3 {
  const notes = [{ id: 1, text: 'Try a cross-origin fetch' }]
  let nextId = 2
  return (
    new H3()
      // Checked here, at start-up: a bad policy throws a CorsConfigError listing every problem.
      .use('/api/**', cors(corsOptions))
      .get('/api/notes', () => notes)
      .post('/api/notes', async (event) => {
        const body = (await event.req.json().catch(() => null)) as { text?: unknown } | null
        if (typeof body?.text !== 'string' || body.text === '')
          throw new HTTPError({ status: 400, message: 'text is required' })
        const note = { id: nextId++, text: body.text }
        notes.push(note)
        event.res.status = 201
        return note
      })
      .delete('/api/notes/:id', (event) => {
        const index = notes.findIndex((note) => note.id === Number(event.context.params?.id))
        if (index === -1) throw new HTTPError({ status: 404, message: 'no such note' })
        notes.splice(index, 1)
        return new Response(null, { status: 204 })
      })
      .get('/api/broken', () => {
        throw new Error('the database is down')
      })
  )
}
