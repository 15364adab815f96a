/**
 * A smoke run of `pnpm bench` with tiny counts, so the benchmark cannot rot unnoticed: on Node
 * with every subject, and in Deno, Bun and workerd with a few. It asserts that every subject ran
 * every scenario and answered as the Fetch standard's CORS protocol says a correctly configured
 * policy must, never how fast anything was.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allowedOrigins, patternOrigin } from './policy.js'
import type { RunResult } from './report.js'
import { scenarios } from './scenarios.js'
import { runs, type Subject, type SubjectId, subjects } from './subjects/index.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'corsica-bench-'))
let run: RunResult

/** A smoke run in `runtime`; its report. */
function smoke(runtime: string, extra: string[] = []): RunResult {
  execFileSync(process.execPath, ['dist/main.js', '--smoke', '--runtime', runtime, '--out', out, ...extra], {
    cwd: packageDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 170_000,
  })
  return JSON.parse(readFileSync(join(out, `latest-${runtime}.json`), 'utf8'))
}

/** What every runtime's smoke run checks: every scenario ran, as paired figures. */
function expectEveryScenario(report: RunResult): void {
  for (const subject of report.micro) {
    const mine = scenarios.filter((s) => runs(subject.id as SubjectId, s)).map((s) => s.id)
    expect(Object.keys(subject.cells), subject.id).toEqual(mine)
    for (const cell of Object.values(subject.cells)) {
      expect(Number.isFinite(cell.cost.value)).toBe(true)
      expect(cell.raw.subject).toHaveLength(2)
      expect(cell.raw.reference).toHaveLength(2)
    }
  }
}

beforeAll(() => {
  // The bench runs as built JavaScript (its child processes too): build it from the current source.
  execFileSync('pnpm', ['exec', 'tsup', '--silent'], { cwd: packageDir, stdio: 'inherit' })
  run = smoke('node')
})

afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('pnpm bench --smoke', () => {
  it('with several processes, keeps every batch and takes the median cost across them', () => {
    const two = smoke('node', ['--subjects', 'floor,corsica-core', '--no-server', '--processes', '3'])
    for (const subject of two.micro) {
      for (const cell of Object.values(subject.cells)) {
        expect(cell.raw.subject).toHaveLength(6)
        // Each process's cost is the median of its 2 subject batches minus that of its 2 reference batches.
        const perProcess = [0, 2, 4].map((i) => {
          const mid = (a: number[]) => (a[i]! + a[i + 1]!) / 2
          return mid(cell.raw.subject) - mid(cell.raw.reference)
        })
        expect(cell.cost.value).toBe(Math.round(perProcess.sort((a, b) => a - b)[1]!))
      }
    }
  })

  it('summary puts the runs of one runtime in one column, run by run', () => {
    const first = readFileSync(join(out, 'latest-node.json'), 'utf8')
    const again = join(out, 'again.json')
    writeFileSync(again, first)
    const table = execFileSync(process.execPath, ['dist/summary.js', join(out, 'latest-node.json'), again], {
      cwd: packageDir,
      encoding: 'utf8',
    })
    const row = table.split('\n').find((l) => l.startsWith('| allowed preflight |'))!
    const [a, b] = row
      .split('|')[2]!
      .split(' / ')
      .map((c) => c.trim())
    expect(a).toMatch(/^([0-9.]+x|n\/a)$/)
    expect(b).toBe(a)
    // The published table: the same run twice reproduces every ratio, so no cell is marked ~.
    const published = table.slice(table.indexOf("cost / the floor's cost in the same run"))
    const rows = published.split('\n').filter((l) => l.startsWith('| '))
    expect(rows.some((r) => r.startsWith('| @corsica/core wrap() |'))).toBe(true)
    for (const row of rows) expect(row).not.toContain('~')
  })

  it('measures every subject on every scenario, as paired figures', () => {
    expect(run.runtime).toBe('node')
    // Every subject but the earlier revision's, which only --before measures.
    const everyday = Object.keys(subjects).filter((id) => !(subjects[id as SubjectId] as Subject).before)
    expect(run.micro.map((s) => s.id)).toEqual(everyday)
    expectEveryScenario(run)
  })

  it('wires every subject to the policy: a listed origin is granted, with credentials', () => {
    const origin = allowedOrigins[0]
    for (const subject of run.micro.filter((s) => s.id !== 'hono-empty' && s.id !== 'corsica-csrf')) {
      // Fetch standard, CORS check: ACAO must be the request's origin (not * with credentials),
      // and ACAC must be `true`.
      const get = subject.cells['get-allowed']!.answers.subject
      expect(get.status, subject.id).toBe(200)
      expect(get.headers['access-control-allow-origin'], subject.id).toBe(origin)
      expect(get.headers['access-control-allow-credentials'], subject.id).toBe('true')
      // CORS-preflight fetch: an ok status, and PUT and both requested headers allowed.
      const preflight = subject.cells['preflight-allowed']!.answers.subject
      expect(preflight.status, subject.id).toBeGreaterThanOrEqual(200)
      expect(preflight.status, subject.id).toBeLessThan(300)
      expect(preflight.headers['access-control-allow-origin'], subject.id).toBe(origin)
      expect(preflight.headers['access-control-allow-methods'], subject.id).toMatch(/\bPUT\b/)
      expect(preflight.headers['access-control-allow-headers'], subject.id).toMatch(/content-type/i)
      expect(preflight.headers['access-control-allow-headers'], subject.id).toMatch(/x-request-id/i)
      // A refused origin never gets ACAO.
      const refused = subject.cells['get-refused']!.answers.subject
      expect(refused.headers['access-control-allow-origin'], subject.id).toBeUndefined()
      // The large policy: a subdomain of a listed pattern is granted, an unlisted origin is not.
      const pattern = subject.cells['large-pattern']!.answers.subject
      expect(pattern.headers['access-control-allow-origin'], subject.id).toBe(patternOrigin)
      const unlisted = subject.cells['large-refused']!.answers.subject
      expect(unlisted.headers['access-control-allow-origin'], subject.id).toBeUndefined()
    }
  })

  it('measures csrf next to the floor: a cross-site POST from an unlisted origin is refused before the handler', () => {
    const csrf = run.micro.find((s) => s.id === 'corsica-csrf')!
    expect(Object.keys(csrf.cells)).toEqual(['post-allowed', 'post-refused'])
    expect(csrf.cells['post-refused']!.answers.subject.status).toBe(403)
    const allowed = csrf.cells['post-allowed']!.answers.subject
    expect(allowed.status).toBe(200)
    expect(allowed.headers['access-control-allow-origin']).toBe(allowedOrigins[0])
    // Every other subject runs the handler (200), granting nothing to the unlisted origin.
    for (const id of ['floor', 'floor-validating', 'corsica-core']) {
      const refused = run.micro.find((s) => s.id === id)!.cells['post-refused']!.answers.subject
      expect(refused.status, id).toBe(200)
      expect(refused.headers['access-control-allow-origin'], id).toBeUndefined()
    }
    // Only the bare handler's subjects run the POSTs.
    expect(run.micro.find((s) => s.id === 'hono-cors')!.cells['post-refused']).toBeUndefined()
  })

  it('loads every server over loopback without an error', () => {
    expect(run.servers.map((s) => s.variant)).toEqual([
      'bare',
      'empty-middleware',
      'floor-middleware',
      'corsica-hono',
      'hono-cors',
    ])
    for (const server of run.servers) {
      expect(server.medianRps).toBeGreaterThan(0)
      expect(server.non2xx + server.errors).toBe(0)
    }
  })

  it('reports every target', () => {
    expect(run.targets).toHaveLength(12)
  })
})

describe.each([
  ['deno', ['bare', 'floor', 'corsica-core']],
  ['bun', ['bare', 'floor', 'corsica-core']],
  ['workerd', []],
])('pnpm bench --smoke --runtime %s', (runtime, servers) => {
  it('measures the floor, the core and a peer inside the runtime, and loads its server', () => {
    const report = smoke(runtime, ['--subjects', 'floor,corsica-core,hono-cors'])
    expect(report.runtime).toBe(runtime)
    expect(report.micro.map((s) => s.id)).toEqual(['floor', 'corsica-core', 'hono-cors'])
    expectEveryScenario(report)
    for (const subject of report.micro) {
      const preflight = subject.cells['large-pattern']!.answers.subject
      expect(preflight.headers['access-control-allow-origin'], subject.id).toBe(patternOrigin)
    }
    expect(report.servers.map((s) => s.variant)).toEqual(servers)
    for (const server of report.servers) expect(server.non2xx + server.errors).toBe(0)
  })
})

describe('pnpm --filter @corsica/bench scale --smoke', () => {
  it('times every request under both policies, after checking both answer alike', () => {
    // scale.js throws when either policy grants or refuses other than the request expects.
    execFileSync(process.execPath, ['--expose-gc', 'dist/scale.js', '--smoke', '--out', out], {
      cwd: packageDir,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 60_000,
    })
    const scale = JSON.parse(readFileSync(join(out, 'scale-latest.json'), 'utf8'))
    expect(scale.rows.map((r: { request: string }) => r.request)).toEqual([
      'exact hit',
      'deep pattern hit',
      'pattern miss (the apex)',
      'unlisted origin',
      'port pattern',
    ])
    for (const row of scale.rows) expect(row.ratio).toBeGreaterThan(0)
    expect(scale.heapPer10k).toBeGreaterThan(0)
  })
})
