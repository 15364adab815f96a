/**
 * One process of the micro benchmark: a reference and the subjects built on it (the bare handler
 * with the floors and @corsica/core; a Hono app with its middlewares; …), measured side by side,
 * batch by batch, on each scenario's one Request. Runtime-neutral: Node, Deno and Bun run it from
 * micro-child.ts, workerd from micro-worker.ts.
 */
import { type Answer, describe } from './answer.js'
import type { MicroSettings } from './micro.js'
import { type PolicyId, setHandlerBody } from './policy.js'
import { requestOf, scenarios } from './scenarios.js'
import {
  type Entry,
  type Handler,
  type ReferenceId,
  references,
  runs,
  type SubjectId,
  subjects,
} from './subjects/index.js'
import { batchSize, calibrate, iteration, timeBatch } from './timer.js'

/** What the parent asks of a child. */
export interface ChildTask extends MicroSettings {
  /** What every subject here is measured against: they all run on it. */
  reference: ReferenceId
  subjects: SubjectId[]
  /** Only these scenarios (all when absent): workerd gets one request per scenario. */
  scenarios?: string[]
}

/** Raw batch means of one scenario, in ns per iteration: the reference's and each subject's, one per round. */
export interface ScenarioBatches {
  scenario: string
  reference: number[]
  subjects: Partial<Record<SubjectId, number[]>>
  batchSizes: Record<string, number>
  async: Record<string, boolean>
  answers: { reference: Answer; subjects: Partial<Record<SubjectId, Answer>> }
}

/** What a child reports. */
export type ChildResult = { ok: true; batches: ScenarioBatches[] } | { ok: false; error: string }

/** A full collection where the runtime offers one (Node and Deno with --expose-gc, Bun.gc). */
function collect(): void {
  const g = globalThis as { gc?: () => void; Bun?: { gc(force: boolean): void } }
  if (g.gc) g.gc()
  else g.Bun?.gc(true)
}

/** The order of the members in a round: rotated by one each round, reversed every other round. */
export function roundOrder<T>(members: readonly T[], round: number): T[] {
  const shift = Math.floor(round / 2) % members.length
  const rotated = [...members.slice(shift), ...members.slice(0, shift)]
  return round % 2 === 0 ? rotated : rotated.reverse()
}

/** Measures the task's reference and subjects on every scenario, in one process. */
export async function runGroup(task: ChildTask): Promise<ScenarioBatches[]> {
  setHandlerBody(task.body ?? 'none')
  // A reference has no CORS, so no policy: the same one serves every scenario.
  const referenceHandler = await (references[task.reference] as Entry).load('small')
  const loaded = new Map<string, Handler>()
  const handlerOf = async (id: SubjectId, policy: PolicyId) => {
    const key = `${id} ${policy}`
    if (!loaded.has(key)) loaded.set(key, await subjects[id].load(policy))
    return loaded.get(key)!
  }
  const out: ScenarioBatches[] = []
  for (const scenario of scenarios.filter((s) => task.scenarios?.includes(s.id) ?? true)) {
    const ids = task.subjects.filter((id) => runs(id, scenario))
    if (ids.length === 0) continue
    const request = requestOf(scenario)
    const members: { name: string; handler: Handler }[] = [{ name: 'reference', handler: referenceHandler }]
    for (const id of ids) members.push({ name: id, handler: await handlerOf(id, scenario.policy ?? 'small') })
    const answers: ScenarioBatches['answers'] = {
      reference: describe(await referenceHandler(request)),
      subjects: {},
    }
    const its = new Map<string, Awaited<ReturnType<typeof iteration>>>()
    for (const m of members) {
      its.set(m.name, await iteration(m.handler, request))
      if (m.name !== 'reference') answers.subjects[m.name as SubjectId] = describe(await m.handler(request))
    }
    // Each scenario starts from a clean heap, and every function warms up before it is timed.
    collect()
    const sizes: Record<string, number> = {}
    for (const m of members) {
      const it = its.get(m.name)!
      await calibrate(it, task.calibrateMs, task.clock) // let the JIT settle
      sizes[m.name] = batchSize(await calibrate(it, task.calibrateMs, task.clock), task.batchMs)
    }
    const times = new Map<string, number[]>(members.map((m) => [m.name, []]))
    for (let round = 0; round < task.rounds; round++) {
      // Every member once per round, in an order that turns: each follows each of the others
      // about as often, so what one batch leaves to the next (garbage, JIT state) weighs on all.
      // A batch right after another member's runs slower, so each timed batch comes after a
      // short untimed one of its own kind.
      for (const m of roundOrder(members, round)) {
        const it = its.get(m.name)!
        const size = sizes[m.name]!
        await timeBatch(it, Math.max(4, Math.round(size / 20 / 4) * 4), task.clock)
        times.get(m.name)!.push(await timeBatch(it, size, task.clock))
      }
    }
    out.push({
      scenario: scenario.id,
      reference: times.get('reference')!,
      subjects: Object.fromEntries(ids.map((id) => [id, times.get(id)!])),
      batchSizes: sizes,
      async: Object.fromEntries([...its].map(([name, it]) => [name, it.async])),
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
    return { ok: true, batches: await runGroup(task) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
}
