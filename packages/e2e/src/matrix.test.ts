/**
 * The browser matrix: every browser case of @corsica/testkit and a few of our own, made by each
 * real browser engine (Chromium, Firefox, WebKit; `CORSICA_ENGINE` picks some) from real page
 * origins against the API served by each runtime adapter. For each case the browser's verdict
 * must equal what the policy intends (the case's expectation, reasoned from the Fetch standard)
 * and what the browser model predicts from the responses the API actually gave.
 */
import type { Served } from '@corsica/demo'
import type { Exchange } from '@corsica/demo/journal'
import { type BrowserCase, preflightHeaders } from '@corsica/testkit'
import { launch, type Session, selectedEngines } from '@corsica/testkit/engines'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csrfChecks } from './csrf/checks'
import { type CsrfApi, startCsrfApi } from './csrf/server'
import { matrixCases } from './matrix/cases'
import { servePages } from './matrix/pages'
import { bun } from './matrix/runtimes/bun'
import { coreNode } from './matrix/runtimes/core-node'
import { deno } from './matrix/runtimes/deno'
import { elysia } from './matrix/runtimes/elysia'
import { expressNode } from './matrix/runtimes/express'
import { fastifyNode } from './matrix/runtimes/fastify'
import { honoNode } from './matrix/runtimes/hono-node'
import { sveltekit } from './matrix/runtimes/sveltekit'
import type { RunningApi, Runtime } from './matrix/runtimes/types'
import { workerd } from './matrix/runtimes/workerd'
import { fetchInPage, modelVerdict } from './matrix/verdict'

/** Every runtime the API is served by; each one is started once and serves every engine. */
const RUNTIMES: Runtime[] = [
  coreNode,
  honoNode,
  expressNode,
  fastifyNode,
  deno,
  workerd,
  bun,
  elysia,
  sveltekit,
]

// The API's host shares a site (app.localhost) with the listed pages, so a SameSite=Lax cookie
// travels on their credentialed requests, as it would between app.example.com and api.example.com.
const API_HOST = 'api.app.localhost'

// Case names do not depend on the port; the cases themselves are built once pages listen.
const NAMES = matrixCases(0).map((c) => c.name)

let pages: Served
/** csrf in the browsers (csrf/checks.ts): one Deno server with WebSockets, shared by every engine. */
let csrfApi: CsrfApi
const apis = new Map<Runtime, RunningApi>()

/** Points the page at `origin` unless it is there already. */
async function at(browser: Session, origin: string): Promise<Session> {
  if ((await browser.origin()) !== origin) await browser.open(`${origin}/`)
  return browser
}

/** What the API recorded for a request id (asked directly, not through the browser). */
async function journal(api: RunningApi, rid: string): Promise<Exchange[]> {
  const response = await fetch(`http://127.0.0.1:${api.port}/_journal?id=${rid}`)
  return (await response.json()) as Exchange[]
}

beforeAll(async () => {
  pages = await servePages()
  // One at a time: Deno and workerd each bundle and start a process; two cores are shared.
  for (const runtime of RUNTIMES) apis.set(runtime, await runtime.start(pages.port))
  csrfApi = await startCsrfApi()
})

afterAll(async () => {
  for (const api of apis.values()) await api.stop()
  await csrfApi?.stop()
  await pages?.close()
})

for (const engine of selectedEngines()) {
  describe(`[${engine}]`, () => {
    let browser: Session
    let cases: BrowserCase[]

    beforeAll(async () => {
      browser = await launch(engine)
      cases = matrixCases(pages.port)
      // Set as the API's own page would: every engine keeps it and sends it on credentialed
      // requests from app.localhost's site.
      for (const api of apis.values()) {
        await browser.setCookie(`http://${API_HOST}:${api.port}/`, 'session=e2e; SameSite=Lax; path=/')
      }
    })

    afterAll(async () => {
      await browser?.close()
    })

    for (const runtime of RUNTIMES) describeRuntime(engine, runtime, () => ({ browser, cases }))
    describe('csrf (Deno.serve, @corsica/deno)', () =>
      csrfChecks(
        engine,
        () => browser,
        () => csrfApi,
      ))
  })
}

