/**
 * @module `pnpm bench [--runtime node|deno|bun|workerd]`: the micro benchmark inside that runtime
 * (one child process, or workerd instance, per subject), then the whole-server figure (Node: Hono
 * on @hono/node-server; Deno.serve; Bun.serve; none for workerd), then the report on the terminal
 * and in bench-results/ (JSON, and Markdown for the README).
 */
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, release, totalmem, type } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runMicro } from './micro.js'
import type { HandlerBody } from './policy.js'
import { type RunResult, render } from './report.js'
import { type RuntimeId, runtimeIds, runtimeVersion } from './runtimes.js'
import { runServers } from './server.js'
import { type Subject, type SubjectId, subjects } from './subjects/index.js'
import { checkTargets } from './targets.js'
import type { Clock } from './timer.js'

const usage = `usage: node dist/main.js [options]
  --runtime R          where to measure: ${runtimeIds.join(', ')} (default node)
  --batch-ms N         length of one timed batch (default 50)
  --rounds N           interleaved rounds per scenario in each process (default 8)
  --processes N        fresh processes per subject, taken in turn with the others' (default 3)
  --calibrate-ms N     warm-up and sizing time per function (default 300: JavaScriptCore settles later than V8)
  --body none|ok       what the handler's 200 carries in the micro benchmark (default none: on
                       Node 20 a body is a stream, ~5 us of garbage per request, the same with
                       or without CORS, which swamps the figures; the servers always answer 'ok')
  --clock wall|cpu     what times a batch (default wall; cpu = process CPU time, all threads,
                       steadier on a busy machine, but it counts GC helper threads' bursts)
  --server-seconds N   seconds per autocannon load (default 5)
  --server-rounds N    rounds of loads per server (default 3)
  --connections N      autocannon connections (default 10)
  --subjects a,b       only these subjects (${Object.keys(subjects).join(', ')})
  --before REV         also measure the core and @corsica/hono as they were at git revision REV,
                       in the same processes (Node only; build them first: pnpm bench:before REV)
  --no-micro | --no-server   skip a part
  --smoke              tiny counts, to check that everything runs (CI); figures mean nothing
  --out DIR            where to write results (default bench-results/ in this package)`

const { values: args } = parseArgs({
  // `pnpm bench -- --x` hands the `--` through: drop it.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    runtime: { type: 'string', default: 'node' },
    'batch-ms': { type: 'string', default: '50' },
    rounds: { type: 'string', default: '8' },
    processes: { type: 'string' },
    'calibrate-ms': { type: 'string', default: '300' },
    clock: { type: 'string', default: 'wall' },
    body: { type: 'string', default: 'none' },
    'server-seconds': { type: 'string', default: '5' },
    'server-rounds': { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    subjects: { type: 'string' },
    before: { type: 'string' },
    'no-micro': { type: 'boolean', default: false },
    'no-server': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    out: { type: 'string', default: fileURLToPath(new URL('../bench-results/', import.meta.url)) },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log(usage)
  process.exit(0)
}

function count(name: keyof typeof args): number {
  const n = Number(args[name])
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0, got ${args[name]}`)
  return n
}

/** --processes, at least 1, or `fallback` when not given. */
function processes(fallback: number): number {
  return args.processes === undefined ? fallback : Math.max(1, count('processes'))
}

const everyday = Object.keys(subjects).filter((id) => !(subjects[id as SubjectId] as Subject).before)
let ids = (args.subjects?.split(',') ?? everyday) as SubjectId[]
if (args.before !== undefined) {
  if (args.runtime !== 'node') throw new Error('--before: Node only')
  const dir = resolve(fileURLToPath(new URL(`../bench-results/before/${args.before}`, import.meta.url)))
  if (!existsSync(join(dir, 'core.js'))) {
    throw new Error(
      `--before ${args.before}: no build in ${dir}; run pnpm --filter @corsica/bench bench:before ${args.before}`,
    )
  }
  // The children inherit it (see importBefore), and each before subject follows its today's.
  process.env['CORSICA_BENCH_BEFORE'] = dir
  const after: Partial<Record<SubjectId, SubjectId>> = {
    'corsica-core': 'corsica-core-before',
    'corsica-csrf': 'corsica-csrf-before',
    'corsica-hono': 'corsica-hono-before',
  }
  ids = ids.flatMap((id) => (after[id] === undefined || ids.includes(after[id]) ? [id] : [id, after[id]]))
}
const unknown = ids.filter((id) => !(id in subjects))
if (unknown.length > 0) throw new Error(`unknown subject ${unknown.join(', ')}; see --help`)

if (!runtimeIds.includes(args.runtime as RuntimeId))
  throw new Error(`--runtime must be one of ${runtimeIds.join(', ')}, got ${args.runtime}`)
const runtime = args.runtime as RuntimeId
if (runtime === 'workerd' && args.clock === 'cpu') throw new Error('--clock cpu: workerd has no CPU clock')

if (args.clock !== 'cpu' && args.clock !== 'wall')
  throw new Error(`--clock must be cpu or wall, got ${args.clock}`)
const clock: Clock = args.clock
if (args.body !== 'none' && args.body !== 'ok') throw new Error(`--body must be none or ok, got ${args.body}`)
const body: HandlerBody = args.body
const micro = args.smoke
  ? { batchMs: 1, rounds: 2, processes: processes(1), calibrateMs: 2, clock, body }
  : {
      batchMs: count('batch-ms'),
      rounds: count('rounds'),
      processes: processes(3),
      calibrateMs: count('calibrate-ms'),
      clock,
      body,
    }
const server = args.smoke
  ? { seconds: 0, requests: 50, rounds: 1, connections: 2 }
  : {
      seconds: count('server-seconds'),
      requests: 0,
      rounds: count('server-rounds'),
      connections: count('connections'),
    }

const progress = (line: string) => console.error(`[bench] ${line}`)
const microResults = args['no-micro'] ? [] : await runMicro(runtime, ids, micro, progress)
const serverResults = args['no-server'] ? [] : await runServers(runtime, server, progress)

const run: RunResult = {
  date: new Date().toISOString(),
  runtime,
  runtimeVersion: runtimeVersion(runtime),
  machine: {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
  },
  settings: {
    smoke: args.smoke,
    micro,
    server,
    ...(args.before === undefined ? {} : { before: args.before }),
  },
  micro: microResults,
  servers: serverResults,
  targets: checkTargets(microResults, serverResults),
}

console.log(render(run, false))
const out = resolve(args.out)
await mkdir(out, { recursive: true })
const stamp = `${runtime}-${run.date.replace(/[:.]/g, '-')}`
const json = `${JSON.stringify(run, null, 2)}\n`
await writeFile(join(out, `${stamp}.json`), json)
// latest.json is the last run in any runtime; latest-<runtime>.* the last in each.
for (const name of ['latest', `latest-${runtime}`]) {
  await writeFile(join(out, `${name}.json`), json)
  await writeFile(join(out, `${name}.md`), render(run, true))
}
progress(`results in ${out}`)
