/**
 * Recipe: a Vercel Function without a framework (`api/notes.ts`). Vercel gives the default
 * export's `fetch` a Fetch Request for every method, so one `cors.wrap` answers preflights and
 * puts the headers on every other answer. With per-method exports (`export function GET`),
 * wrap each one and export `OPTIONS` too: a preflight is an OPTIONS request, and a file without
 * that export hands it to no code of yours. Tested by `platforms.test.ts`.
 */
import { createCors } from '@corsica/core'

const cors = createCors({
  origin: ['https://app.example.com'],
  allowedHeaders: ['content-type'],
})

export default {
  fetch: cors.wrap(async (request: Request) => {
    if (request.method === 'POST') return Response.json(await request.json(), { status: 201 })
    return Response.json({ notes: [] })
  }),
}
