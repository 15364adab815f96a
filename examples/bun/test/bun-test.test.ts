/**
 * Runs `bun test` on test/bun/ in the real Bun binary and fails when Bun's tests fail. Bun's
 * JUnit report is then read to prove that every case of the shared table really ran, both ways.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cases } from '@corsica/testkit'
import { beforeAll, describe, expect, it } from 'vitest'
import { type BunRun, runBun } from './bun-process.ts'

let run: BunRun
/** "suite > test" → whether it passed, from Bun's JUnit report. */
const results = new Map<string, boolean>()

const unescapeXml = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
  )

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corsica-bun-test-'))
  try {
    const report = join(dir, 'junit.xml')
    run = await runBun(['test', './test/bun/', '--reporter=junit', `--reporter-outfile=${report}`], 60_000)
    const xml = existsSync(report) ? readFileSync(report, 'utf8') : ''
    for (const m of xml.matchAll(
      /<testcase name="([^"]*)" classname="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g,
    )) {
      const name = m[2] ? `${unescapeXml(m[2])} > ${unescapeXml(m[1]!)}` : unescapeXml(m[1]!)
      results.set(name, !/<(failure|error|skipped)\b/.test(m[3] ?? ''))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 70_000)

const output = () => `--- bun test output ---\n${run.stdout}\n${run.stderr}`

describe('bun test in the real Bun binary', () => {
  it('finishes in time and passes', () => {
    expect(run.timedOut, output()).toBe(false)
    expect(run.code, output()).toBe(0)
    expect(results.get('runs in Bun'), output()).toBe(true)
    expect([...results].filter(([, passed]) => !passed).map(([name]) => name)).toEqual([])
  })

  it('ran the WebSocket handshakes (csrf): refused before the handler, connected, the upgrade untouched', () => {
    const suite = 'WebSocket handshakes behind wrap() (csrf: true), in Bun.serve'
    for (const name of [
      'a handshake from an unlisted origin gets 403, and the handler never runs',
      "a handshake from a listed origin connects, and the upgrade's nothing passes back untouched",
      "a handshake from no Origin (not a browser) connects, and the upgrade's nothing passes back untouched",
    ]) {
      expect(results.get(`${suite} > ${name}`), name).toBe(true)
    }
  })

  it.each(['table (handler)', 'table (Bun.serve over a socket)'])(
    'ran every case of the shared table: %s',
    (suite) => {
      const missing = cases.filter((c) => results.get(`${suite} > ${c.name}`) !== true)
      expect(missing.map((c) => c.name)).toEqual([])
    },
  )
})
