/**
 * Recipe: a fetch handler with CORS on Node's own `http`, no framework: `cors.wrap(handler)`
 * served through @hono/node-server's `serve({ fetch })`, a maintained bridge between Node's
 * http and Request/Response. The allowed origins come from `process.env` at module load, so a
 * bad value throws the CorsConfigError before the server listens. Run by docs/recipes tests.
 *
 * express apps keep express's own `cors` middleware (Corsica speaks Request/Response, not
 * express's req/res), or move to Hono (see docs/migration.md).
 */
import { createCors, originsFromEnv } from '@corsica/core'
import { serve } from '@hono/node-server'

const cors = createCors({
  // "https://app.example.com, https://admin.example.com": commas and/or spaces; a bad entry
  // ('*' among origins, an empty one, a trailing slash) throws, naming ALLOWED_ORIGINS.
  origin: originsFromEnv(process.env.ALLOWED_ORIGINS ?? 'https://app.example.com', 'ALLOWED_ORIGINS'),
  credentials: true,
  // Cross-site writes from unlisted origins get 403 before the handler (CORS only hides answers).
  csrf: true,
})

async function handler(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (pathname === '/api/items' && request.method === 'POST')
    return Response.json(await request.json(), { status: 201 })
  if (pathname === '/api/items') return Response.json([{ id: 1 }])
  return new Response('not found', { status: 404 })
}

/** Starts the server; `port: 0` picks a free port. */
export function start(port = Number(process.env.PORT ?? 3000), hostname = '127.0.0.1') {
  return serve({ fetch: cors.wrap(handler), port, hostname })
}

if (import.meta.url === `file://${process.argv[1]}`) start()
