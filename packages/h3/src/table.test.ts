/**
 * The shared table over HTTP: every case (then the preflightContinue and csrf cases; not the
 * WebSocket handshakes, whose Upgrade header undici refuses to send) as its own h3 app,
 * `app.use(cors(options))` then a route for every method, served by h3's `serve` on 127.0.0.1.
 * The servers start once, before the cases, and stop after them.
 */
import {
  type Case,
  cases,
  checkOutcome,
  continueCases,
  csrfCases,
  handlers,
  type PerOriginCase,
  perOriginCases,
} from '@corsica/testkit'
import { sendCase } from '@corsica/testkit/http'
import { H3 } from 'h3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Served, serveApp } from '../test/serve.ts'
import { cors } from './index.ts'

/**
 * Where Node answers before h3 runs, named: Node's HTTP server refuses a request whose header
 * section exceeds 16 KiB (its default `maxHeaderSize`) with 431. Refused either way.
 */
const nodeAnswers: Record<string, Case['expect']> = {
  '16 KB of commas is refused unread': {
    status: 431,
    headers: { 'access-control-allow-origin': null, 'access-control-allow-methods': null },
    handlerRan: false,
  },
}

// Then the per-origin table: `cors([...])`, a list of options.
const all: (Case | PerOriginCase)[] = [...cases, ...continueCases, ...csrfCases, ...perOriginCases]
const servers: Served[] = []

beforeAll(async () => {
  for (const c of all) {
    const handler = handlers[c.handler ?? 'ok']
    const app = new H3()
      .use(cors(c.options))
      .all('/', (event) => handler(event.req))
      .all('/**', (event) => handler(event.req))
    servers.push(await serveApp(app))
  }
})
afterAll(() => Promise.all(servers.map((server) => server.close())))

describe('app.use(cors(options)) in h3 on its Node server, over HTTP', () => {
  it.each(all.map((c, i) => [c.name, c, i] as const))('%s', async (_, c, i) => {
    const expected = nodeAnswers[c.name]
    const answer = await sendCase(c, servers[i]!.url)
    expect(checkOutcome(expected ? { ...c, expect: expected } : c, answer)).toEqual([])
  })
})
