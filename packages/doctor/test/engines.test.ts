/**
 * The doctor against each real browser engine (Chromium, Firefox, WebKit; `CORSICA_ENGINE` picks
 * some) on the same servers: the same verdict, a preflight exactly when the engine sends one with
 * the same Access-Control-Request-* headers, and in Chromium the same error kind for the first
 * problem and word for word the console line it printed. Where an engine departs from the Fetch
 * standard (ENGINE_DEPARTURES), the engine's own behaviour is asserted, and the doctor keeps the
 * standard's verdict.
 */
import { createCors } from '@corsica/core'
import { ENGINE_DEPARTURES, type Engine } from '@corsica/testkit'
import { launch, type PageFetch, type Session, selectedEngines } from '@corsica/testkit/engines'
import { getRequestListener } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diagnose } from '../src/index'
import { expressApp, honoApp } from './library-apps'
import { type Misconfig, misconfigs } from './misconfigs'
import { listen, routes, type TestServer } from './servers'

/** A request the server received. */
interface Received {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
}

/** Rows where a browser departs from the standard the doctor follows, by departure id. */
const DEPARTURE_OF_ROW: Record<string, string> = {
  "Allow-Headers '*' does not cover Authorization": 'acah-wildcard-authorization',
}

function departs(id: string | undefined, engine: Engine): boolean {
  if (id === undefined) return false
  const departure = ENGINE_DEPARTURES.find((d) => d.id === id)
  if (!departure) throw new Error(`no departure ${id} in ENGINE_DEPARTURES`)
  return departure.engines[engine] !== null
}

/** A page on `http://app.localhost:<port>` in `engine`. */
async function openPage(
  engine: Engine,
): Promise<{ browser: Session; pageServer: TestServer; origin: string }> {
  const pageServer = await listen((_req, res) => {
    res.setHeader('content-type', 'text/html')
    res.end('<!doctype html><title>page</title>')
  })
  const browser = await launch(engine)
  const origin = `http://app.localhost:${pageServer.port}`
  await browser.open(`${origin}/`)
  return { browser, pageServer, origin }
}

function diagnoseAs(url: string, origin: string, init: Required<Pick<PageFetch, 'method'>> & PageFetch) {
  return diagnose({
    url,
    origin,
    method: init.method,
    headers: Object.entries(init.headers ?? {}),
    credentials: init.credentials === 'include',
    ...(init.body === undefined ? {} : { body: init.body }),
    timeoutMs: 5000,
  })
}

// The tables are built once the page's port is known; the names are fixed.
const NAMES = misconfigs('http://app.localhost:1')
  .filter((r) => r.chromium !== false)
  .map((r) => r.name)

for (const name of Object.keys(DEPARTURE_OF_ROW)) {
  if (!NAMES.includes(name))
    throw new Error(`DEPARTURE_OF_ROW names a row misconfigs() no longer has: ${name}`)
}

/** The page a table's tests use: one browser per engine, shared by both tables. */
type Page = () => { browser: Session; origin: string }

describe.each(selectedEngines())('[%s] the doctor agrees with the browser', (engine) => {
  // One launch per engine for both tables: starting a browser is the slowest step.
  let browser: Session
  let pageServer: TestServer
  let origin: string

  beforeAll(async () => {
    ;({ browser, pageServer, origin } = await openPage(engine))
  })
  afterAll(async () => {
    await browser?.close()
    await pageServer?.close()
  })

  const page: Page = () => ({ browser, origin })
  describe('on misconfigured servers', () => misconfigTable(engine, page))
  describe('on Corsica, hono/cors and express cors()', () => libraryCalls(engine, page))
})

