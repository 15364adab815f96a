/** Builds test/app (when its inputs changed) and serves it with adapter-node, as its users do. */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildOnce, serveApp } from '@corsica/testkit/built-app'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    sveltekitUrl: string
  }
}

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default async function setup(project: TestProject) {
  const dir = at('../.variants/app')
  const ms = await buildOnce({
    name: 'the SvelteKit test app',
    source: at('app'),
    dir,
    inputs: [
      at('../src'),
      realpathSync(at('../node_modules/@corsica/core/dist')),
      realpathSync(at('../node_modules/@corsica/testkit/src')),
    ],
    build: [at('../node_modules/vite/bin/vite.js'), 'build'],
    output: 'build/index.js',
  })
  if (ms > 0) console.log(`[sveltekit] vite build took ${(ms / 1000).toFixed(1)} s`)
  const app = await serveApp(dir, ['build'], {
    ready: /Listening on/,
    // adapter-node takes the origin from ORIGIN, else https:// and the Host header: over plain
    // http, without it, SvelteKit's check and Corsica's csrf see every same-origin post as cross-origin.
    env: (url) => ({ ORIGIN: url }),
  })
  project.provide('sveltekitUrl', app.url)
  return () => app.stop()
}
