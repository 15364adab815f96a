/**
 * Runs `deno test` on test/deno/ in the real Deno binary (type-checked, local imports only,
 * network limited to 127.0.0.1) and fails when Deno's tests fail. Deno's JUnit report is then
 * read to prove that every case of the shared table really ran, in each of the three ways.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cases, continueCases, perOriginCases } from '@corsica/testkit'
import { beforeAll, describe, expect, it } from 'vitest'
import { type DenoRun, packageDir, runDeno } from './deno-process.ts'

const TIMEOUT_MS = 150_000
let run: DenoRun
/** Test name → whether it passed, from Deno's JUnit report. */
let results: Map<string, boolean>

const unescapeXml = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
  )

function readJUnit(xml: string): Map<string, boolean> {
  const map = new Map<string, boolean>()
  for (const m of xml.matchAll(/<testcase name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = m[2] ?? ''
    map.set(unescapeXml(m[1]!), !/<(failure|error|skipped)\b/.test(body))
  }
  return map
}

const failures = () => `--- deno test output ---\n${run.stdout}\n${run.stderr}`

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corsica-deno-test-'))
  try {
    run = await runDeno(
      [
        'test',
        `--config=${packageDir}/deno.json`,
        '--no-remote',
        '--allow-net=127.0.0.1',
        '--allow-env=ALLOWED_ORIGINS',
        `--junit-path=${dir}/junit.xml`,
        join(packageDir, 'test/deno'),
      ],
      { timeoutMs: TIMEOUT_MS },
    )
    // No report when Deno stopped early (a type error, a timeout): the first test shows why.
    const report = join(dir, 'junit.xml')
    results = existsSync(report) ? readJUnit(readFileSync(report, 'utf8')) : new Map()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const summary = /^(ok|FAILED) \|.*$/m.exec(run.stdout)?.[0] ?? '(no summary line)'
  console.log(`deno test: ${summary} in ${run.ms} ms (${results.size} JUnit test cases)`)
}, TIMEOUT_MS + 10_000)

describe('deno test in the real Deno binary', () => {
  it('finishes in time and passes', () => {
    expect(run.timedOut, failures()).toBe(false)
    expect(run.code, failures()).toBe(0)
    expect(run.stdout, failures()).toMatch(/^ok \| \d+ passed.* \| 0 failed/m)
    expect([...results].filter(([, passed]) => !passed).map(([name]) => name)).toEqual([])
  })

  it('ran the preflights given again, whose Responses Deno clones from a template (granted, refused)', () => {
    for (const name of ['granted', 'refused']) {
      const test = `a ${name} preflight's Response is its own: what a caller changes is not on the next`
      expect(results.get(test), test).toBe(true)
    }
  })

  it('ran every case of the shared table through withCors, called directly', () => {
    const missing = cases.filter((c) => results.get(`table (handler): ${c.name}`) !== true)
    expect(missing.map((c) => c.name)).toEqual([])
  })

  it('ran every case of the shared table through a real Deno.serve socket', () => {
    const missing = cases.filter(
      (c) => results.get(`table (Deno.serve over a socket): every case > ${c.name}`) !== true,
    )
    expect(missing.map((c) => c.name)).toEqual([])
  })

  it('ran every per-origin case (a list of options) directly and through a Deno.serve socket', () => {
    const missing = perOriginCases.filter(
      (c) =>
        results.get(`per origin (handler): ${c.name}`) !== true ||
        results.get(`per origin (Deno.serve over a socket): every case > ${c.name}`) !== true,
    )
    expect(missing.map((c) => c.name)).toEqual([])
  })

  it('ran every case of the shared table through @corsica/hono, and its socket smoke set', () => {
    const missing = cases.filter((c) => results.get(`hono (app.request): ${c.name}`) !== true)
    expect(missing.map((c) => c.name)).toEqual([])
    const socket = [...results].filter(([name, passed]) => passed && name.startsWith('hono (Deno.serve'))
    expect(socket.length).toBeGreaterThanOrEqual(5)
  })

  it('ran preflightContinue, the origin function with info, and the Deno recipe', () => {
    for (const c of continueCases) {
      expect(results.get(`continue (handler): ${c.name}`), c.name).toBe(true)
      expect(results.get(`continue (Deno.serve): ${c.name}`), c.name).toBe(true)
    }
    expect(results.get('the origin function gets (origin, request, info) from Deno.serve')).toBe(true)
    expect(results.get('docs/recipes/deno-env-origins.ts: origins from Deno.env, read at module load')).toBe(
      true,
    )
  })

  it('ran the WebSocket handshakes (csrf): refused before the handler, connected, the 101 untouched', () => {
    for (const name of [
      'a WebSocket handshake from an unlisted origin gets 403, and the handler never runs',
      'a WebSocket handshake from a listed origin connects, and its 101 passes back untouched',
      'a WebSocket handshake from no Origin (not a browser) connects, and its 101 passes back untouched',
    ]) {
      expect(results.get(name), name).toBe(true)
    }
  })

  it('ran the Deno.serve tests: preflight, actual request, info, exceptions, config errors', () => {
    for (const name of [
      'Deno.serve answers a preflight without running the handler',
      'Deno.serve answers an actual request, and info passes through to the handler',
      "with onError: false, a handler that throws reaches Deno.serve's onError with its own error",
      "with onError: false, a handler that rejects reaches Deno.serve's onError with its own error",
      'a handler that throws is answered 500 with the CORS headers',
      'a handler that rejects is answered 500 with the CORS headers',
      'a handler that throws a non-Error is answered 500 with the CORS headers',
      'bad options throw CorsConfigError from withCors, before Deno.serve, listing every problem',
    ]) {
      expect(results.get(name), name).toBe(true)
    }
  })
})
