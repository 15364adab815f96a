/** @corsica/doctor from the tarball: `npx corsica doctor …` against the Hono app of hono.mjs. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ORIGIN } from './cors.ts'
import { run, type Server, startServer } from './process.ts'

const app = inject('app')
let server: Server

beforeAll(async () => {
  server = await startServer(process.execPath, ['hono.mjs'], { cwd: app, timeoutMs: 30_000 })
})
afterAll(() => server?.stop())

const doctor = (...args: string[]) =>
  run('npx', ['corsica', 'doctor', `${server.url}/api/items`, ...args], {
    cwd: app,
    timeoutMs: 60_000,
    allowFailure: true,
  })

describe('npx corsica doctor', () => {
  it('says a browser allows a PUT with JSON from the listed origin (exit code 0)', async () => {
    const { code, output } = await doctor(
      '--origin',
      ORIGIN,
      '--method',
      'PUT',
      '-H',
      'Content-Type: application/json',
    )
    expect(output).toContain('Preflight: needed')
    expect(output).toContain('Allowed')
    expect(code, output).toBe(0)
  })

  it('says a browser blocks an unlisted origin, and why (exit code 1)', async () => {
    const { code, output } = await doctor('--origin', 'https://evil.example', '--json')
    expect(code, output).toBe(1)
    const verdict = JSON.parse(output)
    expect(verdict.allowed).toBe(false)
    expect(verdict.problems[0].code).toBe('CORSMissingAllowOrigin')
  })
})
