import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // Astro's own origin check answers every cross-site POST, PUT, PATCH or DELETE with a form
  // content type (or none) 403 before the middleware runs, so without CORS headers, and it has
  // no list of trusted origins. Off: Corsica's `csrf: true` (src/middleware.ts) refuses
  // cross-origin writes instead, trusting the very origins the CORS policy grants.
  security: { checkOrigin: false },
})
