import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

/**
 * The test app: on-demand rendering with @astrojs/node (standalone), and Astro's own origin check
 * (`security.checkOrigin`) as it is by default: test/app.test.ts shows what it does to cross-site
 * writes. examples/astro has the recommended setup.
 */
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // Without allowedDomains, Astro 5.18 ignores the Host header: the request's URL is
  // http://localhost:<port>, so a same-origin post to 127.0.0.1 looks cross-site to its check
  // and to Corsica's csrf. test/app.test.ts shows the check; examples/astro sets this too.
  security: { allowedDomains: [{ hostname: '127.0.0.1' }] },
  telemetry: false,
  logLevel: 'warn',
})
