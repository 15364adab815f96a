/**
 * @module `pnpm --filter @corsica/bench summary [FILE...]`: one table across runtimes from their
 * runs' JSON (default: bench-results/latest-<runtime>.json for each runtime found): the ratio of
 * each subject to the floor in the same runtime and run, per scenario, and the whole-server loss.
 * Several runs of one runtime share its column, `run 1 / run 2 / …` in the order given.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { RunResult } from './report.js'
import { runtimeIds } from './runtimes.js'
import { scenarios } from './scenarios.js'

const dir = fileURLToPath(new URL('../bench-results/', import.meta.url))
const files = process.argv.slice(2).filter((a) => a !== '--')
const runs: RunResult[] = (
  files.length > 0 ? files : runtimeIds.map((r) => `${dir}latest-${r}.json`).filter((f) => existsSync(f))
).map((f) => JSON.parse(readFileSync(f, 'utf8')))

const line = (cells: string[]) => `| ${cells.join(' | ')} |`
const name = (r: RunResult) =>
  r.runtimeVersion.startsWith(r.runtime)
    ? r.runtimeVersion
    : `${r.runtime} ${r.runtimeVersion.replace(/^v/, '')}`
/** The columns: one per runtime, holding its runs in the order given. */
const columns: RunResult[][] = []
for (const run of runs) {
  const column = columns.find((c) => name(c[0]!) === name(run))
  if (column) column.push(run)
  else columns.push([run])
}
const head = (first: string) => [
  line([first, ...columns.map((c) => name(c[0]!))]),
  line(['---', ...columns.map(() => '---:')]),
]
/** One cell per column: what `cell` says of each of its runs, joined by ` / `. */
const across = (cell: (run: RunResult) => string) => columns.map((c) => c.map(cell).join(' / '))

/**
 * A subject's cost over the floor's on a scenario, in one run: `1.05x`, or `-` if not measured;
 * marked † when either cost is within two standard errors of zero (the ratio is then noise).
 */
function ratio(run: RunResult, subject: string, scenario: string): string {
  const cost = (id: string) => run.micro.find((s) => s.id === id)?.cells[scenario]?.cost
  const s = cost(subject)
  const f = cost('floor')
  if (s === undefined || f === undefined) return '-'
  const noise = [s, f].some((c) => Math.abs(c.value) < 2 * c.error)
  return `${(s.value / f.value).toFixed(2)}x${noise ? ' †' : ''}`
}

const out: string[] = ['@corsica/core wrap() / floor, same runtime and run:', '', ...head('scenario')]
for (const sc of scenarios) out.push(line([sc.label, ...across((r) => ratio(r, 'corsica-core', sc.id))]))
for (const sc of scenarios.filter((s) =>
  ['preflight-allowed', 'large-pattern', 'large-refused'].includes(s.id),
)) {
  out.push('', `every subject / floor, ${sc.label}:`, '', ...head('subject'))
  const ids = [...new Set(runs.flatMap((r) => r.micro.map((s) => s.id)))]
  for (const id of ids) {
    const label = runs.flatMap((r) => r.micro).find((s) => s.id === id)!.label
    out.push(line([label, ...across((r) => ratio(r, id, sc.id))]))
  }
}
out.push('', 'whole server, allowed GET: req/s lost to the CORS layer (and server CPU per request lost):', '')
out.push(...head('variant'))
const variants = [...new Set(runs.flatMap((r) => r.servers.map((s) => s.variant)))].filter(
  (v) => v !== 'bare',
)
for (const v of variants) {
  out.push(
    line([
      v,
      ...across((r) => {
        const s = r.servers.find((x) => x.variant === v)
        return s ? `${s.lossPercent.toFixed(1)}% (${s.cpuLossPercent.toFixed(1)}%)` : '-'
      }),
    ]),
  )
}
out.push('', '† a cost within two standard errors of zero: that ratio is noise.')
console.log(out.join('\n'))
