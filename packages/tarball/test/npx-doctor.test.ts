/**
 * Issue 23: the README's "Before the first release" section says how to run the doctor from its
 * tarball without installing it. `npx -p <doctor tarball>` alone fails with E404 (npm looks for
 * the doctor's dependency @corsica/core@0.1.0 on the registry); the documented form gives npx the
 * core's tarball too. This runs the README's line exactly, with only the tarball folder, the URL
 * and the origin filled in, in a shell, with an empty npm cache (nothing installed before).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ORIGIN } from './cors.ts'
import { run, type Server, startServer, userEnv } from './process.ts'
import { repo } from './project.ts'

const app = inject('app')
const tarballs = inject('tarballs')
let server: Server
let cache: string
let cwd: string

beforeAll(async () => {
  server = await startServer(process.execPath, ['hono.mjs'], { cwd: app, timeoutMs: 30_000 })
  cache = mkdtempSync(join(tmpdir(), 'corsica-npx-cache-'))
  cwd = mkdtempSync(join(tmpdir(), 'corsica-npx-cwd-')) // no package.json, no node_modules
})
afterAll(async () => {
  await server?.stop()
  rmSync(cache, { recursive: true, force: true })
  rmSync(cwd, { recursive: true, force: true })
})

/** The `npx … corsica doctor …` line of the README's pre-release section, as written. */
function documentedLine(): string {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Before the first release'))
  const line = section.split('\n').find((l) => l.trim().startsWith('npx ') && l.includes('corsica doctor'))
  if (line === undefined) throw new Error("README.md's pre-release section has no npx corsica doctor line")
  return line.trim()
}

/** The line with the README's tarball folder, <url> and <page origin> replaced; nothing else. */
function filledIn(line: string): string {
  const folder = dirname(tarballs[0]!.file)
  return line
    .replace(/\/tmp\/corsica\/(\S+\.tgz)/g, (_m, file: string) => {
      expect(
        tarballs.map((t) => basename(t.file)),
        `${file} is a tarball the packages pack to`,
      ).toContain(file)
      return join(folder, file)
    })
    .replace('<url>', `${server.url}/api/items`)
    .replace('<page origin>', ORIGIN)
}

const sh = (command: string) =>
  run('sh', ['-c', command], {
    cwd,
    timeoutMs: 180_000,
    allowFailure: true,
    env: userEnv({ npm_config_cache: cache, npm_config_update_notifier: 'false' }),
  })

describe('the README runs the doctor from its tarball with npx (issue 23)', () => {
  it('names the core and the doctor tarballs', () => {
    const line = documentedLine()
    expect(line).toMatch(/-p \/tmp\/corsica\/corsica-core-[\d.]+\.tgz/)
    expect(line).toMatch(/-p \/tmp\/corsica\/corsica-doctor-[\d.]+\.tgz/)
  })

  it('the documented line works, as written: the doctor answers (exit code 0)', async () => {
    const { code, output } = await sh(filledIn(documentedLine()))
    expect(output).toContain('✓ Allowed')
    expect(code, output).toBe(0)
  }, 200_000)

  it("the doctor's tarball alone fails with E404 for @corsica/core (why the line names both)", async () => {
    const doctorOnly = filledIn(documentedLine()).replace(/-p \S*corsica-core-[\d.]+\.tgz /, '')
    expect(doctorOnly).not.toContain('corsica-core')
    const { code, output } = await sh(doctorOnly)
    expect(code).not.toBe(0)
    expect(output).toMatch(/E404|404/)
    expect(output).toContain('@corsica/core')
  }, 200_000)
})
