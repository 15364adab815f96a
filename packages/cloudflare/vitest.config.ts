import { fileURLToPath } from 'node:url'
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { build } from 'esbuild'
import { defineProject } from 'vitest/config'

// Every test here runs inside workerd, the runtime Cloudflare deploys to. Each fixture worker
// (and each Workers recipe of docs/recipes) is bundled, as wrangler would, and runs as a worker
// of its own; the tests reach them through service bindings. A worker stands in for an upstream
// origin so fetch() responses stay on this machine.
async function bundle(path: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(path, import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['workerd', 'worker'],
    external: ['cloudflare:workers'],
    alias: {
      '@corsica/cloudflare': fileURLToPath(new URL('src/index.ts', import.meta.url)),
      '@corsica/hono': fileURLToPath(new URL('../hono/src/index.ts', import.meta.url)),
    },
    write: false,
  })
  return result.outputFiles[0]!.text
}

const compatibilityDate = '2026-04-01'
const upstream = `export default { fetch: () => new Response('from upstream', {
  headers: { 'x-upstream': 'yes', 'access-control-allow-origin': '*', vary: 'Accept-Encoding' } }) }`
const ORIGINS = 'https://app.test https://admin.app.test'

/** name → [entry file, bindings of its own] */
const fixtures: Record<string, [string, Record<string, unknown>]> = {
  'cors-worker': ['test/fixtures/worker.ts', { GREETING: 'hello from env' }],
  'env-worker': ['test/fixtures/env-worker.ts', { ALLOWED_ORIGINS: ORIGINS }],
  'bad-env-worker': ['test/fixtures/bad-env-worker.ts', { ALLOWED_ORIGINS: '*' }],
  'class-worker': ['test/fixtures/class-worker.ts', { GREETING: 'hello from a class' }],
  'websocket-worker': ['test/fixtures/websocket-worker.ts', {}],
  'recipe-env': ['../../docs/recipes/workers-env-origins.ts', { ALLOWED_ORIGINS: 'https://app.example.com' }],
  'recipe-kv': ['../../docs/recipes/workers-kv-origins.ts', {}],
  'recipe-routes': ['../../docs/recipes/workers-per-route.ts', {}],
  'recipe-hono-websocket': ['../../docs/recipes/hono-websocket.ts', {}],
  'recipe-hono-env': [
    '../../docs/recipes/hono-env-origins.ts',
    { ALLOWED_ORIGINS: 'https://app.example.com' },
  ],
}
const workers = await Promise.all(
  Object.entries(fixtures).map(async ([name, [entry, bindings]]) => ({
    name,
    modules: true,
    compatibilityDate,
    script: await bundle(entry),
    bindings,
    serviceBindings: { UPSTREAM: 'upstream' },
    kvNamespaces: name === 'recipe-kv' ? { ALLOWED_ORIGINS: 'recipe-origins' } : {},
  })),
)

export default defineProject({
  plugins: [
    cloudflareTest({
      miniflare: {
        compatibilityDate,
        // Lets a service binding send scheduled events (Fetcher.scheduled()).
        compatibilityFlags: ['service_binding_extra_handlers'],
        bindings: { GREETING: 'hello from env' },
        // The recipe's KV namespace, shared with the tests so they can fill it.
        kvNamespaces: { RECIPE_ORIGINS: 'recipe-origins' },
        serviceBindings: {
          UPSTREAM: 'upstream',
          CORS_WORKER: 'cors-worker',
          ENV_WORKER: 'env-worker',
          BAD_ENV_WORKER: 'bad-env-worker',
          CLASS_WORKER: 'class-worker',
          WEBSOCKET_WORKER: 'websocket-worker',
          RECIPE_ENV: 'recipe-env',
          RECIPE_KV: 'recipe-kv',
          RECIPE_ROUTES: 'recipe-routes',
          RECIPE_HONO_ENV: 'recipe-hono-env',
          RECIPE_HONO_WEBSOCKET: 'recipe-hono-websocket',
        },
        workers: [{ name: 'upstream', modules: true, compatibilityDate, script: upstream }, ...workers],
      },
    }),
  ],
  test: { name: 'cloudflare (workerd)', include: ['test/**/*.test.ts'] },
})
