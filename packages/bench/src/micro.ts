/**
 * The micro benchmark's parent: fresh child processes per subject, the subjects taken in turn
 * (floor, core, …, floor, core, …), then the figures: per process, then the median across them.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Answer } from './answer.js'
import { type ChildResult, type ChildTask, RESULT_MARK, type ScenarioBatches } from './micro-run.js'
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
   * Fresh processes per subject. Two processes of the same code can settle ~1.5x apart (what
   * the JIT made of it, where the heap landed), far beyond one process's ±: the median across
   * processes taken in turn with the other subjects' is what the ratios are made of.
   */
  processes: number
  calibrateMs: number
  clock: Clock
}

/** The figures of one subject on one scenario, in ns per request. */
export interface Cell {
  /** Subject minus reference (medians of interleaved batch means): what the CORS layer costs. */
  cost: Estimate
  /** Reference minus `new Request` alone: what the handler or app costs without CORS. */
  referenceCost: Estimate
  /** `new Request` alone. */
  request: Estimate
  /** The median of the pairwise differences, for comparison: noisier (see medianDifference). */
  pairedMedian: number
  answers: { reference: Answer; subject: Answer }
  async: { reference: boolean; subject: boolean }
  batchSizes: ScenarioBatches['batchSizes']
  raw: Pick<ScenarioBatches, 'request' | 'reference' | 'subject'>
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

/** Runs one subject in a fresh Node, Deno or Bun process; its result is one line of its stdout. */
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
      else reject(new Error(`${runtime} child for ${task.subject} ended (${signal ?? code}) with no result`))
    })
  })
}

/**
 * Runs one subject in a fresh workerd (a Miniflare instance of its own), one scenario per request,
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

/** Runs one subject in a fresh child; rejects with the child's error if it failed. */
async function runChild(runtime: RuntimeId, task: ChildTask): Promise<ScenarioBatches[]> {
  const result = runtime === 'workerd' ? await runWorkerd(task) : await runProcess(runtime, task)
  if (result.ok) return result.batches
  throw new Error(`${runtime} child for ${task.subject} failed: ${result.error}`)
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
    request: across((c) => c.request),
    pairedMedian: Math.round(median(cells.map((c) => c.pairedMedian))),
    raw: {
      request: cells.flatMap((c) => c.raw.request),
      reference: cells.flatMap((c) => c.raw.reference),
      subject: cells.flatMap((c) => c.raw.subject),
    },
  }
}

/** Turns a child's raw batches into figures. */
function toCell(b: ScenarioBatches): Cell {
  return {
    cost: medianDifference(b.subject, b.reference),
    referenceCost: medianDifference(b.reference, b.request),
    request: medianEstimate(b.request),
    pairedMedian: Math.round(median(b.subject.map((s, i) => s - b.reference[i]!))),
    answers: b.answers,
    async: b.async,
    batchSizes: b.batchSizes,
    raw: { request: b.request, reference: b.reference, subject: b.subject },
  }
}

/**
 * Measures the given subjects in `runtime`: `settings.processes` rounds, each running every
 * subject once in a fresh child, in order; `progress` hears of each start.
 */
export async function runMicro(
  runtime: RuntimeId,
  ids: readonly SubjectId[],
  settings: MicroSettings,
  progress: (line: string) => void,
): Promise<SubjectResult[]> {
  const cells = new Map<SubjectId, Map<string, Cell[]>>(ids.map((id) => [id, new Map()]))
  for (let p = 1; p <= settings.processes; p++) {
    for (const id of ids) {
      progress(`micro (${runtime}): ${id}, process ${p} of ${settings.processes}`)
      for (const b of await runChild(runtime, { subject: id, ...settings })) {
        const byScenario = cells.get(id)!
        byScenario.set(b.scenario, [...(byScenario.get(b.scenario) ?? []), toCell(b)])
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
