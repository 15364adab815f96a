/**
 * The micro benchmark's parent: one fresh child process per reference and the subjects built on
 * it (the bare handler with the floors and the core; a Hono app with its middlewares; …), so that
 * the floor and the core, or hono/cors and @corsica/hono, are measured in the same process, batch
 * by batch. The groups are taken in turn, `processes` times; each figure is the median across
 * processes.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Answer } from './answer.js'
import { type ChildResult, type ChildTask, RESULT_MARK, type ScenarioBatches } from './micro-run.js'
import type { HandlerBody } from './policy.js'
import { killGroup, type RuntimeId, spawnIn } from './runtimes.js'
import { scenarios } from './scenarios.js'
import { type Estimate, median, medianDifference, medianEstimate } from './stats.js'
import { type ReferenceId, type SubjectId, subjects } from './subjects/index.js'
import type { Clock } from './timer.js'

/** How long and how often to measure. */
export interface MicroSettings {
  batchMs: number
  rounds: number
  /**
   * Fresh processes per group of subjects. Two processes of the same code can settle ~1.5x apart
   * (what the JIT made of it, where the heap landed), far beyond one process's ±: the median
   * across processes is what the figures are made of.
   */
  processes: number
  calibrateMs: number
  clock: Clock
  /** The handler's body in the micro benchmark (see `handler` in policy.ts). */
  body: HandlerBody
}

/** The figures of one subject on one scenario, in ns per request. */
export interface Cell {
  /** Subject minus reference (medians of interleaved batch means, same process): what the CORS layer costs. */
  cost: Estimate
  /** The reference alone, on the same Request: what the handler or app costs without CORS. */
  referenceCost: Estimate
  /** The median of the pairwise differences of one round's batches, for comparison: noisier (see medianDifference). */
  pairedMedian: number
  answers: { reference: Answer; subject: Answer }
  async: { reference: boolean; subject: boolean }
  batchSizes: { reference: number; subject: number }
  /** Every batch mean, every process's in turn. */
  raw: { reference: number[]; subject: number[] }
}

/** All the figures of one subject. */
export interface SubjectResult {
  id: SubjectId
  label: string
  reference: ReferenceId
  cells: Record<string, Cell>
}

/** No child may run longer than this: a hung runtime stops the run instead of stalling it. */
const CHILD_TIMEOUT_MS = 15 * 60_000

/** Runs one group in a fresh Node, Deno or Bun process; its result is one line of its stdout. */
function runProcess(runtime: Exclude<RuntimeId, 'workerd'>, task: ChildTask): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawnIn(runtime, 'portable/micro-child.js', [JSON.stringify(task)])
    let stdout = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    const timer = setTimeout(() => killGroup(child), CHILD_TIMEOUT_MS)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      killGroup(child)
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK))
      if (line) resolve(JSON.parse(line.slice(RESULT_MARK.length)))
      else reject(new Error(`${runtime} child for ${task.subjects} ended (${signal ?? code}) with no result`))
    })
  })
}

/**
 * Runs one group in a fresh workerd (a Miniflare instance of its own), one scenario per request,
 * each measured in the request's body. workerd's clock ticks in whole milliseconds (it is
 * `Date.now()`), which a 50 ms batch turns into ±2% per batch, less once medians are taken.
 */
async function runWorkerd(task: ChildTask): Promise<ChildResult> {
  const { Miniflare } = await import('miniflare')
  const script = await readFile(fileURLToPath(new URL('./portable/micro-worker.js', import.meta.url)), 'utf8')
  const mf = new Miniflare({ modules: true, script, compatibilityDate: '2026-04-01' })
  try {
    const batches: ScenarioBatches[] = []
    for (const scenario of scenarios) {
      const body = JSON.stringify({ ...task, scenarios: [scenario.id] })
      const response = await mf.dispatchFetch('http://bench/', { method: 'POST', body })
      const result = (await response.json()) as ChildResult
      if (!result.ok) return result
      batches.push(...result.batches)
    }
    return { ok: true, batches }
  } finally {
    await mf.dispose()
  }
}

/** Runs one group in a fresh child; rejects with the child's error if it failed. */
async function runChild(runtime: RuntimeId, task: ChildTask): Promise<ScenarioBatches[]> {
  const result = runtime === 'workerd' ? await runWorkerd(task) : await runProcess(runtime, task)
  if (result.ok) return result.batches
  throw new Error(`${runtime} child for ${task.subjects} failed: ${result.error}`)
}

/**
 * One scenario's figures from each process, as one: each cost is the median across processes,
 * its ± the larger of the spread across processes (as a standard error) and one process's ±
 * over the square root of their number. The raw batches of every process are kept.
 */
function mergeCells(cells: readonly Cell[]): Cell {
  if (cells.length === 1) return cells[0]!
  const across = (pick: (c: Cell) => Estimate): Estimate => {
    const values = cells.map((c) => pick(c).value)
    const within = median(cells.map((c) => pick(c).error)) / Math.sqrt(cells.length)
    return {
      value: Math.round(median(values)),
      error: Math.round(Math.max(medianEstimate(values).error, within)),
    }
  }
  const first = cells[0]!
  return {
    ...first,
    cost: across((c) => c.cost),
    referenceCost: across((c) => c.referenceCost),
    pairedMedian: Math.round(median(cells.map((c) => c.pairedMedian))),
    raw: {
      reference: cells.flatMap((c) => c.raw.reference),
      subject: cells.flatMap((c) => c.raw.subject),
    },
  }
}

/** One subject's figures from a child's raw batches. */
function toCell(b: ScenarioBatches, id: SubjectId): Cell {
  const subject = b.subjects[id]!
  return {
    cost: medianDifference(subject, b.reference),
    referenceCost: medianEstimate(b.reference),
    pairedMedian: Math.round(median(subject.map((s, i) => s - b.reference[i]!))),
    answers: { reference: b.answers.reference, subject: b.answers.subjects[id]! },
    async: { reference: b.async['reference']!, subject: b.async[id]! },
    batchSizes: { reference: b.batchSizes['reference']!, subject: b.batchSizes[id]! },
    raw: { reference: b.reference, subject },
  }
}

/**
 * Measures the given subjects in `runtime`: `settings.processes` rounds, each running every
 * group (a reference and the given subjects built on it) once in a fresh child, in order;
 * `progress` hears of each start.
 */
export async function runMicro(
  runtime: RuntimeId,
  ids: readonly SubjectId[],
  settings: MicroSettings,
  progress: (line: string) => void,
): Promise<SubjectResult[]> {
  const groups = new Map<ReferenceId, SubjectId[]>()
  for (const id of ids)
    groups.set(subjects[id].reference, [...(groups.get(subjects[id].reference) ?? []), id])
  const cells = new Map<SubjectId, Map<string, Cell[]>>(ids.map((id) => [id, new Map()]))
  for (let p = 1; p <= settings.processes; p++) {
    for (const [reference, members] of groups) {
      progress(
        `micro (${runtime}): ${reference} with ${members.join(', ')}, process ${p} of ${settings.processes}`,
      )
      for (const b of await runChild(runtime, { reference, subjects: members, ...settings })) {
        for (const id of members) {
          if (b.subjects[id] === undefined) continue
          const byScenario = cells.get(id)!
          byScenario.set(b.scenario, [...(byScenario.get(b.scenario) ?? []), toCell(b, id)])
        }
      }
    }
  }
  return ids.map((id) => ({
    id,
    label: subjects[id].label,
    reference: subjects[id].reference,
    cells: Object.fromEntries([...cells.get(id)!].map(([scenario, c]) => [scenario, mergeCells(c)])),
  }))
}
