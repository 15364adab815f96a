/**
 * Every misconfiguration, served by node:http with hand-set headers: the doctor's verdict must
 * be the one reasoned from the Fetch standard, and agree with the testkit's browser model.
 */
import { browserFetch } from '@corsica/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Diagnosis, diagnose } from '../src/index'
import { type Misconfig, misconfigs } from './misconfigs'
import { listen, routes, type TestServer } from './servers'

const PAGE = 'http://app.localhost:5173'
const rows = misconfigs(PAGE)
let server: TestServer

beforeAll(async () => {
  server = await listen(routes(Object.fromEntries(rows.map((r) => [r.path, r.handler]))))
})
afterAll(async () => {
  await server.close()
})

function run(row: Misconfig): Promise<Diagnosis> {
  return diagnose({
    url: server.origin + row.path,
    origin: PAGE,
    method: row.page.method ?? 'GET',
    headers: Object.entries(row.page.headers ?? {}),
    credentials: row.page.credentials === true,
    privateNetwork: row.page.privateNetwork === true,
    ...(row.page.body === undefined ? {} : { body: row.page.body }),
    timeoutMs: 5000,
  })
}

describe('the doctor on hand-set misconfigurations', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const d = await run(row)
    const e = row.expect
    expect(d.allowed).toBe(e.allowed)
    expect(d.preflight).toBe(e.preflight)
    expect(d.problems.map((p) => p.code)).toEqual(e.codes)
    if (e.chrome !== undefined) expect(d.problems[0]?.chromeError).toBe(e.chrome)
    if (e.warnings !== undefined) expect(d.warnings.map((w) => w.code)).toEqual(e.warnings)
    for (const name of e.readable ?? []) expect(d.exposedHeaders).toContain(name)
    for (const name of e.hidden ?? []) expect(d.exposedHeaders).not.toContain(name)
    for (const text of e.fix ?? []) expect(d.problems[0]?.fix).toContain(text)
    for (const text of e.notFix ?? []) expect(d.problems[0]?.fix).not.toContain(text)
    if (e.secondary !== undefined) expect(d.problems[0]?.secondary).toEqual(e.secondary)
    // Every problem has a console message naming the URL and the page (or, for a redirect
    // Chromium fails as a network error, its net:: line), and a fix.
    const url = server.origin + row.path
    for (const p of d.problems) {
      expect(p.fix.length).toBeGreaterThan(20)
      if (p.message.startsWith('Failed to load resource: net::')) continue
      expect(p.message).toContain(url)
      if (p.chromeError !== null) {
        const head = `from origin '${PAGE}' has been blocked by CORS policy: `
        expect(
          p.message.startsWith(`Access to fetch at '${url}' ${head}`) ||
            (p.message.startsWith('Access to fetch at ') &&
              p.message.includes(`(redirected from '${url}') ${head}`)),
        ).toBe(true)
      }
    }
    // Blocked at the preflight: the unsafe request is never sent.
    if (d.preflight && d.problems[0]?.step === 'preflight') expect(d.actualExchange).toBeNull()
    if (!d.allowed) expect(d.exposedHeaders).toEqual([])
  })
})

describe("the doctor agrees with the testkit's browser model", () => {
  const send = (request: Request) => fetch(request, { redirect: 'manual' })
  it.each(rows.filter((r) => r.model).map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const d = await run(row)
    const model = await browserFetch(send, server.origin + row.path, {
      origin: PAGE,
      method: row.page.method ?? 'GET',
      headers: row.page.headers ?? {},
      credentials: row.page.credentials ? 'include' : 'same-origin',
      ...(row.page.body === undefined ? {} : { body: row.page.body }),
    })
    expect(d.allowed).toBe(model.allowed)
    expect(d.preflight).toBe(model.preflight)
    // The model names one reason (it checks a preflight's status first, Chromium its origin
    // first); the doctor lists every problem, so the model's reason must be among them.
    // The model does not follow redirects either, but reads the redirect's headers, which no
    // script can: the doctor reports none.
    // A problem's secondary checks count: the model may name one of them.
    if (!model.allowed) expect(d.problems.flatMap((p) => [p.code, ...p.secondary])).toContain(model.reason)
    else if (!row.expect.warnings?.includes('Redirect')) {
      // The doctor closes each connection (the model's fetch keeps it alive), so the
      // connection-level headers differ; everything else must match.
      const app = (names: readonly string[]) =>
        names.filter((n) => n !== 'connection' && n !== 'keep-alive').sort()
      expect(app(d.exposedHeaders)).toEqual(app(model.readable ?? []))
    }
  })
})