function misconfigTable(engine: Engine, page: Page): void {
  let server: TestServer
  let rows: Misconfig[]
  const received: Received[] = []

  beforeAll(async () => {
    rows = misconfigs(page().origin).filter((r) => r.chromium !== false)
    const route = routes(Object.fromEntries(rows.map((r) => [r.path, r.handler])))
    server = await listen((req, res) => {
      received.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, headers: req.headers })
      route(req, res)
    })
  })
  afterAll(async () => {
    await server?.close()
  })

  it.each(NAMES)(`[${engine}] %s`, async (name) => {
    const { browser, origin } = page()
    const row = rows.find((r) => r.name === name)!
    const url = server.origin + row.path
    const init = {
      method: row.page.method ?? 'GET',
      headers: row.page.headers ?? {},
      credentials: row.page.credentials ? 'include' : 'same-origin',
      ...(row.page.body === undefined ? {} : { body: row.page.body }),
    } as const
    received.length = 0
    const seen = await browser.fetch(url, init)
    const browserPreflight = received.find((r) => r.method === 'OPTIONS' && r.path === row.path)
    const d = await diagnoseAs(url, origin, init)
    const context = JSON.stringify({ seen, problems: d.problems.map((p) => p.code) })
    // The request side: a preflight exactly when the browser sends one, asking the same question.
    expect(d.preflight, context).toBe(browserPreflight !== undefined)
    if (browserPreflight && d.preflightExchange) {
      const sent = Object.fromEntries(d.preflightExchange.requestHeaders)
      for (const header of ['origin', 'access-control-request-method', 'access-control-request-headers']) {
        expect(sent[header], header).toBe(browserPreflight.headers[header])
      }
    }
    if (departs(DEPARTURE_OF_ROW[name], engine)) {
      // The engine lets through what the Fetch standard (and so the doctor) blocks.
      expect(seen.allowed, context).toBe(true)
      expect(d.allowed).toBe(false)
      expect(d.problems[0]?.chromeError).toBeNull()
      return
    }
    expect(d.allowed, context).toBe(seen.allowed)
    if (!seen.allowed && engine === 'chromium') {
      expect(d.problems[0]?.chromeError).toBe(seen.corsError)
      expect(d.problems[0]?.message).toBe(
        seen.console.find((line) => line.includes('blocked by CORS policy')),
      )
    }
  })
}

function libraryCalls(engine: Engine, page: Page): void {
  const servers: Record<string, TestServer> = {}

  beforeAll(async () => {
    const { origin } = page()
    const corsica = createCors({
      origin: [origin],
      methods: ['GET', 'PUT'],
      allowedHeaders: ['content-type'],
    })
    const api = () => new Response('{}', { headers: { 'content-type': 'application/json' } })
    servers.corsica = await listen(getRequestListener(corsica.wrap(api), { overrideGlobalObjects: false }))
    servers.hono = await listen(getRequestListener(honoApp(origin).fetch, { overrideGlobalObjects: false }))
    servers.express = await listen(expressApp(origin))
  })
  afterAll(async () => {
    for (const s of Object.values(servers)) await s.close()
  })

  const json = { 'content-type': 'application/json', 'x-api-key': 'k' }
  const calls: Array<[string, string, PageFetch]> = [
    // Corsica refuses a preflight as a whole: Chromium blames the origin, and so must the doctor's first line.
    ['corsica', '/items', { method: 'PUT', headers: json, body: '{}' }],
    ['corsica', '/items', { method: 'DELETE' }],
    ['corsica', '/items', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['hono', '/star/items', { credentials: 'include' }],
    ['hono', '/headers/items', { method: 'PUT', headers: json, body: '{}' }],
    ['hono', '/route/items', { method: 'PUT', body: '{}' }],
    ['hono', '/right/items', { method: 'PUT', headers: json, credentials: 'include', body: '{}' }],
    ['express', '/star/items', { credentials: 'include' }],
    ['express', '/headers/items', { method: 'PUT', headers: json, body: '{}' }],
    ['express', '/route/items', { method: 'PUT', body: '{}' }],
    ['express', '/fixed/items', {}],
    ['express', '/reflect/items', { credentials: 'include' }],
  ]

  it.each(calls)(`[${engine}] %s %s`, async (lib, path, partial) => {
    const { browser, origin } = page()
    const init = { method: 'GET', headers: {}, credentials: 'same-origin' as const, ...partial }
    const url = servers[lib]!.origin + path
    const seen = await browser.fetch(url, init)
    const d = await diagnoseAs(url, origin, init)
    expect(d.allowed, JSON.stringify(seen)).toBe(seen.allowed)
    if (!seen.allowed && engine === 'chromium') {
      expect(d.problems[0]?.chromeError).toBe(seen.corsError)
      expect(d.problems[0]?.message).toBe(
        seen.console.find((line) => line.includes('blocked by CORS policy')),
      )
    }
  })
}
