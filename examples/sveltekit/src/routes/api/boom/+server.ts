import type { RequestHandler } from '@sveltejs/kit'

/** SvelteKit answers 500 (its JSON error), and the hook still adds the CORS headers. */
export const GET: RequestHandler = () => {
  throw new Error('boom')
}
