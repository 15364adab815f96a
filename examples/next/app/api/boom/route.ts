/** A handler that throws: Next answers 500, and the middleware's CORS headers stay on it. */
export function GET(): Response {
  throw new Error('boom')
}
