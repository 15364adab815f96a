/** The report of a run: the same tables for the terminal and, as Markdown, for the README. */
import { shortAnswer } from './answer.js'
import type { SubjectResult } from './micro.js'
import type { RuntimeId } from './runtimes.js'
import { scenarios } from './scenarios.js'
import type { ServerResult } from './server.js'
import { median } from './stats.js'
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

function costTable(micro: readonly SubjectResult[], markdown: boolean): string {
  const rows = micro.map((s) => [
    s.label,
    ...scenarios.map((sc) => {
      const c = s.cells[sc.id]!.cost
      return `${c.value} ±${c.error}`
    }),
  ])
  return table(columns, rows, markdown)
}

function ratioTable(micro: readonly SubjectResult[], markdown: boolean): string {
  const floor = micro.find((s) => s.id === 'floor')
  if (floor === undefined) return '(floor not measured)'
  const rows = micro.map((s) => [
    s.label,
    ...scenarios.map((sc) => `${(s.cells[sc.id]!.cost.value / floor.cells[sc.id]!.cost.value).toFixed(2)}x`),
  ])
  return table(columns, rows, markdown)
}

function referenceTable(micro: readonly SubjectResult[], markdown: boolean): string {
  const request = [
    'new Request alone',
    ...scenarios.map((sc) => String(Math.round(median(micro.map((s) => s.cells[sc.id]!.request.value))))),
  ]
  const used = [...new Set(micro.map((s) => s.reference))]
  const rows = used.map((ref) => {
    const users = micro.filter((s) => s.reference === ref)
    return [
      `${references[ref].label} (${users.length} run${users.length > 1 ? 's' : ''})`,
      ...scenarios.map((sc) =>
        String(Math.round(median(users.map((s) => s.cells[sc.id]!.referenceCost.value)))),
      ),
    ]
  })
  return table(columns, [request, ...rows], markdown)
}

function answerTable(micro: readonly SubjectResult[], markdown: boolean): string {
  const rows = micro.map((s) => [
    s.label,
    ...scenarios.map((sc) => shortAnswer(s.cells[sc.id]!.answers.subject)),
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
      heading('What the references cost in ns per request (new Request subtracted), and new Request itself'),
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
