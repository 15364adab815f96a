import type { CorsOptions } from '@corsica/sveltekit'

/**
 * The one list of origins the app trusts: they may read its answers (CORS) and send it writes
 * (`csrf`); every other origin's POST, PUT, PATCH or DELETE is refused 403 before a route runs.
 */
export const corsOptions: CorsOptions = {
  origin: ['https://app.example.com', 'https://*.preview.example.com'],
  credentials: true,
  allowedHeaders: ['content-type', 'x-request-id'],
  exposedHeaders: ['x-request-id'],
  maxAge: 600,
  csrf: true,
}
