/** Builds the example (in .variants/app, when its inputs changed) and serves it with `node build`. */
import { execFileSync } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildOnce, serveApp } from '@corsica/testkit/built-app'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    exampleUrl: string
  }
}

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default async function setup(project: TestProject) {
  // The example uses the published shape of @corsica/sveltekit (its dist/), as a user would.
  execFileSync(process.execPath, [at('../../../scripts/ensure-built.mjs')], {
    cwd: at('..'),
    stdio: 'inherit',
  })
  const dir = at('../.variants/app')
  const ms = await buildOnce({
    name: 'examples/sveltekit',
    source: at('..'),
    dir,
    inputs: [
      realpathSync(at('../node_modules/@corsica/sveltekit/dist')),
      realpathSync(at('../node_modules/@corsica/sveltekit/node_modules/@corsica/core/dist')),
    ],
    skip: ['build', 'test'],
    build: [at('../node_modules/vite/bin/vite.js'), 'build'],
    output: 'build/index.js',
  })
  if (ms > 0) console.log(`[example-sveltekit] vite build took ${(ms / 1000).toFixed(1)} s`)
  const app = await serveApp(dir, ['build'], {
    ready: /Listening on/,
    // adapter-node takes the origin from ORIGIN, else https:// and the Host header: over plain
    // http, without it, SvelteKit's check and Corsica's csrf see every same-origin post as cross-origin.
    env: (url) => ({ ORIGIN: url }),
  })
  project.provide('exampleUrl', app.url)
  return () => app.stop()
}
