/** Builds the example (in .variants/app, when its inputs changed) and serves it with `node dist/server/entry.mjs`. */
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
  // The example uses the published shape of @corsica/astro (its dist/), as a user would.
  execFileSync(process.execPath, [at('../../../scripts/ensure-built.mjs')], {
    cwd: at('..'),
    stdio: 'inherit',
  })
  const dir = at('../.variants/app')
  const ms = await buildOnce({
    name: 'examples/astro',
    source: at('..'),
    dir,
    inputs: [
      realpathSync(at('../node_modules/@corsica/astro/dist')),
      realpathSync(at('../node_modules/@corsica/astro/node_modules/@corsica/core/dist')),
    ],
    skip: ['dist', 'test'],
    build: [at('../node_modules/astro/astro.js'), 'build'],
    output: 'dist/server/entry.mjs',
  })
  if (ms > 0) console.log(`[example-astro] astro build took ${(ms / 1000).toFixed(1)} s`)
  const app = await serveApp(dir, ['dist/server/entry.mjs'], { ready: /listening on/i })
  project.provide('exampleUrl', app.url)
  return () => app.stop()
}
