/** React Router answers 500, and the middleware still adds the CORS headers. */
export function loader(): never {
  throw new Error('boom')
}
