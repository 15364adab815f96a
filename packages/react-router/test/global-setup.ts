/** Builds test/app (when its inputs changed) and serves it with react-router-serve, as its users do. */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildOnce, serveApp } from '@corsica/testkit/built-app'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    reactRouterUrl: string
  }
}

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default async function setup(project: TestProject) {
  const dir = at('../.variants/app')
  const ms = await buildOnce({
    name: 'the React Router test app',
    source: at('app'),
    dir,
    inputs: [
      at('../src'),
      realpathSync(at('../node_modules/@corsica/core/dist')),
      realpathSync(at('../node_modules/@corsica/testkit/src')),
    ],
    build: [at('../node_modules/@react-router/dev/bin.js'), 'build'],
    output: 'build/server/index.js',
  })
  if (ms > 0) console.log(`[react-router] react-router build took ${(ms / 1000).toFixed(1)} s`)
  const app = await serveApp(
    dir,
    [at('../node_modules/@react-router/serve/bin.js'), 'build/server/index.js'],
    { ready: /react-router-serve/ },
  )
  project.provide('reactRouterUrl', app.url)
  return () => app.stop()
}
