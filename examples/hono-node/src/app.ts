/** @module The example API: a Hono app whose /api routes are open to the project's front ends. */
import { type CorsOptions, cors } from '@corsica/hono'
import { Hono } from 'hono'

/** Who may call the API from a browser, with the user's cookies. */
export const corsOptions: CorsOptions = {
  origin: ['https://app.example.com', 'https://admin.example.com', 'http://localhost:5173'],
  credentials: true,
  methods: ['GET', 'POST', 'DELETE'],
  allowedHeaders: ['content-type', 'x-request-id'],
  exposedHeaders: ['x-request-id'],
  maxAge: 600,
  // Cross-site writes (a form post, a no-cors fetch) and WebSocket handshakes from origins not
  // listed get 403 before the handler: CORS only hides answers, it does not stop requests.
  csrf: true,
}

/** Builds the app; `cors(...)` throws here, at start-up, if the options are wrong. */
export function createApp(): Hono {
  const app = new Hono()
  app.use('/api/*', cors(corsOptions))

  const notes: string[] = ['buy milk']
  app.get('/api/notes', (c) => c.json(notes, 200, { 'x-request-id': c.req.header('x-request-id') ?? 'none' }))
  app.post('/api/notes', async (c) => {
    const { text } = await c.req.json<{ text: string }>()
    notes.push(text)
    return c.json({ ok: true, count: notes.length }, 201)
  })
  app.delete('/api/notes', (c) => {
    notes.length = 0
    return c.body(null, 204)
  })
  // A bug in a route: the browser still sees the 500 (with CORS headers), not a CORS error.
  app.get('/api/broken', () => {
    throw new Error('the database is down')
  })
  app.onError((error, c) => c.json({ error: error.message }, 500))

  app.get('/', (c) => c.text('Corsica + Hono on Node. Try /api/notes from an allowed origin.\n'))
  return app
}
