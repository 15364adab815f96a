/** The micro benchmark's parent: one child process per subject, run one after another, then the figures. */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Answer } from './answer.js'
import type { ChildResult, ChildTask, ScenarioBatches } from './micro-child.js'
import { type Estimate, median, medianDifference, medianEstimate } from './stats.js'
import { type ReferenceId, type SubjectId, subjects } from './subjects/index.js'
import type { Clock } from './timer.js'

/** How long and how often to measure. */
export interface MicroSettings {
  batchMs: number
  rounds: number
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

const childPath = fileURLToPath(new URL('./micro-child.js', import.meta.url))

/** Runs one subject in a fresh child process; rejects with the child's error if it failed. */
function runChild(task: ChildTask): Promise<ScenarioBatches[]> {
  return new Promise((resolve, reject) => {
    const child = fork(childPath, [JSON.stringify(task)], { execArgv: ['--expose-gc'], stdio: 'inherit' })
    let result: ChildResult | undefined
    child.on('message', (message) => {
      result = message as ChildResult
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (result?.ok) resolve(result.batches)
      else
        reject(
          new Error(`bench child for ${task.subject} failed (exit ${code}): ${result?.error ?? 'no result'}`),
        )
    })
  })
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

/** Measures the given subjects, one child each, in order; `progress` hears of each start. */
export async function runMicro(
  ids: readonly SubjectId[],
  settings: MicroSettings,
  progress: (line: string) => void,
): Promise<SubjectResult[]> {
  const results: SubjectResult[] = []
  for (const id of ids) {
    progress(`micro: ${id}`)
    const batches = await runChild({ subject: id, ...settings })
    const { label, reference } = subjects[id]
    results.push({
      id,
      label,
      reference,
      cells: Object.fromEntries(batches.map((b) => [b.scenario, toCell(b)])),
    })
  }
  return results
}
