/**
 * The timer: mitata, forced into batches of about `batchMs` each, so the garbage a batch makes
 * (large here: every `new Response()` builds a stream) is collected, and paid for, inside it.
 * The clock is the process's CPU time by default (user + system, all threads, so V8's GC helper
 * threads count too): unlike wall time, it does not count the time other processes take the core.
 */
import { do_not_optimize, measure } from 'mitata'
import type { Handler } from './subjects/index.js'

/** One timed iteration: build a fresh Request, hand it to the handler (or not, for the Request alone). */
export interface Iteration {
  run: () => unknown
  async: boolean
}

/** The iteration for a handler, awaiting its answer only when the handler answers with a Promise. */
export async function iteration(handler: Handler | null, makeRequest: () => Request): Promise<Iteration> {
  if (handler === null) return { run: () => do_not_optimize(makeRequest()), async: false }
  const probe = handler(makeRequest())
  if (!(probe instanceof Promise)) return { run: () => do_not_optimize(handler(makeRequest())), async: false }
  await probe
  return { run: () => handler(makeRequest()), async: true }
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
    for (let i = 0; i < 16; i++) {
      const r = it.run()
      if (it.async) await r
    }
    count += 16
  }
  return (now() - start) / count
}

/** Iterations in a batch of about `batchMs`, a multiple of mitata's unroll factor of 4. */
export function batchSize(nsPerIteration: number, batchMs: number): number {
  return Math.max(4, Math.round((batchMs * 1e6) / nsPerIteration / 4) * 4)
}

const gc = typeof globalThis.gc === 'function' ? globalThis.gc : false

/**
 * Times one batch of `size` iterations with mitata and returns its mean in ns per iteration.
 * mitata collects garbage before the batch (with --expose-gc), so no batch pays for another's.
 */
export async function timeBatch(it: Iteration, size: number, clock: Clock): Promise<number> {
  const stats = await measure(it.run, {
    now: clocks[clock],
    batch_samples: size,
    batch_unroll: 4,
    batch_threshold: Number.POSITIVE_INFINITY, // always batch, whatever one call costs
    warmup_samples: 1,
    min_samples: 1,
    max_samples: 1,
    min_cpu_time: 0,
    gc,
  })
  return stats.samples[0]!
}
