/** Starts test/servers.ts in the real Bun binary once per run; the tests share its apps. */
import { fileURLToPath } from 'node:url'
import { startChild } from '@corsica/testkit/process'
import type { TestProject } from 'vitest/node'
import { bunBinary } from './bun.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The apps' base URLs: the table's, preflightContinue's, csrf's and per-origin's by case index, and the pitfalls'. */
    elysia: {
      table: string[]
      continue: string[]
      csrf: string[]
      perOrigin: string[]
      pitfalls: string
      earlier: string
    }
  }
}

export default async function setup(project: TestProject) {
  const cwd = fileURLToPath(new URL('..', import.meta.url))
  const { child, match } = await startChild(bunBinary(), ['run', 'test/servers.ts'], {
    cwd,
    env: { NO_COLOR: '1' },
    ready: /READY (\{.*\})\n/,
    timeoutMs: 30_000,
  })
  const ports = JSON.parse(match[1]!) as Record<'table' | 'continue' | 'csrf' | 'perOrigin', number[]> &
    Record<'pitfalls' | 'earlier', number>
  const url = (port: number) => `http://127.0.0.1:${port}`
  project.provide('elysia', {
    table: ports.table.map(url),
    continue: ports.continue.map(url),
    csrf: ports.csrf.map(url),
    perOrigin: ports.perOrigin.map(url),
    pitfalls: url(ports.pitfalls),
    earlier: url(ports.earlier),
  })
  return () => child.stop()
}
