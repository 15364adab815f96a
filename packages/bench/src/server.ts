/**
 * The whole-server figure: requests per second of a server, each variant in its own process,
 * loaded in turn over loopback by autocannon for a bounded time, round after round. On Node: the
 * Hono app on @hono/node-server, bare, behind @corsica/hono and behind hono/cors. On Deno and
 * Bun: `Deno.serve` / `Bun.serve` with the bare handler, the floor, and `cors.wrap(handler)`.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { allowedOrigins } from './policy.js'
import { killGroup, processCpuNs, type RuntimeId, spawnIn } from './runtimes.js'
import type { ServeVariant } from './serve-child.js'
import { median } from './stats.js'
import type { HonoVariant } from './subjects/hono.js'

/** A server variant: a Hono app on Node, a Deno.serve or Bun.serve handler elsewhere. */
export type ServerVariant = HonoVariant | ServeVariant

/** The variants measured in each runtime, the bare one first (workerd: none, it has no server here). */
export const serverVariants: Record<RuntimeId, ServerVariant[]> = {
  node: ['bare', 'empty-middleware', 'floor-middleware', 'corsica-hono', 'hono-cors'],
  deno: ['bare', 'floor', 'corsica-core'],
  bun: ['bare', 'floor', 'corsica-core'],
  workerd: [],
}

/** How hard and how long to load each server. */
export interface ServerSettings {
  /** Seconds per load; 0 means send `requests` requests instead (the smoke test). */
  seconds: number
  requests: number
  rounds: number
  connections: number
}

/** The figures of one server variant. */
export interface ServerResult {
  variant: ServerVariant
  /** Requests per second, one entry per round. */
  rps: number[]
  medianRps: number
  /** Throughput lost against the bare app, in percent of the bare app's median. */
  lossPercent: number
  /** Server process CPU time per request in ns, one entry per round. */
  cpuPerRequest: number[]
  medianCpuPerRequest: number
  /** Throughput lost if the server were CPU-bound: 1 - bare CPU per request / this one's, in percent. */
  cpuLossPercent: number
  non2xx: number
  errors: number
}

const childPath = fileURLToPath(new URL('./server-child.js', import.meta.url))

interface Running {
  variant: ServerVariant
  child: ChildProcess
  url: string
  /** The server process's CPU time so far, in ns. */
  cpuTime(): Promise<number>
  stop(): Promise<void>
}

/** A Hono variant on @hono/node-server: it reports its port and its CPU time over IPC. */
async function startNode(variant: ServerVariant): Promise<Running> {
  const child = fork(childPath, [variant], { stdio: 'inherit' })
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`server ${variant} exited with ${code}`))),
  ])) as [{ port: number }]
  return {
    variant,
    child,
    url: `http://127.0.0.1:${message.port}/`,
    async cpuTime() {
      const reply = once(child, 'message')
      child.send('cpu')
      const [{ cpu }] = (await reply) as [{ cpu: NodeJS.CpuUsage }]
      return (cpu.user + cpu.system) * 1e3
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** A Deno.serve or Bun.serve variant: it prints its port; its CPU time comes from /proc. */
async function startServe(runtime: 'deno' | 'bun', variant: ServerVariant): Promise<Running> {
  const child = spawnIn(runtime, 'portable/serve-child.js', [variant])
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () => reject(new Error(`${runtime} server ${variant} did not listen: ${out}`)),
      30_000,
    )
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const match = /listening on (\d+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.on('exit', (code) => reject(new Error(`${runtime} server ${variant} exited with ${code}: ${out}`)))
  })
  return {
    variant,
    child,
    url: `http://127.0.0.1:${port}/`,
    cpuTime: () => processCpuNs(child.pid!),
    async stop() {
      const exited = child.exitCode === null && child.signalCode === null ? once(child, 'exit') : null
      killGroup(child)
      await exited
    },
  }
}

/** One load of one server: an allowed cross-origin GET, the request a CORS API serves most. */
async function load(server: Running, settings: ServerSettings, seconds: number) {
  const cpuBefore = await server.cpuTime()
  const result = await autocannon({
    url: server.url,
    connections: settings.connections,
    headers: { origin: allowedOrigins[0] },
    ...(seconds > 0 ? { duration: seconds } : { amount: settings.requests }),
  })
  const cpu = (await server.cpuTime()) - cpuBefore
  return {
    rps: result.requests.total / result.duration,
    cpuPerRequest: cpu / result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

/** Runs the whole-server figure; every server process is stopped before it returns or throws. */
export async function runServers(
  runtime: RuntimeId,
  settings: ServerSettings,
  progress: (line: string) => void,
): Promise<ServerResult[]> {
  const variants = serverVariants[runtime]
  if (variants.length === 0) return []
  const servers: Running[] = []
  try {
    for (const variant of variants)
      servers.push(
        runtime === 'node' ? await startNode(variant) : await startServe(runtime as 'deno' | 'bun', variant),
      )
    // Warm each server's JIT first, except in a smoke run (seconds = 0), where figures mean nothing.
    if (settings.seconds > 0)
      for (const server of servers) await load(server, settings, Math.min(settings.seconds, 2))
    const figures = new Map(
      variants.map((v) => [v, { rps: [] as number[], cpuPerRequest: [] as number[], non2xx: 0, errors: 0 }]),
    )
    for (let round = 0; round < settings.rounds; round++) {
      progress(`server (${runtime}): round ${round + 1} of ${settings.rounds}`)
      // Rotate the order each round, so no variant always runs first or last.
      const order = servers.map((_, i) => servers[(i + round) % servers.length]!)
      for (const server of order) {
        const r = await load(server, settings, settings.seconds)
        const f = figures.get(server.variant)!
        f.rps.push(r.rps)
        f.cpuPerRequest.push(r.cpuPerRequest)
        f.non2xx += r.non2xx
        f.errors += r.errors
      }
    }
    const bare = figures.get('bare')
    const bareRps = median(bare?.rps ?? [])
    const bareCpu = median(bare?.cpuPerRequest ?? [])
    return variants.map((variant) => {
      const f = figures.get(variant)!
      const medianRps = median(f.rps)
      const medianCpuPerRequest = median(f.cpuPerRequest)
      return {
        variant,
        ...f,
        medianRps,
        lossPercent: ((bareRps - medianRps) / bareRps) * 100,
        medianCpuPerRequest,
        cpuLossPercent: (1 - bareCpu / medianCpuPerRequest) * 100,
      }
    })
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
  }
}
