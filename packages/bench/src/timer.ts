/**
 * The timer: mitata, forced into batches of about `batchMs` each, so the garbage a batch makes
 * (large here: every `new Response()` builds a stream) is collected, and paid for, inside it.
 * The clock is wall time by default. `cpu` is the process's CPU time (user + system, all threads):
 * other processes taking the core do not inflate it, but V8's concurrent marking does, in bursts
 * that make one batch in three twice as slow; on an idle machine wall time is the steadier.
 */
import { do_not_optimize, measure } from 'mitata'
import type { Handler } from './subjects/index.js'

/** One timed iteration: build a fresh Request, hand it to the handler (or not, for the Request alone). */
export interface Iteration {
  run: () => Promise<void>
  /** Whether the handler answered with a Promise (the iteration itself always is one). */
  async: boolean
}

/**
 * The iteration for a handler. Every iteration is awaited, whatever the handler returns, as a
 * server awaits each answer: the microtask queue then drains between requests. In a synchronous
 * loop it never does, and each `new Response('ok')` stays reachable from its stream's pending
 * start promise until the batch ends (measured: the heap grows by 120 MB a second and the figures
 * are dominated by the old-generation collections this provokes, which no server ever sees).
 */
export async function iteration(handler: Handler | null, makeRequest: () => Request): Promise<Iteration> {
  if (handler === null) {
    return {
      run: async () => {
        do_not_optimize(makeRequest())
      },
      async: false,
    }
  }
  const probe = handler(makeRequest())
  await probe
  return {
    run: async () => {
      do_not_optimize(await handler(makeRequest()))
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

/** Iterations in a batch of about `batchMs`, a multiple of mitata's unroll factor of 4. */
export function batchSize(nsPerIteration: number, batchMs: number): number {
  return Math.max(4, Math.round((batchMs * 1e6) / nsPerIteration / 4) * 4)
}

/**
 * Times one batch of `size` iterations with mitata and returns its mean in ns per iteration.
 * No collection is forced before a batch: after a forced full GC, V8 shrinks the young
 * generation and the next batch pays for regrowing it (measured: +1 to 2 us per request here),
 * which no server in steady state pays. A batch pays for the garbage collected during it.
 */
export async function timeBatch(it: Iteration, size: number, clock: Clock): Promise<number> {
  const stats = await measure(it.run, {
    now: clocks[clock],
    batch_samples: size,
    batch_unroll: 4,
    batch_threshold: Number.POSITIVE_INFINITY, // always batch, whatever one call costs
    warmup_samples: 1,
    // Without this, a first call slower than 0.5 ms (one that meets a GC) turns batching off
    // and the "batch" is that single call.
    warmup_threshold: Number.POSITIVE_INFINITY,
    min_samples: 1,
    max_samples: 1,
    min_cpu_time: 0,
    gc: false,
  })
  return stats.samples[0]!
}
