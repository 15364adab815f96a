import type { APIRoute } from 'astro'

/** Astro would answer a bare 500 that skips middleware; @corsica/astro catches it, keeping CORS. */
export const GET: APIRoute = () => {
  throw new Error('boom')
}
