/** Builds test/app (when its inputs changed) and serves it with react-router-serve, as its users do. */
import { fileURLToPath } from 'node:url'
import { serveTestApp } from '@corsica/testkit/framework-apps'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    reactRouterUrl: string
  }
}

export default async function setup(project: TestProject) {
  const app = await serveTestApp('react-router', fileURLToPath(new URL('..', import.meta.url)))
  project.provide('reactRouterUrl', app.url)
  return () => app.stop()
}
