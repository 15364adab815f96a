/**
 * hono/cors (on @hono/node-server) and express cors(), set up with the mistakes people make:
 * credentials with '*', a missing allowed header, OPTIONS not handled, a fixed origin, any
 * origin reflected. The verdict follows the Fetch standard; the fix names the library's option.
 */
import { browserFetch } from '@corsica/testkit'
import { getRequestListener } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DoctorInput, diagnose } from '../src/index'
import { expressApp, honoApp, OTHER } from './library-apps'
import { listen, type TestServer } from './servers'

const PAGE = 'http://app.localhost:5173'
const json = ['Content-Type: application/json']

let hono: TestServer
let exp: TestServer

beforeAll(async () => {
  hono = await listen(getRequestListener(honoApp(PAGE).fetch, { overrideGlobalObjects: false }))
  exp = await listen(expressApp(PAGE))
})
afterAll(async () => {
  await hono.close()
  await exp.close()
})

const run = (base: TestServer, path: string, input: Partial<DoctorInput> = {}) =>
  diagnose({ url: base.origin + path, origin: PAGE, timeoutMs: 5000, ...input })

/** The testkit's browser model on the same server and page, for the verdict. */
async function model(base: TestServer, path: string, input: Partial<DoctorInput> = {}) {
  const headers = Object.fromEntries(
    (input.headers ?? []).map((h) => (typeof h === 'string' ? h.split(/:\s*/, 2) : h) as [string, string]),
  )
  return browserFetch((r) => fetch(r, { redirect: 'manual' }), base.origin + path, {
    origin: PAGE,
    method: input.method ?? 'GET',
    headers,
    credentials: input.credentials ? 'include' : 'same-origin',
  })
}

describe('hono/cors', () => {
  it("credentials with origin '*': CORSNotSupportingCredentials, fix names the origin option", async () => {
    const input = { credentials: true }
    const d = await run(hono, '/star/items', input)
    expect(d.allowed).toBe(false)
    expect(d.problems.map((p) => p.code)).toEqual(['CORSNotSupportingCredentials'])
    expect(d.server).toBe('hono')
    expect(d.problems[0]!.fix).toContain(
      `hono/cors: \`*\` comes from origin: '*' (its default): set origin: ['${PAGE}']`,
    )
    expect((await model(hono, '/star/items', input)).reason).toBe('CORSNotSupportingCredentials')
  })

  it('a header missing from allowHeaders: CORSMissingAllowHeaderFromPreflight, fix names allowHeaders', async () => {
    const input = { method: 'PUT', headers: [...json, 'X-Api-Key: k'] }
    const d = await run(hono, '/headers/items', input)
    expect(d.allowed).toBe(false)
    expect(d.preflight).toBe(true)
    expect(d.problems.map((p) => p.code)).toEqual(['CORSMissingAllowHeaderFromPreflight'])
    expect(d.problems[0]!.message).toContain('Request header field x-api-key is not allowed')
    expect(d.problems[0]!.fix).toContain('Access-Control-Allow-Headers: content-type, x-api-key')
    expect(d.problems[0]!.fix).toContain("hono/cors: add 'x-api-key' to allowHeaders")
    expect((await model(hono, '/headers/items', input)).reason).toBe('CORSMissingAllowHeaderFromPreflight')
  })

  it('cors() on one route: OPTIONS is not handled', async () => {
    const input = { method: 'PUT' }
    const d = await run(hono, '/route/items', input)
    expect(d.allowed).toBe(false)
    expect(d.problems.map((p) => p.code)).toEqual(['CORSMissingAllowOrigin'])
    expect(d.problems[0]!.secondary).toEqual(['CORSPreflightDidNotSucceed'])
    expect(d.cause).toEqual({ kind: 'not-handled' })
    expect(d.problems[0]!.fix).toContain('register cors() with app.use()')
    // Told which library it is, the fix is hono's own.
    const told = await run(hono, '/route/items', { ...input, server: 'hono' })
    expect(told.problems[0]!.fix).toContain(
      "hono/cors: it never sees the OPTIONS request; register it with app.use('/route/items'",
    )
    expect((await model(hono, '/route/items', input)).allowed).toBe(false)
  })

  it('an unlisted origin: the cause is the origin', async () => {
    const d = await run(hono, '/headers/items', { origin: OTHER, method: 'PUT' })
    expect(d.problems[0]!.code).toBe('CORSMissingAllowOrigin')
    expect(d.cause).toEqual({ kind: 'origin' })
    expect(d.problems[0]!.fix).toContain(`hono/cors: add '${OTHER}' to origin`)
  })

  it('the fixed setup is allowed, with the exposed header readable', async () => {
    const input = { method: 'PUT', headers: [...json, 'X-Api-Key: k'], credentials: true }
    const d = await run(hono, '/right/items', input)
    expect(d.problems).toEqual([])
    expect(d.allowed).toBe(true)
    expect(d.exposedHeaders).toContain('x-request-id')
    expect(d.warnings).toEqual([])
    expect((await model(hono, '/right/items', input)).allowed).toBe(true)
  })
})

