/**
 * @module The `node` suite's in-process figure: the time a CORS layer adds to one request on a
 * loaded machine, where requests per second over loopback are mostly noise. Each layer answers
 * the five ordinary scenarios on Node's real `IncomingMessage`/`ServerResponse` objects (no
 * socket: the answer is buffered), next to the same request without the layer: `cors` and
 * `@corsica/node` as Connect middleware before `res.end('ok')`, `withCors` around a node:http
 * listener, and Fastify 5 apps (bare, `@fastify/cors`, `@corsica/fastify`) through the request
 * handler their server would call.
 * Batches of each variant are taken in turn, round after round; the figure is the median over
 * rounds of (variant batch − bare batch) CPU time per request, this process's CPU time.
 *
 * usage: node dist/node-micro.js [--rounds 15] [--batch 2000] [--smoke]
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { parseArgs } from 'node:util'
import corsica from '@corsica/fastify'
import { cors as corsicaNode, withCors } from '@corsica/node'
import fastifyCors from '@fastify/cors'
import expressCors from 'cors'
import Fastify from 'fastify'
import {
  allowedHeaders,
  allowedMethods,
  allowedOrigins,
  corsicaOptions,
  exposedHeaders,
  maxAge,
} from './policy.js'
import { type Scenario, scenarios } from './scenarios.js'
import { median } from './stats.js'

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    batch: { type: 'string', default: '2000' },
    smoke: { type: 'boolean', default: false },
  },
})
const rounds = args.smoke ? 2 : Number(args.rounds)
const batch = args.smoke ? 20 : Number(args.batch)
const ordinary = scenarios.filter((s) => s.kind === 'ordinary')
const peer = {
  origin: [...allowedOrigins],
  methods: [...allowedMethods],
  allowedHeaders: [...allowedHeaders],
  exposedHeaders: [...exposedHeaders],
  credentials: true,
  maxAge,
}
const ours = corsicaOptions('small')

const socket = new Socket()
function reqRes(s: Scenario): [IncomingMessage, ServerResponse] {
  const req = new IncomingMessage(socket)
  req.method = s.method
  req.url = '/'
  req.headers = { host: 'api.example.com', ...s.headers }
  return [req, new ServerResponse(req)]
}
const answer = (_req: IncomingMessage, res: ServerResponse) => {
  if (!res.writableEnded) {
    res.setHeader('content-type', 'text/plain')
    res.end('ok')
  }
}
type Listener = (req: IncomingMessage, res: ServerResponse) => void
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void
const viaMiddleware = (mw: Middleware) => (s: Scenario) => {
  const [req, res] = reqRes(s)
  mw(req, res, () => answer(req, res))
  if (!res.writableEnded) throw new Error('a middleware answered asynchronously')
}
const listenerCall = (listener: (req: IncomingMessage, res: ServerResponse) => void) => (s: Scenario) => {
  const [req, res] = reqRes(s)
  listener(req, res)
}

/** A Fastify app's own request handler (what its server calls), not listening. */
async function fastifyApp(kind: 'bare' | 'cors' | 'corsica'): Promise<Listener> {
  let handler: Listener | undefined
  const app = Fastify({
    serverFactory(h) {
      handler = h
      return createServer()
    },
  })
  if (kind === 'cors') await app.register(fastifyCors, peer)
  if (kind === 'corsica') await app.register(corsica, ours)
  app.get('/*', async (_request, reply) => reply.type('text/plain').send('ok'))
  await app.ready()
  return handler!
}
/** Fastify answers after a few callbacks: the request is done when `res.end` is called. */
const viaFastify = (listener: Listener) => (s: Scenario) => {
  const [req, res] = reqRes(s)
  const done = new Promise<void>((resolve) => {
    const end = res.end
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      resolve()
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args)
    } as typeof res.end
  })
  listener(req, res)
  return done
}

type Run = (s: Scenario) => void | Promise<void>
const groups: { name: string; bare: Run; variants: Record<string, Run> }[] = [
  {
    name: 'Connect-style middleware (Express, Connect)',
    bare: listenerCall(answer),
    variants: {
      cors: viaMiddleware(expressCors(peer) as Middleware),
      '@corsica/node cors()': viaMiddleware(corsicaNode(ours) as Middleware),
    },
  },
  {
    name: 'node:http listener',
    bare: listenerCall(answer),
    variants: { '@corsica/node withCors()': listenerCall(withCors(ours, answer)) },
  },
  {
    name: 'Fastify 5',
    bare: viaFastify(await fastifyApp('bare')),
    variants: {
      '@fastify/cors': viaFastify(await fastifyApp('cors')),
      '@corsica/fastify': viaFastify(await fastifyApp('corsica')),
    },
  },
]

/**
 * CPU time of this process per request, in ns: on a machine shared with other work, wall time
 * mostly measures waiting for a core; the process's own CPU time does not count that.
 */
async function time(run: Run, s: Scenario): Promise<number> {
  const start = process.cpuUsage()
  for (let i = 0; i < batch; i++) {
    const r = run(s)
    if (r) await r
  }
  const used = process.cpuUsage(start)
  return ((used.user + used.system) * 1000) / batch
}

const added: Record<string, Record<string, number[]>> = {}
for (let round = 0; round < rounds; round++) {
  for (const group of groups)
    for (const s of ordinary) {
      const names = Object.keys(group.variants)
      // Bare first and last, the variants between, their order turning each round.
      const before = await time(group.bare, s)
      const costs: Record<string, number> = {}
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + round) % names.length]!
        costs[name] = await time(group.variants[name]!, s)
      }
      const bare = (before + (await time(group.bare, s))) / 2
      for (const name of names) {
        added[name] ??= {}
        added[name][s.id] ??= []
        added[name][s.id]!.push(costs[name]! - bare)
      }
    }
}

const f = (ns: number) => (ns / 1000).toFixed(2)
const lines = [
  `Node ${process.version}; ${rounds} rounds of ${batch} requests per variant and scenario; CPU µs a layer adds to one request (median over rounds).`,
  '',
  `| layer | ${ordinary.map((s) => s.label).join(' | ')} |`,
  `| --- |${ordinary.map(() => ' ---: |').join('')}`,
]
for (const name of Object.keys(added))
  lines.push(`| ${name} | ${ordinary.map((s) => f(median(added[name]![s.id]!))).join(' | ')} |`)
lines.push('', `| Corsica / the package it replaces | ${ordinary.map((s) => s.label).join(' | ')} |`)
lines.push(`| --- |${ordinary.map(() => ' ---: |').join('')}`)
const replaced: [string, string][] = [
  ['@corsica/node cors()', 'cors'],
  ['@corsica/fastify', '@fastify/cors'],
]
for (const [a, b] of replaced)
  lines.push(
    `| ${a} / ${b} | ${ordinary.map((s) => (median(added[a]![s.id]!) / median(added[b]![s.id]!)).toFixed(2)).join(' | ')} |`,
  )
console.log(lines.join('\n'))
