/**
 * Recipe: `Bun.serve({ routes })`. Bun answers a matched route without calling `fetch`, so a
 * `fetch: cors.wrap(...)` leaves every route without CORS (the test shows it). `corsRoutes`
 * wraps each route: a handler, each handler of a per-method object (adding `OPTIONS`, or a
 * preflight to it would never reach the policy), and a static `Response` (served as a copy).
 * Run in Bun by `platforms.test.ts`: `bun run bun-routes.ts`.
 */
import { type CorsPolicy, createCors } from '@corsica/core'

type Handler = (request: Request, server: Bun.Server<undefined>) => Response | Promise<Response>
type Route = Response | Handler | Partial<Record<string, Handler>>

/** Every route with the policy around it. */
export function corsRoutes(cors: CorsPolicy, routes: Record<string, Route>): Record<string, Route> {
  const wrapped: Record<string, Route> = {}
  for (const [path, route] of Object.entries(routes)) {
    if (route instanceof Response) wrapped[path] = cors.wrap(() => route.clone())
    else if (typeof route === 'function') wrapped[path] = cors.wrap(route)
    else {
      const methods: Partial<Record<string, Handler>> = {}
      for (const [method, handler] of Object.entries(route)) methods[method] = cors.wrap(handler!)
      // A plain OPTIONS (not a preflight) gets the methods the route has.
      const allow = Object.keys(route).join(', ')
      methods.OPTIONS ??= cors.wrap(() => new Response(null, { status: 204, headers: { allow } }))
      wrapped[path] = methods
    }
  }
  return wrapped
}

const cors = createCors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] })

if (import.meta.main) {
  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: Number(process.env.PORT ?? 3000),
    routes: corsRoutes(cors, {
      '/health': new Response('ok'),
      '/api/me': () => Response.json({ id: 1 }),
      '/api/notes': { GET: () => Response.json([]), POST: () => Response.json({ id: 2 }, { status: 201 }) },
    }),
    // Requests no route matches still come here.
    fetch: cors.wrap(() => Response.json({ error: 'not found' }, { status: 404 })),
  })
  console.log(`listening on ${server.url.origin}`)
}
