/** Builds test/app (when its inputs changed) and serves it with adapter-node, as its users do. */
import { fileURLToPath } from 'node:url'
import { serveTestApp } from '@corsica/testkit/framework-apps'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    sveltekitUrl: string
  }
}

export default async function setup(project: TestProject) {
  const app = await serveTestApp('sveltekit', fileURLToPath(new URL('..', import.meta.url)))
  project.provide('sveltekitUrl', app.url)
  return () => app.stop()
}
