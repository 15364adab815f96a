/** The CORS policy of the example API: the front-ends that may call it, with cookies. */
import type { CorsOptions } from '@corsica/deno'

/** Front-end origins: production, the admin app, and the Vite dev server on any port. */
export const frontEnds = ['https://app.example.com', 'https://admin.example.com', 'http://localhost:*']

/** Shared by the server and its tests. */
export const corsOptions: CorsOptions = {
  origin: frontEnds,
  // The front-ends send the session cookie; ACAO then echoes the origin, never '*'.
  credentials: true,
  methods: ['GET', 'POST', 'DELETE'],
  // content-type: application/json is not CORS-safelisted; x-request-id is ours.
  allowedHeaders: ['content-type', 'x-request-id'],
  exposedHeaders: ['x-request-id'],
  maxAge: 600,
  // Cross-site writes (a form post, a no-cors fetch) and WebSocket handshakes from origins not
  // listed get 403 before the handler: CORS only hides answers, it does not stop requests.
  csrf: true,
  onRefuse: (refusal) => console.warn(`[cors] ${refusal.code}: ${refusal.message} (fix: ${refusal.fix})`),
}
