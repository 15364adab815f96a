/**
 * The upstream behind the cache: a Corsica API whose answers are cacheable by a shared cache,
 * correct or deliberately broken (Vary removed after Corsica, as a careless proxy or framework
 * would do).
 */
import { createCors } from '@corsica/core'
import { type Served, serve } from '@corsica/demo'

export const ORIGIN_A = 'https://a.example'
export const ORIGIN_B = 'https://b.example'
export const REFUSED = 'https://evil.example'

/** Serves the API; `broken` strips Vary from every answer. Counts the requests that reach it. */
export async function startCacheableApi(broken: boolean): Promise<Served & { hits(): number }> {
  let hits = 0
  const api = createCors({ origin: [ORIGIN_A, ORIGIN_B] }).wrap((request) => {
    hits++
    return Response.json(
      { path: new URL(request.url).pathname },
      { headers: { 'cache-control': 'public, max-age=300' } },
    )
  })
  const server = await serve(
    async (request) => {
      const response = await api(request)
      if (!broken) return response
      const copy = new Response(response.body, response)
      copy.headers.delete('vary')
      return copy
    },
    { port: 0, what: 'cacheable API' },
  )
  return { ...server, hits: () => hits }
}
