import type { APIRoute } from 'astro'

/** Response.redirect()'s headers are immutable (Fetch: guard "immutable"). */
export const GET: APIRoute = () => Response.redirect('https://elsewhere.example/next', 302)