function describeRuntime(
  engine: string,
  runtime: Runtime,
  get: () => { browser: Session; cases: BrowserCase[] },
) {
  describe(runtime.name, () => {
    NAMES.forEach((name, index) => {
      it(`[${engine}] ${name}`, async () => {
        const { browser, cases } = get()
        const api = apis.get(runtime)!
        const c = cases[index]!
        const rid = `${index}-${Math.random().toString(36).slice(2, 10)}`
        const url = `http://${API_HOST}:${api.port}/c/${index}?rid=${rid}`
        const inPage = await fetchInPage(await at(browser, c.page.origin), url, c)
        const exchanges = await journal(api, rid)
        const model = modelVerdict(c, exchanges)
        const preflights = exchanges.filter((e) => e.kind === 'preflight')
        const context = JSON.stringify({ inPage, model, exchanges }, null, 1)

        // The browser does what the policy intends, and what the model predicts.
        expect(inPage.allowed, context).toBe(c.expect.allowed)
        expect(model.allowed, context).toBe(inPage.allowed)
        if (c.expect.reason) expect(model.reason, context).toBe(c.expect.reason)

        // A preflight was sent exactly when the model says so, with the headers it predicts,
        // and it never reached the handler.
        expect(preflights.length, context).toBe(c.expect.preflight ? 1 : 0)
        expect(model.preflight).toBe(c.expect.preflight)
        for (const preflight of preflights) {
          const predicted = preflightHeaders(c.page)
          expect(preflight.requestHeaders['access-control-request-method']).toBe(
            predicted['access-control-request-method'],
          )
          expect(preflight.requestHeaders['access-control-request-headers']).toBe(
            predicted['access-control-request-headers'],
          )
          expect(preflight.handlerRan, 'a preflight reached the handler').toBe(false)
        }

        // A request sent without a preflight reaches the handler even when the browser then hides
        // the answer: CORS protects reading, not sending.
        const actual = exchanges.find((e) => e.kind === 'actual')
        if (!c.expect.preflight) expect(actual?.handlerRan, 'the handler ran').toBe(true)

        if (inPage.allowed) {
          // Script reads the headers the model says, no more, no fewer (headers the HTTP server
          // adds after the app, such as Date, are outside the journal and left out).
          const read = inPage.readable!.filter((name) => actual!.responseHeaderNames.includes(name)).sort()
          expect(read, context).toEqual(model.readable)
          for (const [header, readable] of Object.entries(c.expect.readable ?? {})) {
            expect(inPage.readable!.includes(header), `${header} readable`).toBe(readable)
          }
          // A credentialed request from the API's own site carried its cookie.
          if (c.page.credentials === 'include' && new URL(c.page.origin).hostname.endsWith('app.localhost')) {
            expect(actual!.requestHeaders['cookie'], 'cookie sent').toBe('(sent)')
          }
        }
      })
    })

    // Fetch, CORS-preflight cache: an answer with Access-Control-Max-Age is reused for the same
    // (origin, URL, method) until it expires; max-age 0 means ask every time.
    for (const [name, maxAge, preflights] of [
      ['a preflight answer cached for 600 seconds', '600', 1],
      ['a preflight answer that may not be cached (maxAge 0)', '0', 2],
    ] as const) {
      it(`[${engine}] the preflight cache: ${name} → ${preflights} preflight(s) for two requests`, async () => {
        const { browser, cases } = get()
        const api = apis.get(runtime)!
        const index = NAMES.indexOf(name)
        const c = cases[index]!
        const rid = `cache-${index}-${Math.random().toString(36).slice(2, 10)}`
        const url = `http://${API_HOST}:${api.port}/c/${index}?rid=${rid}`
        const page = await at(browser, c.page.origin)
        expect((await fetchInPage(page, url, c)).allowed).toBe(true)
        expect((await fetchInPage(page, url, c)).allowed).toBe(true)
        const exchanges = await journal(api, rid)
        const seen = exchanges.filter((e) => e.kind === 'preflight')
        expect(seen.length).toBe(preflights)
        expect(seen[0]!.responseHeaders['access-control-max-age']).toBe(maxAge)
        expect(exchanges.filter((e) => e.kind === 'actual').length).toBe(2)
      })
    }
  })
}
