/** Builds the example (in .variants/app, when its inputs changed) and serves it with `react-router-serve`. */
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
  // The example uses the published shape of @corsica/react-router (its dist/), as a user would.
  execFileSync(process.execPath, [at('../../../scripts/ensure-built.mjs')], {
    cwd: at('..'),
    stdio: 'inherit',
  })
  const dir = at('../.variants/app')
  const ms = await buildOnce({
    name: 'examples/react-router',
    source: at('..'),
    dir,
    inputs: [
      realpathSync(at('../node_modules/@corsica/react-router/dist')),
      realpathSync(at('../node_modules/@corsica/react-router/node_modules/@corsica/core/dist')),
    ],
    skip: ['build', 'test'],
    build: [at('../node_modules/@react-router/dev/bin.js'), 'build'],
    output: 'build/server/index.js',
  })
  if (ms > 0) console.log(`[example-react-router] react-router build took ${(ms / 1000).toFixed(1)} s`)
  const app = await serveApp(
    dir,
    [at('../node_modules/@react-router/serve/bin.js'), 'build/server/index.js'],
    { ready: /react-router-serve/ },
  )
  project.provide('exampleUrl', app.url)
  return () => app.stop()
}
