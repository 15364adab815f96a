/** The one CORS policy every subject is configured with, and the trivial handler they all wrap. */

/** The two origins allowed to read responses. */
export const allowedOrigins = ['https://app.example.com', 'https://admin.example.com'] as const

/** An origin no subject allows. */
export const refusedOrigin = 'https://evil.example'

/** Methods a preflight may ask for. */
export const allowedMethods = ['GET', 'POST', 'PUT', 'DELETE'] as const

/** Request headers a preflight may ask for, as lowercase names. */
export const allowedHeaders = ['content-type', 'authorization', 'x-request-id'] as const

/** Response headers script may read. */
export const exposedHeaders = ['x-request-id'] as const

/** Seconds a browser may cache a granted preflight. */
export const maxAge = 600

/**
 * The handler every subject wraps: `new Response('ok')`, as cheap as a real answer can be. An
 * OPTIONS that reaches it gets what an app without CORS answers: 204 with no body. That makes the
 * reference for a preflight a bodiless 204 too, like the CORS layer's own answer, so its cost on a
 * preflight is the decision and the headers, not the price of a body it doesn't build (a body
 * costs ~10 us on Node 20, where every `new Response('ok')` builds a stream).
 */
export const handler = (request: Request): Response =>
  request.method === 'OPTIONS' ? new Response(null, { status: 204 }) : new Response('ok')
