import { defineMiddleware, sequence } from 'astro:middleware'
import { cors } from '@corsica/astro'

/** The app's own middleware, after CORS: a request id on every answer. */
const requestId = defineMiddleware(async (context, next) => {
  const id = context.request.headers.get('x-request-id') ?? crypto.randomUUID()
  const response = await next()
  response.headers.set('x-request-id', id)
  return response
})

/**
 * The one list of origins the app trusts: they may read its answers (CORS) and send it writes
 * (`csrf`); every other origin's POST, PUT, PATCH or DELETE is refused 403 before a page runs.
 */
export const onRequest = sequence(
  cors({
    origin: ['https://app.example.com', 'https://*.preview.example.com'],
    credentials: true,
    allowedHeaders: ['content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
    csrf: true,
  }),
  requestId,
)
