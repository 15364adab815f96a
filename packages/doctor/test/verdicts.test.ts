/**
 * The wrong verdicts of issue 14, each reproduced as it was found, against real servers: a
 * Corsica server and express cors() over node:http. Each test fails on the doctor before the fix.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createCors } from '@corsica/core'
import { getRequestListener } from '@hono/node-server'
import cors from 'cors'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { USAGE } from '../src/args'
import { type DoctorInput, diagnose, toJson, toText } from '../src/index'
import { listen, type TestServer } from './servers'

const PAGE = 'http://localhost:5173'
const OTHER = 'https://other.example'
let corsica: TestServer
let exp: TestServer

beforeAll(async () => {
  // The server of the reproductions: credentials on, one allowed header.
  // 'opaque': a refused header gets a bare 403, so the browser blames the origin and the doctor
  // must find the cause (by default Corsica answers with its lists and the browser names it).
  const policy = createCors({
    origin: [PAGE],
    credentials: true,
    allowedHeaders: ['content-type'],
    preflightRefusals: 'opaque',
    onRefuse: false,
  })
  const api = () => new Response('{}', { headers: { 'content-type': 'application/json' } })
  corsica = await listen(getRequestListener(policy.wrap(api), { overrideGlobalObjects: false }))
  const app = express()
  app.use(cors({ origin: `${PAGE}/` })) // the mistake: a trailing slash
  app.get('/items', (_req, res) => {
    res.json([])
  })
  exp = await listen(app)
})
afterAll(async () => {
  await corsica.close()
  await exp.close()
})

const at = (server: TestServer, input: Partial<DoctorInput> = {}) =>
  diagnose({ url: `${server.origin}/api/items`, origin: PAGE, timeoutMs: 5000, ...input })

describe('1. secondary effects are not causes', () => {
  it('a credentialed call with a refused header is one problem, naming the header', async () => {
    const d = await at(corsica, { method: 'POST', headers: ['X-Api-Key: 1'], credentials: true })
    expect(d.problems).toHaveLength(1)
    const [p] = d.problems
    expect(p!.code).toBe('CORSMissingAllowOrigin')
    expect(p!.secondary).toEqual(['CORSMissingAllowCredentials', 'CORSPreflightDidNotSucceed'])
    expect(p!.fix).toContain("Corsica (onRefuse code header-not-allowed): add 'x-api-key' to allowedHeaders.")
    expect(p!.fix).not.toContain('set credentials: true')
    expect(toText(d, false)).toContain('✗ Blocked: 1 problem;')
  })

  it('a credentialed preflight from an unlisted origin is one problem, naming the origin', async () => {
    const d = await at(corsica, {
      origin: OTHER,
      method: 'POST',
      headers: ['X-Api-Key: 1'],
      credentials: true,
    })
    expect(d.problems.map((p) => p.code)).toEqual(['CORSMissingAllowOrigin'])
    expect(d.cause).toEqual({ kind: 'origin' })
    expect(d.problems[0]!.fix).toContain(`add '${OTHER}' to origin`)
    expect(d.problems[0]!.fix).not.toContain('credentials: true')
  })

  it('a credentialed GET from an unlisted origin is one problem', async () => {
    const d = await at(corsica, { origin: OTHER, credentials: true })
    expect(d.problems.map((p) => p.code)).toEqual(['CORSMissingAllowOrigin'])
    expect(d.problems[0]!.secondary).toEqual(['CORSMissingAllowCredentials'])
  })
})

describe('2. --no-probe says what it cannot tell', () => {
  it('names the suspects and how to find out, not a confident wrong fix', async () => {
    const d = await at(corsica, { method: 'POST', headers: ['X-Api-Key: 1'], probe: false })
    expect(d.probes).toEqual([])
    expect(d.problems).toHaveLength(1)
    const fix = d.problems[0]!.fix
    expect(fix).toContain(`cannot tell whether it refuses the origin ${PAGE} or the header x-api-key`)
    expect(fix).toContain('run again without --no-probe')
    expect(fix).toContain('`[corsica]` log line')
    expect(fix).not.toContain(`add '${PAGE}' to origin`)
    expect(fix).not.toContain('authentication')
  })
})

describe('4. fixes never keep the mistake', () => {
  it("express cors({ origin: 'http://localhost:5173/' }): the fix names the clean origin only", async () => {
    const d = await diagnose({ url: `${exp.origin}/items`, origin: PAGE, timeoutMs: 5000 })
    expect(d.server).toBe('express')
    expect(d.problems.map((p) => p.code)).toEqual(['CORSAllowOriginNotMatchingOrigin'])
    const fix = d.problems[0]!.fix
    expect(fix).toContain(`set origin: ['${PAGE}']`)
    expect(fix).not.toContain(`['${PAGE}/'`)
    expect(fix).not.toContain('list both')
  })
})

describe('5. the default call says what it did not check', () => {
  it('a plain GET that passes adds one line on the preflight the real call may need', async () => {
    const d = await at(corsica)
    expect(d.allowed).toBe(true)
    expect(d.notes).toHaveLength(1)
    expect(d.notes[0]).toContain(`--method PUT -H 'Content-Type: application/json' --credentials`)
    const text = toText(d, false)
    expect(text.split('\n').filter((l) => l.startsWith('Note:'))).toHaveLength(1)
    // The JSON verdict keeps its fields.
    expect(Object.keys(toJson(d))).toEqual(['allowed', 'preflight', 'problems', 'warnings', 'exposedHeaders'])
  })

  it('a call with a method or headers gets no such note', async () => {
    const d = await at(corsica, {
      method: 'POST',
      headers: ['Content-Type: application/json'],
      credentials: true,
    })
    expect(d.allowed).toBe(true)
    expect(d.notes).toEqual([])
  })

  it('--help lists every flag the README documents', async () => {
    const readme = await readFile(join(import.meta.dirname, '..', 'README.md'), 'utf8')
    const usage = readme.slice(readme.indexOf('corsica doctor <url> --origin <origin> [options]'))
    const block = usage.slice(0, usage.indexOf('```'))
    const flags = [...block.matchAll(/(?<![\w-])(--?[a-zA-Z][\w-]*)/g)].map((m) => m[1]!)
    expect(flags).toContain('-H')
    for (const flag of new Set(flags)) expect(USAGE, flag).toMatch(new RegExp(`(^|[\\s,])${flag}[\\s,]`, 'm'))
  })
})

describe('Corsica detection holds for both ways of refusing a preflight', () => {
  // By default (preflightRefusals: 'explain') Corsica answers a method or header it refuses from an
  // allowed origin with 204, Access-Control-Allow-Origin and its own lists, so browsers name the
  // header; for a refused origin, or with 'opaque', a bare 403.
  const listing = (request: Request) =>
    new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-origin': request.headers.get('origin') ?? '',
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, HEAD, POST',
        'access-control-allow-headers': 'content-type',
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      },
    })

  it('a 204 with the lists: the refused header, in Corsica words', async () => {
    const d = await diagnose({
      url: 'http://api.test/items',
      origin: PAGE,
      method: 'POST',
      headers: ['X-Api-Key: 1'],
      credentials: true,
      handler: listing,
    })
    expect(d.server).toBe('corsica')
    expect(d.problems.map((p) => p.code)).toEqual(['CORSMissingAllowHeaderFromPreflight'])
    expect(d.problems[0]!.fix).toContain(
      "Corsica (onRefuse code header-not-allowed): add 'x-api-key' to allowedHeaders.",
    )
  })
})
