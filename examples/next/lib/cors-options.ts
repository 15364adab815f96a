import type { CorsOptions } from '@corsica/next'

/**
 * The app's CORS policy: two front-ends and a local dev server may call the API with the user's
 * cookies, send an `x-request-id` header, and read the `x-request-id` the server answers with.
 */
export const corsOptions: CorsOptions = {
  origin: ['https://app.example.com', 'https://admin.example.com', 'http://localhost:5173'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['content-type', 'x-request-id'],
  exposedHeaders: ['x-request-id'],
  maxAge: 600,
  // Cross-site writes (a form post, a no-cors fetch) and WebSocket handshakes from origins not
  // listed get 403 before the handler: CORS only hides answers, it does not stop requests.
  csrf: true,
}
