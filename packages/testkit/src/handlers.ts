/** The inner handlers a case can run behind the CORS layer. Each marks that it ran. */

/** Where the `redirect` handler points. */
export const REDIRECT_TARGET = 'https://elsewhere.test/next'

/** Names of the handlers a case may ask for. */
export type HandlerName =
  | 'ok'
  | 'vary'
  | 'vary-origin'
  | 'vary-star'
  | 'sets-cors'
  | 'answers-preflight'
  | 'redirect'
  | 'created'

const ran = { 'x-handler': 'ran', 'content-type': 'text/plain' }

/** The handlers, by name. Every one but `redirect` answers with `x-handler: ran`. */
export const handlers: Record<HandlerName, (request: Request) => Response> = {
  ok: () => new Response('ok', { headers: ran }),
  /** A handler that already varies on something else. */
  vary: () => new Response('ok', { headers: { ...ran, vary: 'Accept-Encoding' } }),
  /** A handler that already varies on Origin, spelled in lower case. */
  'vary-origin': () => new Response('ok', { headers: { ...ran, vary: 'origin' } }),
  'vary-star': () => new Response('ok', { headers: { ...ran, vary: '*' } }),
  /** A handler that sets (wrong) CORS headers of its own. */
  'sets-cors': () =>
    new Response('ok', {
      headers: {
        ...ran,
        'access-control-allow-origin': '*',
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': 'x-secret',
      },
    }),
  /**
   * A handler that answers a preflight itself with every CORS header granted, as `hono/cors`
   * echoing the requested headers would behind `preflightContinue`.
   */
  'answers-preflight': () =>
    new Response(null, {
      status: 204,
      headers: {
        ...ran,
        'access-control-allow-origin': '*',
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, PUT, DELETE, X-CUSTOM',
        'access-control-allow-headers': 'x-api-key, authorization',
        'access-control-max-age': '86400',
        'access-control-allow-private-network': 'true',
        'access-control-expose-headers': 'x-secret',
      },
    }),
  /** Response.redirect(): its headers are immutable (Fetch: guard "immutable"). */
  redirect: () => Response.redirect(REDIRECT_TARGET, 302),
  created: () => new Response('created', { status: 201, headers: ran }),
}

/** Whether the inner handler produced this response. */
export function handlerRan(response: { headers: { get(name: string): string | null } }): boolean {
  return response.headers.get('x-handler') === 'ran' || response.headers.get('location') === REDIRECT_TARGET
}
