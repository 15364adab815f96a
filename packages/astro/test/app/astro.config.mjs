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
  telemetry: false,
  logLevel: 'warn',
})
