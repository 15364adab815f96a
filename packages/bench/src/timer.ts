/**
 * The timer: batches of about `batchMs` each, so the garbage a batch makes (large here: every
 * `new Response()` builds a stream) is collected, and paid for, inside it. A plain loop, unrolled
 * by 4, the same in every runtime (mitata, used before, generates its loop with `new Function`,
 * which workerd forbids).
 * The clock is wall time by default. `cpu` is the process's CPU time (user + system, all threads):
 * other processes taking the core do not inflate it, but V8's concurrent marking does, in bursts
 * that make one batch in three twice as slow; on an idle machine wall time is the steadier.
 */
import type { Handler } from './subjects/index.js'

/** One timed iteration: hand the scenario's Request to the handler and await its answer. */
export interface Iteration {
  run: () => Promise<void>
  /** Whether the handler answered with a Promise (the iteration itself always is one). */
  async: boolean
}

/** Where every iteration's result goes, so that no JIT can drop the work that made it. */
export let sink: unknown

/**
 * The iteration for a handler, on one Request built outside the timed loop: what is timed is
 * the handler alone (a `new Request` costs ~3 us on Node 20 and leaves native garbage behind,
 * several times what a CORS layer costs, and its noise swamped the figures before issue 21).
 * Every iteration is awaited, whatever the handler returns, as a server awaits each answer: the
 * microtask queue then drains between requests. In a synchronous loop it never does, and each
 * `new Response('ok')` stays reachable from its stream's pending start promise until the batch
 * ends (measured: the heap grows by 120 MB a second and the figures are dominated by the
 * old-generation collections this provokes, which no server ever sees).
 */
export async function iteration(handler: Handler, request: Request): Promise<Iteration> {
  const probe = handler(request)
  await probe
  return {
    run: async () => {
      sink = await handler(request)
    },
    async: probe instanceof Promise,
  }
}

/** Which clock times a batch. */
export type Clock = 'cpu' | 'wall'

/** Clocks in ns. getrusage sums the scheduler's exact run time, so `cpu` is exact to the microsecond. */
const clocks: Record<Clock, () => number> = {
  cpu: () => {
    const usage = process.cpuUsage()
    return (usage.user + usage.system) * 1e3
  },
  wall: () => performance.now() * 1e6,
}

/** Runs an iteration for about `ms` and returns its mean cost in ns: warms the JIT and sizes batches. */
export async function calibrate(it: Iteration, ms: number, clock: Clock): Promise<number> {
  const now = clocks[clock]
  let count = 0
  const start = now()
  while (now() - start < ms * 1e6) {
    for (let i = 0; i < 16; i++) await it.run()
    count += 16
  }
  return (now() - start) / count
}

/** Iterations in a batch of about `batchMs`, a multiple of the loop's unroll factor of 4. */
export function batchSize(nsPerIteration: number, batchMs: number): number {
  return Math.max(4, Math.round((batchMs * 1e6) / nsPerIteration / 4) * 4)
}

/**
 * Times one batch of `size` iterations (a multiple of 4) and returns its mean in ns per iteration,
 * after one untimed call. No collection is forced before a batch: after a forced full GC, V8
 * shrinks the young generation and the next batch pays for regrowing it (measured: +1 to 2 us per
 * request here), which no server in steady state pays. A batch pays for the garbage collected
 * during it.
 */
export async function timeBatch(it: Iteration, size: number, clock: Clock): Promise<number> {
  const now = clocks[clock]
  await it.run()
  const start = now()
  for (let i = 0; i < size; i += 4) {
    await it.run()
    await it.run()
    await it.run()
    await it.run()
  }
  return (now() - start) / size
}
