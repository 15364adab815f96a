/** Builds test/app (when its inputs changed) and serves it with adapter-node, as its users do. */
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
    inputs: [at('../src'), at('../node_modules/@corsica/testkit/src')],
    build: [at('../node_modules/vite/bin/vite.js'), 'build'],
    output: 'build/index.js',
  })
  if (ms > 0) console.log(`[sveltekit] vite build took ${(ms / 1000).toFixed(1)} s`)
  const app = await serveApp(dir, ['build'], { ready: /Listening on/ })
  project.provide('sveltekitUrl', app.url)
  return () => app.stop()
}
