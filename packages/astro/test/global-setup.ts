/** Builds test/app (when its inputs changed) and serves it with @astrojs/node (standalone), as its users do. */
import { fileURLToPath } from 'node:url'
import { serveTestApp } from '@corsica/testkit/framework-apps'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    astroUrl: string
  }
}

export default async function setup(project: TestProject) {
  const app = await serveTestApp('astro', fileURLToPath(new URL('..', import.meta.url)))
  project.provide('astroUrl', app.url)
  return () => app.stop()
}
