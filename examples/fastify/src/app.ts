/** @module A small notes API in Fastify 5, open to three front ends through @corsica/fastify. */
import corsica from '@corsica/fastify'
import Fastify from 'fastify'

/** The front ends allowed to call the API with the user's cookies. */
export const FRONT_ENDS = [
  'https://app.example.com',
  'https://admin.example.com',
  'https://*.preview.example.com',
]

export async function createApp() {
  const app = Fastify()
  const notes = [{ id: 1, text: 'hello' }]

  // At the root: preflights are answered from onRequest (no OPTIONS route), and every reply,
  // Fastify's error replies and 404s included, gets its CORS headers. Bad options reject here.
  await app.register(corsica, {
    origin: FRONT_ENDS,
    credentials: true,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
    csrf: true, // a cross-site form post from anywhere else gets a 403 before any route runs
  })

  app.get('/api/notes', async (request, reply) => {
    reply.header('x-request-id', request.headers['x-request-id'] ?? 'none')
    return notes
  })
  app.post<{ Body: { text?: string } }>('/api/notes', async (request, reply) => {
    const note = { id: notes.length + 1, text: String(request.body?.text ?? '') }
    notes.push(note)
    return reply.code(201).send(note)
  })
  app.get('/api/broken', async () => {
    throw new Error('database down')
  })
  return app
}
