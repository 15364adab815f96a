/**
 * @corsica/sveltekit's `handle` hook in a real SvelteKit app (sveltekit-app/), built with
 * `vite build` into src/matrix/.variants/ (once per change of its inputs) and served with
 * adapter-node's `node build`, as SvelteKit's users run it.
 */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildOnce, serveApp } from '@corsica/testkit/built-app'
import type { Runtime } from './types'

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export const sveltekit: Runtime = {
  name: 'SvelteKit on Node (@corsica/sveltekit, adapter-node)',
  async start(pagePort) {
    // The same depth as sveltekit-app/, so the app's relative imports (../../../cases.ts) hold.
    const dir = at('../.variants/sveltekit-app')
    const ms = await buildOnce({
      name: 'the SvelteKit matrix app',
      source: at('sveltekit-app'),
      dir,
      inputs: [
        at('../cases.ts'),
        realpathSync(at('../../../node_modules/@corsica/sveltekit/dist')),
        realpathSync(at('../../../node_modules/@corsica/core/dist')),
        realpathSync(at('../../../node_modules/@corsica/testkit/src')),
        realpathSync(at('../../../node_modules/@corsica/demo/src')),
      ],
      build: [at('../../../node_modules/vite/bin/vite.js'), 'build'],
      output: 'build/index.js',
    })
    if (ms > 0) console.log(`[e2e] vite build of the SvelteKit matrix app took ${(ms / 1000).toFixed(1)} s`)
    const app = await serveApp(dir, ['build'], {
      ready: /Listening on/,
      env: { PAGE_PORT: String(pagePort) },
    })
    return { port: Number(new URL(app.url).port), stop: app.stop }
  },
}
