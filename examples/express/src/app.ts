/** @module A small notes API in Express 5, open to three front ends through @corsica/node. */
import { cors } from '@corsica/node'
import express, { type ErrorRequestHandler, type Express } from 'express'

/** The front ends allowed to call the API with the user's cookies. */
export const FRONT_ENDS = [
  'https://app.example.com',
  'https://admin.example.com',
  'https://*.preview.example.com',
]

export function createApp(): Express {
  const app = express()
  const notes = [{ id: 1, text: 'hello' }]

  // Before the routes: preflights are answered here (no app.options needed), and every answer
  // below, error pages and 404s included, gets its CORS headers. Bad options throw here, at start-up.
  app.use(
    '/api',
    cors({
      origin: FRONT_ENDS,
      credentials: true,
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['content-type', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
      csrf: true, // a cross-site form post from anywhere else gets a 403 before any route runs
    }),
  )
  app.use(express.json())

  app.get('/api/notes', (req, res) => {
    res.set('x-request-id', req.get('x-request-id') ?? 'none').json(notes)
  })
  app.post('/api/notes', (req, res) => {
    const note = { id: notes.length + 1, text: String(req.body?.text ?? '') }
    notes.push(note)
    res.status(201).json(note)
  })
  app.get('/api/broken', () => {
    throw new Error('database down')
  })

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    res.status(500).json({ error: (error as Error).message })
  }
  app.use(onError)
  return app
}
