/** @module The example module worker: a small API open to the project's front ends. */
import { type CorsOptions, withCors } from '@corsica/cloudflare'

/** The worker's bindings (scripts/start.mjs sets them; in a real project, wrangler.jsonc). */
export interface Env {
  API_NAME: string
}

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

let lastCron = 'never'

async function route(request: Request, env: Env): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (pathname === '/api/hello' && request.method === 'GET') {
    const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID()
    return Response.json({ hello: env.API_NAME, lastCron }, { headers: { 'x-request-id': requestId } })
  }
  if (pathname === '/api/echo' && request.method === 'POST') {
    return Response.json({ received: await request.json() }, { status: 201 })
  }
  if (pathname === '/api/broken') throw new Error('the database is down')
  return new Response('not found', { status: 404 })
}

/** Stands in for sending the failure to a logging service. */
async function reportFailure(request: Request, error: unknown): Promise<void> {
  console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error)
}

export default withCors(corsOptions, {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    try {
      return await route(request, env)
    } catch (error) {
      // An uncaught exception becomes the platform's own error page, which no code of ours can
      // touch: the browser would then report a CORS error. A 500 we return gets CORS headers.
      ctx.waitUntil(reportFailure(request, error)) // after the response, as a log shipper would
      return Response.json({ error: 'internal error' }, { status: 500 })
    }
  },

  // Untouched by withCors: cron triggers keep working as before.
  async scheduled(controller: ScheduledController): Promise<void> {
    lastCron = controller.cron || 'manual'
  },
} satisfies ExportedHandler<Env>)
