/** Builds test/app (when its inputs changed) and serves it with @astrojs/node (standalone), as its users do. */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildOnce, serveApp } from '@corsica/testkit/built-app'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    astroUrl: string
  }
}

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default async function setup(project: TestProject) {
  const dir = at('../.variants/app')
  const ms = await buildOnce({
    name: 'the Astro test app',
    source: at('app'),
    dir,
    inputs: [
      at('../src'),
      realpathSync(at('../node_modules/@corsica/core/dist')),
      realpathSync(at('../node_modules/@corsica/testkit/src')),
    ],
    build: [at('../node_modules/astro/astro.js'), 'build'],
    output: 'dist/server/entry.mjs',
  })
  if (ms > 0) console.log(`[astro] astro build took ${(ms / 1000).toFixed(1)} s`)
  const app = await serveApp(dir, ['dist/server/entry.mjs'], { ready: /listening on/i })
  project.provide('astroUrl', app.url)
  return () => app.stop()
}
