/** The CORS policy of the example, shared by the h3 app and the Nitro middleware. */
import type { CorsOptions } from '@corsica/h3'

/** The front ends that may call the API, with cookies: production, admin, and Vite's dev server. */
export const corsOptions: CorsOptions = {
  origin: ['https://app.example.com', 'https://admin.example.com', 'http://localhost:*'],
  credentials: true,
  methods: ['GET', 'POST', 'DELETE'],
  allowedHeaders: ['content-type', 'x-request-id'],
  exposedHeaders: ['x-request-id'],
  maxAge: 600,
}
