import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // Astro's own origin check answers every cross-site POST, PUT, PATCH or DELETE with a form
  // content type (or none) 403 before the middleware runs, so without CORS headers, and it has
  // no list of trusted origins. Off: Corsica's `csrf: true` (src/middleware.ts) refuses
  // cross-origin writes instead, trusting the very origins the CORS policy grants.
  // allowedDomains: the hosts the app answers as. Without it Astro 5.18 ignores the Host header
  // (the request's URL says localhost), so a same-origin post looks cross-origin to `csrf`.
  security: { checkOrigin: false, allowedDomains: [{ hostname: '127.0.0.1' }, { hostname: 'localhost' }] },
})
