/** The report of a run: the same tables for the terminal and, as Markdown, for the README. */
import { shortAnswer } from './answer.js'
import type { Cell, SubjectResult } from './micro.js'
import type { RuntimeId } from './runtimes.js'
import { scenarios } from './scenarios.js'
import type { ServerResult } from './server.js'
import type { Estimate } from './stats.js'
import { references } from './subjects/index.js'
import type { TargetCheck } from './targets.js'

/** Everything one run produced, as written to bench-results/*.json. */
export interface RunResult {
  date: string
  runtime: RuntimeId
  runtimeVersion: string
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string }
  settings: Record<string, unknown>
  micro: SubjectResult[]
  servers: ServerResult[]
  targets: TargetCheck[]
}

function table(head: string[], rows: string[][], markdown: boolean): string {
  if (markdown) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`
    return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n')
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

const columns = ['', ...scenarios.map((s) => s.short)]

/** A cell of a subject on a scenario, or `-` where the subject does not run it. */
function cellText(s: SubjectResult, scenario: string, text: (c: Cell) => string): string {
  const c = s.cells[scenario]
  return c === undefined ? '-' : text(c)
}

function costTable(micro: readonly SubjectResult[], markdown: boolean): string {
  const rows = micro.map((s) => [
    s.label,
    ...scenarios.map((sc) => cellText(s, sc.id, (c) => `${c.cost.value} ±${c.cost.error}`)),
  ])
  return table(columns, rows, markdown)
}

/** Whether a cost is told apart from zero: positive and more than twice its standard error. */
export function significant(cost: Estimate): boolean {
  return cost.value > 0 && cost.value > 2 * cost.error
}

/**
 * A subject's cost over the floor's, or `n/a` when either is not told apart from zero (a ratio
 * of noise is noise: the tables before issue 21 printed negative ones).
 */
export function ratioText(subject: Estimate, floor: Estimate): string {
  return significant(subject) && significant(floor) ? `${(subject.value / floor.value).toFixed(2)}x` : 'n/a'
}

function ratioTable(micro: readonly SubjectResult[], markdown: boolean): string {
  const floor = micro.find((s) => s.id === 'floor')
  if (floor === undefined) return '(floor not measured)'
  const rows = micro.map((s) => [
    s.label,
    ...scenarios.map((sc) =>
      cellText(s, sc.id, (c) => {
        const f = floor.cells[sc.id]
        return f === undefined ? '-' : ratioText(c.cost, f.cost)
      }),
    ),
  ])
  return table(columns, rows, markdown)
}

function referenceTable(micro: readonly SubjectResult[], markdown: boolean): string {
  const used = [...new Set(micro.map((s) => s.reference))]
  const rows = used.map((ref) => {
    // The subjects of a reference were measured in the same processes: any of them holds it.
    const users = micro.filter((s) => s.reference === ref)
    return [
      references[ref].label,
      ...scenarios.map((sc) => {
        const c = users.find((s) => s.cells[sc.id] !== undefined)?.cells[sc.id]
        return c === undefined ? '-' : String(c.referenceCost.value)
      }),
    ]
  })
  return table(columns, rows, markdown)
}

function answerTable(micro: readonly SubjectResult[], markdown: boolean): string {
  const rows = micro.map((s) => [
    s.label,
    ...scenarios.map((sc) => cellText(s, sc.id, (c) => shortAnswer(c.answers.subject))),
  ])
  return table(columns, rows, markdown)
}

/** What the whole server is in each runtime, for the heading. */
const serverName: Record<RuntimeId, string> = {
  node: 'Hono on @hono/node-server',
  deno: 'Deno.serve',
  bun: 'Bun.serve',
  workerd: '(none)',
}

function serverTable(runtime: RuntimeId, servers: readonly ServerResult[], markdown: boolean): string {
  const label = (variant: ServerResult['variant']) =>
    runtime === 'node'
      ? {
          bare: 'Hono app, no CORS',
          'empty-middleware': 'Hono empty middleware',
          'floor-middleware': 'Hono floor middleware',
          'corsica-hono': '@corsica/hono',
          'hono-cors': 'hono/cors',
        }[variant as string]
      : { bare: 'bare handler', floor: 'floor (hand-written)', 'corsica-core': 'cors.wrap(handler)' }[
          variant as string
        ]
  const rows = servers.map((s) => [
    label(s.variant) ?? s.variant,
    String(Math.round(s.medianRps)),
    s.rps.map((r) => Math.round(r)).join(' / '),
    s.variant === 'bare' ? '' : `${s.lossPercent.toFixed(1)}%`,
    String(Math.round(s.medianCpuPerRequest)),
    s.variant === 'bare' ? '' : `${s.cpuLossPercent.toFixed(1)}%`,
    `${s.non2xx}/${s.errors}`,
  ])
  const head = ['', 'req/s', 'req/s per round', 'lost', 'server CPU ns/req', 'lost (CPU)', 'non-2xx/err']
  return table(head, rows, markdown)
}

function targetLines(targets: readonly TargetCheck[]): string {
  const mark = (met: boolean | null) => (met === null ? 'n/a   ' : met ? 'met   ' : 'MISSED')
  return targets.map((t) => `${mark(t.met)}  ${t.target}: ${t.figure}`).join('\n')
}

/** The whole report. */
export function render(run: RunResult, markdown: boolean): string {
  const m = run.machine
  const heading = (text: string) => (markdown ? `#### ${text}` : `== ${text}`)
  const code = (text: string) => (markdown ? `\`\`\`\n${text}\n\`\`\`` : text)
  const parts = [
    `${run.runtimeVersion} (runtime), ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, ${run.date}`,
    `settings: ${JSON.stringify(run.settings)}`,
  ]
  if (run.micro.length > 0) {
    parts.push(
      heading(
        "CORS cost in ns per request: median of the subject's batch means minus its reference's, ± standard error",
      ),
      costTable(run.micro, markdown),
      heading('Ratio to the floor'),
      ratioTable(run.micro, markdown),
      heading(
        'What the references cost in ns per request (the handler or app alone, on the same reused Request)',
      ),
      referenceTable(run.micro, markdown),
      heading('What each subject answered (status, + when Access-Control-Allow-Origin is set)'),
      answerTable(run.micro, markdown),
    )
  }
  if (run.servers.length > 0) {
    parts.push(
      heading(
        `Whole server, ${serverName[run.runtime]}: allowed cross-origin GET over loopback (autocannon)`,
      ),
      serverTable(run.runtime, run.servers, markdown),
    )
  }
  parts.push(heading('Targets'), code(targetLines(run.targets)))
  return `${parts.join('\n\n')}\n`
}
