import { fileURLToPath } from 'node:url'
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { build } from 'esbuild'
import { defineProject } from 'vitest/config'

// Every test here runs inside workerd, the runtime Cloudflare deploys to. The fixture worker is
// bundled (as wrangler would) and runs as a worker of its own; a third worker stands in for an
// upstream origin so fetch() responses stay on this machine.
const fixture = await build({
  entryPoints: [fileURLToPath(new URL('test/fixtures/worker.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['workerd', 'worker'],
  write: false,
})

const compatibilityDate = '2026-04-01'
const upstream = `export default { fetch: () => new Response('from upstream', {
  headers: { 'x-upstream': 'yes', 'access-control-allow-origin': '*', vary: 'Accept-Encoding' } }) }`

export default defineProject({
  plugins: [
    cloudflareTest({
      miniflare: {
        compatibilityDate,
        // Lets a service binding send scheduled events (Fetcher.scheduled()).
        compatibilityFlags: ['service_binding_extra_handlers'],
        bindings: { GREETING: 'hello from env' },
        serviceBindings: { UPSTREAM: 'upstream', CORS_WORKER: 'cors-worker' },
        workers: [
          { name: 'upstream', modules: true, compatibilityDate, script: upstream },
          {
            name: 'cors-worker',
            modules: true,
            compatibilityDate,
            script: fixture.outputFiles[0]!.text,
            bindings: { GREETING: 'hello from env' },
            serviceBindings: { UPSTREAM: 'upstream' },
          },
        ],
      },
    }),
  ],
  test: { name: 'cloudflare (workerd)', include: ['test/**/*.test.ts'] },
})
