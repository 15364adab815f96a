// Runs the worker locally in workerd (through Miniflare), the runtime Cloudflare deploys to.
// esbuild bundles src/worker.ts as wrangler would; PORT=0 picks a free port.
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'

const root = new URL('..', import.meta.url)
const bundle = await build({
  entryPoints: [new URL('src/worker.ts', root).pathname],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['workerd', 'worker'],
  write: false,
})

const mf = new Miniflare({
  modules: true,
  script: bundle.outputFiles[0].text,
  compatibilityDate: '2026-04-01',
  bindings: { API_NAME: 'corsica-example' },
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8787),
  // Lets you fire the cron handler locally: GET /cdn-cgi/handler/scheduled
  unsafeTriggerHandlers: true,
})
const url = await mf.ready
console.log(`listening on ${url.origin}`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => mf.dispose().then(() => process.exit(0)))
}
