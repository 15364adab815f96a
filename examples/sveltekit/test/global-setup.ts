/** Builds the example (in .variants/app, when its inputs changed) and serves it with `node build`. */
import { fileURLToPath } from 'node:url'
import { serveExample } from '@corsica/testkit/framework-apps'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    exampleUrl: string
  }
}

export default async function setup(project: TestProject) {
  const app = await serveExample('sveltekit', fileURLToPath(new URL('..', import.meta.url)))
  project.provide('exampleUrl', app.url)
  return () => app.stop()
}
