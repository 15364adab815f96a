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

/** Raw batch means of one scenario, in ns per iteration, one entry per round. */
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
    const names = ['request', 'reference', 'subject'] as const
    const sizes = { request: 0, reference: 0, subject: 0 }
    for (const name of names) {
      await calibrate(its[name], task.calibrateMs, task.clock) // warm-up: let the JIT settle first
      sizes[name] = batchSize(await calibrate(its[name], task.calibrateMs, task.clock), task.batchMs)
    }
    const times = { request: [] as number[], reference: [] as number[], subject: [] as number[] }
    for (let round = 0; round < task.rounds; round++) {
      // Alternate the order so that a drift within a round weighs on each side alike.
      const order = round % 2 === 0 ? names : [...names].reverse()
      for (const name of order) times[name].push(await timeBatch(its[name], sizes[name], task.clock))
    }
    out.push({
      scenario: scenario.id,
      ...times,
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
