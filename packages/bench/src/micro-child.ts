/**
 * @module One child process of the micro benchmark: one subject, next to its reference and to
 * `new Request` alone, interleaved batch by batch so that every figure is a paired difference.
 * Started by micro.ts with `--expose-gc`; reports its raw batch means over IPC.
 */
import { type Answer, describe } from './answer.js'
import type { MicroSettings } from './micro.js'
import { requestFactory, scenarios } from './scenarios.js'
import { references, type SubjectId, subjects } from './subjects/index.js'
import { batchSize, calibrate, iteration, timeBatch } from './timer.js'

/** What the parent asks of a child. */
export interface ChildTask extends MicroSettings {
  subject: SubjectId
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

async function run(task: ChildTask): Promise<ScenarioBatches[]> {
  const subject = subjects[task.subject]
  const subjectHandler = await subject.load()
  const referenceHandler = await references[subject.reference].load()
  const out: ScenarioBatches[] = []
  for (const scenario of scenarios) {
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
    globalThis.gc?.()
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
    const subject: number[] = []
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
        await timed('subject', subject)
      } else {
        await timed('subject', subject)
        await timed('reference', reference)
      }
    }
    out.push({
      scenario: scenario.id,
      request,
      reference,
      subject,
      batchSizes: sizes,
      async: { reference: its.reference.async, subject: its.subject.async },
      answers,
    })
  }
  return out
}

const task = JSON.parse(process.argv[2]!) as ChildTask
const report = (result: ChildResult) => process.send!(result, () => process.disconnect())
run(task).then(
  (batches) => report({ ok: true, batches }),
  (error: unknown) =>
    report({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
)
