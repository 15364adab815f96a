/**
 * @module The `node` suite: requests per second of Node servers with and without a CORS layer,
 * Express 5 + `cors` vs `@corsica/node`, Fastify 5 + `@fastify/cors` vs `@corsica/fastify`, bare
 * node:http vs `withCors`, on the five ordinary scenarios. Each server runs in its own process;
 * autocannon loads them one after the other with the same settings, the order rotated each round,
 * every load bounded in time, all in one run. What a layer adds is its time per request minus the
 * bare server's (1/rps), and the CPU time per request its server process spent minus the bare one's.
 *
 * usage: node dist/node-bench.js [--seconds 2] [--rounds 3] [--connections 10] [--out dir] [--smoke]
 */
import { type ChildProcess, fork } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { type NodeVariant, nodeBaseline, nodeVariants } from './node-subjects.js'
import { type Scenario, scenarios } from './scenarios.js'
import { median } from './stats.js'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    out: { type: 'string', default: 'bench-results' },
    smoke: { type: 'boolean', default: false },
  },
})
const seconds = args.smoke ? 0 : Number(args.seconds)
const rounds = args.smoke ? 1 : Number(args.rounds)
const connections = Number(args.connections)
const ordinary = scenarios.filter((s) => s.kind === 'ordinary')
const childPath = fileURLToPath(new URL('./node-server-child.js', import.meta.url))

interface Running {
  variant: NodeVariant
  child: ChildProcess
  url: string
  cpu(): Promise<number>
}

async function start(variant: NodeVariant): Promise<Running> {
  const child = fork(childPath, [variant], { stdio: 'inherit' })
  const [{ port }] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`${variant} exited with ${code}`))),
  ])) as [{ port: number }]
  return {
    variant,
    child,
    url: `http://127.0.0.1:${port}/`,
    async cpu() {
      const reply = once(child, 'message')
      child.send('cpu')
      const [{ cpu }] = (await reply) as [{ cpu: NodeJS.CpuUsage }]
      return (cpu.user + cpu.system) * 1e3
    },
  }
}

/** One bounded load of one server with one scenario's request. */
async function load(server: Running, scenario: Scenario, secs: number) {
  const cpuBefore = await server.cpu()
  const result = await autocannon({
    url: server.url,
    method: scenario.method as 'GET',
    headers: scenario.headers,
    connections,
    ...(secs > 0 ? { duration: secs } : { amount: 50 }),
  })
  const cpu = (await server.cpu()) - cpuBefore
  return {
    rps: result.requests.total / result.duration,
    cpuNs: cpu / result.requests.total,
    errors: result.errors,
  }
}

type Cell = { rps: number[]; cpuNs: number[]; errors: number }
const cells = new Map<string, Cell>()
const key = (v: NodeVariant, s: string) => `${v} ${s}`

const servers: Running[] = []
try {
  for (const variant of nodeVariants) servers.push(await start(variant))
  if (seconds > 0) for (const server of servers) for (const s of ordinary) await load(server, s, 1) // JIT warm-up
  for (let round = 0; round < rounds; round++) {
    process.stderr.write(`node suite: round ${round + 1} of ${rounds}\n`)
    for (const [si, scenario] of ordinary.entries()) {
      const order = servers.map((_, i) => servers[(i + round + si) % servers.length]!)
      for (const server of order) {
        const r = await load(server, scenario, seconds)
        const cell = cells.get(key(server.variant, scenario.id)) ?? { rps: [], cpuNs: [], errors: 0 }
        cell.rps.push(r.rps)
        cell.cpuNs.push(r.cpuNs)
        cell.errors += r.errors
        cells.set(key(server.variant, scenario.id), cell)
      }
    }
  }
} finally {
  for (const s of servers) s.child.kill('SIGTERM')
}

/** Per variant and scenario: median rps, µs per request added to its bare server (wall and CPU). */
const results = nodeVariants.map((variant) => ({
  variant,
  scenarios: Object.fromEntries(
    ordinary.map((s) => {
      const cell = cells.get(key(variant, s.id))!
      const bare = cells.get(key(nodeBaseline[variant], s.id))!
      const rps = median(cell.rps)
      return [
        s.id,
        {
          rps,
          addedUs: 1e6 / rps - 1e6 / median(bare.rps),
          addedCpuUs: (median(cell.cpuNs) - median(bare.cpuNs)) / 1e3,
          errors: cell.errors,
          raw: cell,
        },
      ]
    }),
  ),
}))

const pairs: [string, NodeVariant, NodeVariant][] = [
  ['Express 5: @corsica/node vs cors', 'express-corsica', 'express-cors'],
  ['Fastify 5: @corsica/fastify vs @fastify/cors', 'fastify-corsica', 'fastify-cors'],
]
const byId = Object.fromEntries(results.map((r) => [r.variant, r.scenarios]))
const f = (n: number, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d })
const lines: string[] = []
lines.push(
  `Node ${process.version}, ${connections} connections, ${seconds} s per load, ${rounds} rounds (medians).`,
  '',
)
lines.push(
  `| server | ${ordinary.map((s) => s.label).join(' | ')} |`,
  `| --- |${ordinary.map(() => ' ---: |').join('')}`,
)
for (const r of results)
  lines.push(`| ${r.variant} | ${ordinary.map((s) => f(byId[r.variant]![s.id]!.rps)).join(' | ')} |`)
lines.push(
  '',
  'Requests per second above. Below, CPU µs per request the layer adds to its bare server (server process), and the ratio Corsica / the package it replaces:',
  '',
)
lines.push(
  `| pair | ${ordinary.map((s) => s.label).join(' | ')} |`,
  `| --- |${ordinary.map(() => ' ---: |').join('')}`,
)
for (const [label, ours, peer] of pairs)
  lines.push(
    `| ${label} | ${ordinary
      .map((s) => {
        const a = byId[ours]![s.id]!.addedCpuUs
        const b = byId[peer]![s.id]!.addedCpuUs
        return `${f(a, 1)} / ${f(b, 1)} = ${b > 0 ? f(a / b, 2) : 'n/a'}`
      })
      .join(' | ')} |`,
  )
lines.push(
  `| node:http: withCors added | ${ordinary.map((s) => `${f(byId['http-corsica']![s.id]!.addedCpuUs, 1)}`).join(' | ')} |`,
)
lines.push(
  '',
  'Wall time per request added (µs, from requests per second), Corsica / the package it replaces:',
  '',
)
lines.push(
  `| pair | ${ordinary.map((s) => s.label).join(' | ')} |`,
  `| --- |${ordinary.map(() => ' ---: |').join('')}`,
)
for (const [label, ours, peer] of pairs)
  lines.push(
    `| ${label} | ${ordinary
      .map((s) => `${f(byId[ours]![s.id]!.addedUs, 1)} / ${f(byId[peer]![s.id]!.addedUs, 1)}`)
      .join(' | ')} |`,
  )
const table = lines.join('\n')
console.log(table)
const out = resolve(args.out!)
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'node-latest.md'), `${table}\n`)
writeFileSync(
  join(out, 'node-latest.json'),
  JSON.stringify({ node: process.version, seconds, rounds, connections, results }, null, 2),
)