describe('express cors()', () => {
  it("credentials: true with the default origin '*'", async () => {
    const input = { credentials: true }
    const d = await run(exp, '/star/items', input)
    expect(d.problems.map((p) => p.code)).toEqual(['CORSNotSupportingCredentials'])
    expect(d.server).toBe('express')
    expect(d.problems[0]!.fix).toContain(
      `express cors(): \`*\` comes from origin: '*' (its default): set origin: ['${PAGE}']`,
    )
    expect((await model(exp, '/star/items', input)).reason).toBe('CORSNotSupportingCredentials')
  })

  it('a header missing from allowedHeaders', async () => {
    const input = { method: 'PUT', headers: [...json, 'X-Api-Key: k'] }
    const d = await run(exp, '/headers/items', input)
    expect(d.problems.map((p) => p.code)).toEqual(['CORSMissingAllowHeaderFromPreflight'])
    expect(d.problems[0]!.fix).toContain("express cors(): add 'x-api-key' to allowedHeaders")
    expect((await model(exp, '/headers/items', input)).reason).toBe('CORSMissingAllowHeaderFromPreflight')
  })

  it('cors() on the PUT route only: express answers OPTIONS itself, without CORS', async () => {
    const input = { method: 'PUT' }
    const d = await run(exp, '/route/items', input)
    expect(d.problems.map((p) => p.code)).toEqual(['CORSMissingAllowOrigin'])
    expect(d.preflightExchange!.status).toBe(200)
    expect(d.preflightExchange!.headers.get('allow')).toContain('PUT')
    expect(d.cause).toEqual({ kind: 'not-handled' })
    expect(d.problems[0]!.fix).toContain(
      "express cors(): it never sees the OPTIONS request; register it for every method, app.use(cors({ … })), or add app.options('/route/items', cors({ … }))",
    )
    expect((await model(exp, '/route/items', input)).reason).toBe('CORSMissingAllowOrigin')
  })

  it('a fixed origin string is sent to every caller', async () => {
    const d = await run(exp, '/fixed/items')
    expect(d.problems.map((p) => p.code)).toEqual(['CORSAllowOriginNotMatchingOrigin'])
    expect(d.problems[0]!.fix).toContain(
      `express cors(): origin: '${OTHER}' sends that one origin to everyone; list both, origin: ['${OTHER}', '${PAGE}']`,
    )
  })

  it('origin: true with credentials works, and is flagged', async () => {
    const d = await run(exp, '/reflect/items', { credentials: true })
    expect(d.allowed).toBe(true)
    expect(d.warnings.map((w) => w.code)).toEqual(['OriginReflectedWithCredentials', 'NullOriginAllowed'])
  })
})
