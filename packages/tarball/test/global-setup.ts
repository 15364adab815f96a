/** Packs the packages and installs them into one fresh project, shared by every test file. */
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { installProject, packAll, type Tarball } from './project.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The installed project (a temp folder outside the workspace). */
    app: string
    tarballs: Tarball[]
  }
}

export default async function setup(project: TestProject) {
  const began = Date.now()
  const tarballs = await packAll(fileURLToPath(new URL('../test-results/tarballs', import.meta.url)))
  const app = await installProject(tarballs)
  console.log(`[tarball] packed and installed in ${((Date.now() - began) / 1000).toFixed(1)} s: ${app}`)
  project.provide('app', app)
  project.provide('tarballs', tarballs)
  return () => rmSync(dirname(app), { recursive: true, force: true })
}
