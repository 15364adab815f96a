/**
 * Recipe: one Worker, a CORS policy per route, chosen by URLPattern. `/public/*` is readable by
 * any site (no cookies); `/api/*` only by the app, with cookies; other paths get no CORS at all.
 * Each policy is checked at start-up. Run in workerd by the Cloudflare tests.
 */
import { withCors } from '@corsica/cloudflare'

const publicApi = (_request: Request) => Response.json({ data: 'anyone may read this' })
const privateApi = (_request: Request) => Response.json({ data: 'for the app only' })

const routes = [
  // No csrf on the read-only public route: '*' trusts no origin, so it would refuse every
  // cross-site write there; the cookie-taking route below refuses them.
  { pattern: new URLPattern({ pathname: '/public/*' }), fetch: withCors({ origin: '*' }, publicApi) },
  {
    pattern: new URLPattern({ pathname: '/api/*' }),
    fetch: withCors({ origin: ['https://app.example.com'], credentials: true, csrf: true }, privateApi),
  },
]

export default {
  fetch(request: Request): Response | Promise<Response> {
    for (const route of routes) if (route.pattern.test(request.url)) return route.fetch(request)
    return new Response('not found', { status: 404 })
  },
}
