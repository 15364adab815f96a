/**
 * @module `pnpm --filter @corsica/bench summary [FILE...]`: one table across runtimes from their
 * runs' JSON (default: bench-results/latest-<runtime>.json for each runtime found): the ratio of
 * each subject to the floor in the same runtime and run, per scenario, and the whole-server loss.
 * Several runs of one runtime share its column, `run 1 / run 2 / …` in the order given. With two
 * runs or more of a runtime, it also prints the table the docs publish: each cost in ns, and its
 * ratio to the floor, only where every run reproduces it within 10% (see {@link reproduced}).
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type RunResult, ratioText, significant } from './report.js'
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

/** A subject's cost over the floor's on a scenario, in one run: `1.05x`; `n/a` when either is noise; `-` if not measured. */
function ratio(run: RunResult, subject: string, scenario: string): string {
  const cost = (id: string) => run.micro.find((s) => s.id === id)?.cells[scenario]?.cost
  const s = cost(subject)
  const f = cost('floor')
  if (s === undefined || f === undefined) return '-'
  return ratioText(s, f)
}

/** The floor a subject's published ratio is to: the Hono floor for what runs in the Hono app. */
const floorOf = (id: string) =>
  id.startsWith('hono-') || id.startsWith('corsica-hono') ? 'hono-floor' : 'floor'

/** Within 10% of each other: the largest at most 10% above the smallest, all told apart from zero. */
function reproduced(values: readonly { value: number; error: number }[]): boolean {
  if (values.length < 2 || !values.every(significant)) return false
  const v = values.map((x) => x.value)
  return Math.max(...v) <= 1.1 * Math.min(...v)
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
out.push('', 'n/a: a cost within two standard errors of zero, or below it: its ratio would be noise.')

// The published table: per runtime with two runs or more, every cost both runs reproduce.
for (const column of columns.filter((c) => c.length >= 2)) {
  const scenarioIds = scenarios.map((s) => s.id)
  out.push(
    '',
    `${name(column[0]!)}: CORS cost in ns, the mean of ${column.length} runs, with its ratio to the floor (Hono subjects: to the floor in the Hono app), where every run reproduces both within 10% (else the runs' figures, marked ~):`,
    '',
    line(['subject', ...scenarios.map((s) => s.short)]),
    line(['---', ...scenarios.map(() => '---:')]),
  )
  const ids = [...new Set(column.flatMap((r) => r.micro.map((s) => s.id)))]
  for (const id of ids) {
    const label = column.flatMap((r) => r.micro).find((s) => s.id === id)!.label
    const cells = scenarioIds.map((sc) => {
      const costs = column.map((r) => r.micro.find((s) => s.id === id)?.cells[sc]?.cost)
      if (costs.some((c) => c === undefined)) return '-'
      const ok = costs as { value: number; error: number }[]
      if (!reproduced(ok)) return `~${ok.map((c) => c.value).join(' / ')}`
      const mean = Math.round(ok.reduce((a, c) => a + c.value, 0) / ok.length)
      // A Hono subject's floor is the hand-written floor in the same Hono app (measured against
      // the bare app, as they are); every other's, the floor around the bare handler.
      const floorId = floorOf(id)
      const floors = column.map((r) => r.micro.find((s) => s.id === floorId)?.cells[sc]?.cost)
      if (id === floorId || floors.some((f) => f === undefined) || !reproduced(floors as typeof ok)) {
        return `${mean}`
      }
      const floorMean = (floors as typeof ok).reduce((a, c) => a + c.value, 0) / ok.length
      return `${mean} (${(mean / floorMean).toFixed(2)}x)`
    })
    out.push(line([label, ...cells]))
  }
}
console.log(out.join('\n'))
