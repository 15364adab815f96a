/**
 * The doctor against real Chromium on the same servers: same verdict, same error kind for the
 * first problem, and word for word the console line Chromium printed.
 */
import { createCors } from '@corsica/core'
import { getRequestListener } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diagnose } from '../src/index'
import { ChromiumPage, type FetchInit } from './chromium'
import { expressApp, honoApp } from './library-apps'
import { type Misconfig, misconfigs } from './misconfigs'
import { listen, routes, type TestServer } from './servers'

/** A request the server received. */
interface Received {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
}

describe('the doctor agrees with Chromium', () => {
  let browser: ChromiumPage
  let server: TestServer
  let rows: Misconfig[]
  const received: Received[] = []

  beforeAll(async () => {
    browser = await ChromiumPage.open()
    rows = misconfigs(browser.origin).filter((r) => r.chromium !== false)
    const route = routes(Object.fromEntries(rows.map((r) => [r.path, r.handler])))
    server = await listen((req, res) => {
      received.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, headers: req.headers })
      route(req, res)
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  // The table is built once the page's port is known; the names are fixed.
  const names = misconfigs('http://app.localhost:1')
    .filter((r) => r.chromium !== false)
    .map((r) => r.name)

  it.each(names)('%s', async (name) => {
    const row = rows.find((r) => r.name === name)!
    const url = server.origin + row.path
    const method = row.page.method ?? 'GET'
    received.length = 0
    const seen = await browser.fetch(url, {
      method,
      headers: row.page.headers ?? {},
      credentials: row.page.credentials ? 'include' : 'same-origin',
      ...(row.page.body === undefined ? {} : { body: row.page.body }),
    })
    const chromePreflight = received.find((r) => r.method === 'OPTIONS' && r.path === row.path)
    const d = await diagnose({
      url,
      origin: browser.origin,
      method,
      headers: Object.entries(row.page.headers ?? {}),
      credentials: row.page.credentials === true,
      ...(row.page.body === undefined ? {} : { body: row.page.body }),
      timeoutMs: 5000,
    })
    // The request side: a preflight exactly when Chromium sends one, asking the same question.
    expect(d.preflight).toBe(chromePreflight !== undefined)
    if (chromePreflight && d.preflightExchange) {
      const sent = Object.fromEntries(d.preflightExchange.requestHeaders)
      for (const name of ['origin', 'access-control-request-method', 'access-control-request-headers']) {
        expect(sent[name], name).toBe(chromePreflight.headers[name])
      }
    }
    if (row.chromium === 'allows') {
      // Chromium 156 lets this through; the Fetch standard (and Firefox) block it.
      expect(seen.allowed).toBe(true)
      expect(d.allowed).toBe(false)
      expect(d.problems[0]?.chromeError).toBeNull()
      return
    }
    expect(d.allowed).toBe(seen.allowed)
    if (!seen.allowed) {
      expect(d.problems[0]?.chromeError).toBe(seen.corsError)
      expect(d.problems[0]?.message).toBe(seen.message)
    }
  })
})

describe('the doctor agrees with Chromium on Corsica, hono/cors and express cors()', () => {
  let browser: ChromiumPage
  const servers: Record<string, TestServer> = {}

  beforeAll(async () => {
    browser = await ChromiumPage.open()
    const corsica = createCors({
      origin: [browser.origin],
      methods: ['GET', 'PUT'],
      allowedHeaders: ['content-type'],
    })
    const api = () => new Response('{}', { headers: { 'content-type': 'application/json' } })
    servers.corsica = await listen(getRequestListener(corsica.wrap(api), { overrideGlobalObjects: false }))
    servers.hono = await listen(
      getRequestListener(honoApp(browser.origin).fetch, { overrideGlobalObjects: false }),
    )
    servers.express = await listen(expressApp(browser.origin))
  })
  afterAll(async () => {
    await browser?.close()
    for (const s of Object.values(servers)) await s.close()
  })

  const json = { 'content-type': 'application/json', 'x-api-key': 'k' }
  const calls: Array<[string, string, Partial<FetchInit>]> = [
    // Corsica answers a refused method or header with its lists: Chromium names it, and so must the doctor's first line.
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

  it.each(calls)('%s %s', async (lib, path, partial) => {
    const init: FetchInit = { method: 'GET', headers: {}, credentials: 'same-origin', ...partial }
    const url = servers[lib]!.origin + path
    const seen = await browser.fetch(url, init)
    const d = await diagnose({
      url,
      origin: browser.origin,
      method: init.method,
      headers: Object.entries(init.headers),
      credentials: init.credentials === 'include',
      ...(init.body === undefined ? {} : { body: init.body }),
      timeoutMs: 5000,
    })
    expect(d.allowed).toBe(seen.allowed)
    if (!seen.allowed) {
      expect(d.problems[0]?.chromeError).toBe(seen.corsError)
      expect(d.problems[0]?.message).toBe(seen.message)
    }
  })
})
