/**
 * The doctor against Corsica's own core (createCors().wrap() over node:http), for every browser
 * case of the testkit: the verdict the case expects, and, for every refusal, a fix in the very
 * words the server's onRefuse hook logged.
 */
import { type CorsRefusal, createCors } from '@corsica/core'
import { apiHandler, browserCases } from '@corsica/testkit'
import { getRequestListener } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DoctorInput, diagnose } from '../src/index'
import { listen, type TestServer } from './servers'

const PAGE_PORT = 5173
const cases = browserCases(PAGE_PORT)
const refusals = new Map<string, CorsRefusal[]>()
let server: TestServer

beforeAll(async () => {
  const listeners = cases.map((c, i) => {
    const log: CorsRefusal[] = []
    refusals.set(c.name, log)
    const policy = createCors({ ...c.options, onRefuse: (refusal) => log.push(refusal) })
    return [`/c${i}`, getRequestListener(policy.wrap(apiHandler), { overrideGlobalObjects: false })] as const
  })
  // The same policies answering every refused preflight with a bare 403, which makes the
  // browser blame the origin whatever was refused: what the probes are for.
  const opaque = cases.map((c, i) => {
    const policy = createCors({ ...c.options, preflightRefusals: 'opaque', onRefuse: false })
    return [
      `/opaque${i}`,
      getRequestListener(policy.wrap(apiHandler), { overrideGlobalObjects: false }),
    ] as const
  })
  const byPath = new Map<string, (typeof listeners)[number][1]>([...listeners, ...opaque])
  server = await listen((req, res) => {
    const listener = byPath.get((req.url ?? '').split('?')[0]!)
    if (listener) void listener(req, res)
    else res.writeHead(404).end()
  })
})
afterAll(async () => {
  await server.close()
})

/** The call case `i` describes, to its path on the test server. */
function inputFor(i: number): DoctorInput {
  const c = cases[i]!
  return {
    url: `${server.origin}/c${i}`,
    origin: c.page.origin,
    method: c.page.method ?? 'GET',
    headers: Object.entries(c.page.headers ?? {}),
    credentials: c.page.credentials === 'include',
    ...(c.page.body === undefined ? {} : { body: c.page.body }),
    timeoutMs: 5000,
  }
}

describe('the doctor on Corsica servers (testkit browser cases)', () => {
  it.each(cases.map((c, i) => [c.name, i] as const))('%s', async (name, i) => {
    const c = cases[i]!
    const log = refusals.get(name)!
    log.length = 0
    const d = await diagnose(inputFor(i))
    expect(d.allowed).toBe(c.expect.allowed)
    expect(d.preflight).toBe(c.expect.preflight)
    // The case's reason may be the problem's own code or one that fails only because of it.
    if (c.expect.reason)
      expect(d.problems.flatMap((p) => [p.code, ...p.secondary])).toContain(c.expect.reason)
    for (const [header, readable] of Object.entries(c.expect.readable ?? {})) {
      expect(d.exposedHeaders.includes(header), header).toBe(readable)
    }
    if (d.preflight || !d.allowed) expect(d.server).toBe('corsica')
    // The server and the doctor read the same: the first refusal Corsica logged for the page's
    // origin (the doctor's own request; its probes come after, or use other origins) is in the
    // fix of the first problem, word for word.
    const first = log.find((r) => r.origin === c.page.origin)
    if (first) {
      expect(d.allowed).toBe(false)
      expect(d.problems[0]!.fix).toContain(`Corsica (onRefuse code ${first.code}): ${first.fix}.`)
    }
  })
})

describe("probes find why Corsica refused a preflight (preflightRefusals: 'opaque')", () => {
  it('names the refused header though the browser blames the origin', async () => {
    const i = cases.findIndex((c) => c.name.includes('header not in allowedHeaders'))
    const c = cases[i]!
    const d = await diagnose({
      url: `${server.origin}/opaque${i}`,
      origin: c.page.origin,
      method: c.page.method!,
      headers: Object.entries(c.page.headers ?? {}),
    })
    expect(d.problems[0]!.code).toBe('CORSMissingAllowOrigin')
    expect(d.cause).toEqual({
      kind: 'request',
      method: false,
      caseMismatch: false,
      headers: ['x-other'],
      privateNetwork: false,
    })
    expect(d.problems[0]!.fix).toContain('probes show origin')
  })

  it('tells a lower-case method from a missing one', async () => {
    const i = cases.findIndex((c) => c.name.startsWith('patch in lower case'))
    const c = cases[i]!
    const d = await diagnose({ url: `${server.origin}/opaque${i}`, origin: c.page.origin, method: 'patch' })
    expect(d.cause).toMatchObject({ kind: 'request', method: true, caseMismatch: true })
    expect(d.problems[0]!.fix).toContain("call fetch with method: 'PATCH'")
  })

  it('says when the origin itself is refused', async () => {
    const i = cases.findIndex((c) => c.name === 'preflight from an unlisted origin is blocked')
    const c = cases[i]!
    const d = await diagnose({ url: `${server.origin}/c${i}`, origin: c.page.origin, method: c.page.method! })
    expect(d.cause).toEqual({ kind: 'origin' })
  })

  it('needs no probe by default: the answer names the refused header itself', async () => {
    const i = cases.findIndex((c) => c.name.includes('header not in allowedHeaders'))
    const c = cases[i]!
    const d = await diagnose({
      url: `${server.origin}/c${i}`,
      origin: c.page.origin,
      method: c.page.method!,
      headers: Object.entries(c.page.headers ?? {}),
    })
    expect(d.problems[0]!.code).toBe('CORSMissingAllowHeaderFromPreflight')
    expect(d.probes).toEqual([])
    expect(d.cause).toBeNull()
  })

  it('sends no probe with --no-probe', async () => {
    const i = cases.findIndex((c) => c.name.includes('header not in allowedHeaders'))
    const c = cases[i]!
    const d = await diagnose({
      url: `${server.origin}/c${i}`,
      origin: c.page.origin,
      method: c.page.method!,
      headers: Object.entries(c.page.headers ?? {}),
      probe: false,
    })
    expect(d.probes).toEqual([])
    expect(d.cause).toBeNull()
    expect(d.allowed).toBe(false)
  })
})

describe('in-process: diagnose({ handler }) reaches the same verdicts with no socket', () => {
  it.each(cases.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const c = cases[i]!
    const input = inputFor(i)
    const handler = createCors(c.options).wrap(apiHandler)
    const [network, inProcess] = [await diagnose(input), await diagnose({ ...input, handler })]
    const verdict = (d: Awaited<ReturnType<typeof diagnose>>) => ({
      allowed: d.allowed,
      preflight: d.preflight,
      server: d.server,
      problems: d.problems.map(({ code, secondary, fix }) => ({ code, secondary, fix })),
      warnings: d.warnings.map((w) => w.code),
      cause: d.cause,
    })
    expect(verdict(inProcess)).toEqual(verdict(network))
    // Readable headers differ only by what the HTTP server adds (framing, connection, date).
    const app = (names: string[]) =>
      names.filter(
        (n) => !['connection', 'content-length', 'date', 'keep-alive', 'transfer-encoding'].includes(n),
      )
    expect(app(inProcess.exposedHeaders)).toEqual(app(network.exposedHeaders))
  })
})
