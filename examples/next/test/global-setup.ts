/** Builds the two variants of the app (when their inputs changed) and serves each on a free port. */
import type { TestProject } from 'vitest/node'
import { buildIfNeeded, type NextServer, startNext } from './next-app.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the running app, by variant. */
    nextUrls: Record<'node' | 'edge', string>
  }
}

export default async function setup(project: TestProject) {
  const servers: NextServer[] = []
  try {
    // One after the other: a build uses both cores.
    for (const variant of ['node', 'edge'] as const) await buildIfNeeded(variant)
    // The table has a 16 KB Access-Control-Request-Headers: Node's default limit would answer
    // 431 before Next runs, so the servers accept 64 KB and the CORS layer decides.
    const node = await startNext('node', { maxHeaderSize: 65_536 })
    servers.push(node)
    const edge = await startNext('edge', { maxHeaderSize: 65_536 })
    servers.push(edge)
    project.provide('nextUrls', { node: node.url, edge: edge.url })
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()))
    throw error
  }
  return async () => {
    await Promise.all(servers.map((server) => server.stop()))
  }
}
