import type { RequestHandler } from '@sveltejs/kit'

/** Response.redirect()'s headers are immutable (Fetch: guard "immutable"). */
export const GET: RequestHandler = () => Response.redirect('https://elsewhere.example/next', 302)
