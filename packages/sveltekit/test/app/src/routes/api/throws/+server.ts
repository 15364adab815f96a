import type { RequestHandler } from '@sveltejs/kit'

export const GET: RequestHandler = () => {
  throw new Error('the endpoint failed')
}
