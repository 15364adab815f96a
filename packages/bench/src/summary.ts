/**
 * @module `pnpm --filter @corsica/bench summary [FILE...]`: one table across runtimes from their
 * runs' JSON (default: bench-results/latest-<runtime>.json for each runtime found): the ratio of
 * each subject to the floor in the same runtime and run, per scenario, and the whole-server loss.
 * Several runs of one runtime share its column, `run 1 / run 2 / …` in the order given. With two
 * runs or more of a runtime, it also prints the table the docs publish: each subject's cost over
 * the floor's in the same run, only where every run reproduces it within 10%.
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

// The published table: per runtime with two runs or more, every ratio all runs reproduce.
// Ratios, not nanoseconds: a ratio is of two costs measured in the same process, while the
// machine's speed moves between processes and runs (on the 2-core VM of docs/benchmarks.md, the
// bare handler alone cost 480 to 504 ns in one run and 715 to 749 ns in the next), so absolute costs do not
// reproduce within 10% where the ratios do.
for (const column of columns.filter((c) => c.length >= 2)) {
  out.push(
    '',
    `${name(column[0]!)}: cost / the floor's cost in the same run (Hono subjects: the floor in the Hono app), the mean of ${column.length} runs, where every run reproduces it within 10% (else each run's, marked ~):`,
    '',
    line(['subject', ...scenarios.map((s) => s.short)]),
    line(['---', ...scenarios.map(() => '---:')]),
  )
  const ids = [...new Set(column.flatMap((r) => r.micro.map((s) => s.id)))]
  for (const id of ids) {
    const label = column.flatMap((r) => r.micro).find((s) => s.id === id)!.label
    const floorId = floorOf(id)
    const cells = scenarios.map((sc) => {
      const measured = column.every((r) => r.micro.find((s) => s.id === id)?.cells[sc.id] !== undefined)
      if (id === floorId) return measured ? '1.00x' : '-'
      const ratios = column.map((r) => {
        const cost = (subject: string) => r.micro.find((s) => s.id === subject)?.cells[sc.id]?.cost
        const [c, f] = [cost(id), cost(floorId)]
        return c === undefined || f === undefined
          ? undefined
          : significant(c) && significant(f)
            ? c.value / f.value
            : null
      })
      if (ratios.some((x) => x === undefined)) return '-'
      if (ratios.some((x) => x === null)) return 'n/a'
      const v = ratios as number[]
      if (Math.max(...v) > 1.1 * Math.min(...v)) return `~${v.map((x) => x.toFixed(2)).join(' / ')}`
      return `${(v.reduce((a, x) => a + x, 0) / v.length).toFixed(2)}x`
    })
    out.push(line([label, ...cells]))
  }
}
console.log(out.join('\n'))
