/** The example API: notes in memory, its CORS one plugin. */
import { cors } from '@corsica/elysia'
import { Elysia, status } from 'elysia'

/** The front ends that may call the API, with cookies: production, admin, and Vite's dev server. */
export const corsOptions = {
  origin: ['https://app.example.com', 'https://admin.example.com', 'http://localhost:*'],
  credentials: true,
  methods: ['GET', 'POST', 'DELETE'],
  allowedHeaders: ['content-type', 'x-request-id'],
  exposedHeaders: ['x-request-id'],
  maxAge: 600,
}

/** A fresh app with its own notes. */
export function createApp() {
  const notes = [{ id: 1, text: 'Try a cross-origin fetch' }]
  let nextId = 2
  return (
    new Elysia()
      // Checked here, at start-up: a bad policy throws a CorsConfigError listing every problem.
      .use(cors(corsOptions))
      .get('/api/notes', () => notes)
      .post('/api/notes', ({ body }) => {
        const text = (body as { text?: unknown } | null)?.text
        if (typeof text !== 'string' || text === '') return status(400, { error: 'text is required' })
        const note = { id: nextId++, text }
        notes.push(note)
        return status(201, note)
      })
      .delete('/api/notes/:id', ({ params }) => {
        const index = notes.findIndex((note) => note.id === Number(params.id))
        if (index === -1) return status(404, { error: 'no such note' })
        notes.splice(index, 1)
        return status(204)
      })
      .get('/api/broken', () => {
        throw new Error('the database is down')
      })
  )
}
