/**
 * One subject of the micro benchmark, measured next to its reference and to `new Request` alone,
 * interleaved batch by batch so that every figure is a paired difference. Runtime-neutral: Node,
 * Deno and Bun run it from micro-child.ts, workerd from micro-worker.ts.
 */
import { type Answer, describe } from './answer.js'
import type { MicroSettings } from './micro.js'
import type { PolicyId } from './policy.js'
import { requestFactory, scenarios } from './scenarios.js'
import { type Entry, type Handler, references, type SubjectId, subjects } from './subjects/index.js'
import { batchSize, calibrate, iteration, timeBatch } from './timer.js'

/** What the parent asks of a child. */
export interface ChildTask extends MicroSettings {
  subject: SubjectId
  /** Only these scenarios (all when absent): workerd gets one request per scenario. */
  scenarios?: string[]
}

/** Raw batch means of one scenario, in ns per iteration: reference and subject, one per round. */
export interface ScenarioBatches {
  scenario: string
  request: number[]
  reference: number[]
  subject: number[]
  batchSizes: { request: number; reference: number; subject: number }
  async: { reference: boolean; subject: boolean }
  answers: { reference: Answer; subject: Answer }
}

/** What a child reports. */
export type ChildResult = { ok: true; batches: ScenarioBatches[] } | { ok: false; error: string }

async function answerOf(result: Response | Promise<Response>): Promise<Answer> {
  return describe(await result)
}

/** A full collection where the runtime offers one (Node and Deno with --expose-gc, Bun.gc). */
function collect(): void {
  const g = globalThis as { gc?: () => void; Bun?: { gc(force: boolean): void } }
  if (g.gc) g.gc()
  else g.Bun?.gc(true)
}

/** Measures the task's subject on every scenario. */
export async function runSubject(task: ChildTask): Promise<ScenarioBatches[]> {
  const subject = subjects[task.subject]
  // A reference has no CORS, so no policy: the same one serves every scenario.
  const referenceHandler = await (references[subject.reference] as Entry).load('small')
  const byPolicy = new Map<PolicyId, Handler>()
  const out: ScenarioBatches[] = []
  for (const scenario of scenarios.filter((s) => task.scenarios?.includes(s.id) ?? true)) {
    const policy = scenario.policy ?? 'small'
    if (!byPolicy.has(policy)) byPolicy.set(policy, await subject.load(policy))
    const subjectHandler = byPolicy.get(policy)!
    const makeRequest = requestFactory(scenario)
    const answers = {
      reference: await answerOf(referenceHandler(makeRequest())),
      subject: await answerOf(subjectHandler(makeRequest())),
    }
    const its = {
      request: await iteration(null, makeRequest),
      reference: await iteration(referenceHandler, makeRequest),
      subject: await iteration(subjectHandler, makeRequest),
    }
    // Each scenario starts from a clean heap, and every function warms up before it is timed.
    collect()
    const sizes = { request: 0, reference: 0, subject: 0 }
    const size = async (name: keyof typeof its) => {
      await calibrate(its[name], task.calibrateMs, task.clock) // let the JIT settle
      sizes[name] = batchSize(await calibrate(its[name], task.calibrateMs, task.clock), task.batchMs)
    }
    // `new Request` alone gets batches of its own, before the pairs: Requests leave native objects
    // (their AbortSignal) for a later collection to clean up, faster than a handler does, so a
    // batch that follows a Request-only batch pays part of its debt (measured: +5 us per request).
    await size('request')
    const request: number[] = []
    for (let i = 0; i < Math.max(3, Math.ceil(task.rounds / 4)); i++) {
      request.push(await timeBatch(its.request, sizes.request, task.clock))
    }
    await size('reference')
    await size('subject')
    const reference: number[] = []
    const subjectTimes: number[] = []
    // A batch right after the other side's runs slower (the IC and GC state the other left): each
    // timed batch comes after a short untimed one of its own kind.
    const timed = async (name: 'reference' | 'subject', into: number[]) => {
      await timeBatch(its[name], Math.max(4, Math.round(sizes[name] / 20 / 4) * 4), task.clock)
      into.push(await timeBatch(its[name], sizes[name], task.clock))
    }
    for (let round = 0; round < task.rounds; round++) {
      // ABBA order: each side follows itself as often as the other, so what one batch leaves to
      // the next (garbage, JIT state) weighs on both alike.
      if (round % 2 === 0) {
        await timed('reference', reference)
        await timed('subject', subjectTimes)
      } else {
        await timed('subject', subjectTimes)
        await timed('reference', reference)
      }
    }
    out.push({
      scenario: scenario.id,
      request,
      reference,
      subject: subjectTimes,
      batchSizes: sizes,
      async: { reference: its.reference.async, subject: its.subject.async },
      answers,
    })
  }
  return out
}

/** The line a child prints its result on, after this marker (libraries may print too). */
export const RESULT_MARK = '@@corsica-bench-result '

/** Runs a task and turns any failure into a result the parent can read. */
export async function childResult(task: ChildTask): Promise<ChildResult> {
  try {
    return { ok: true, batches: await runSubject(task) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
}
