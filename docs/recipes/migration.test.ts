/**
 * Every example of docs/migration.md, run as written: each block tagged `ts migration:<name>`
 * is extracted, evaluated with `createCors` and `originsFromEnv` in scope, and the policy it
 * builds (`cors`) is checked against what the text beside it claims. A block without claims, or
 * claims without a block, fail the test.
 */
import { readFileSync } from 'node:fs'
import { CorsConfigError, type CorsPolicy, type CorsRefusal, createCors, originsFromEnv } from '@corsica/core'
import { describe, expect, it } from 'vitest'

const doc = readFileSync(new URL('../migration.md', import.meta.url), 'utf8')
const blocks = new Map<string, string>()
for (const m of doc.matchAll(/^```ts migration:([a-z0-9-]+)\n([\s\S]*?)^```$/gm)) {
  expect(blocks.has(m[1]!), `two blocks named ${m[1]}`).toBe(false)
  blocks.set(m[1]!, m[2]!)
}

const APP = 'https://app.example.com'
const ACAO = 'access-control-allow-origin'
const ACAC = 'access-control-allow-credentials'
const ACAM = 'access-control-allow-methods'
const ACAH = 'access-control-allow-headers'
const ACEH = 'access-control-expose-headers'

interface Run {
  /** The policy the block built, or what it threw. */
  cors?: CorsPolicy
  thrown?: unknown
  warnings: string[]
  refusals: CorsRefusal[]
}

/** Evaluates a block (plain JavaScript, imports aside) and returns its `cors`. */
function run(name: string, env: Record<string, string> = {}): Run {
  const code = blocks.get(name)
  if (code === undefined) throw new Error(`docs/migration.md has no block migration:${name}`)
  const warnings: string[] = []
  const refusals: CorsRefusal[] = []
  // Refusals are collected: the block's own options get an onRefuse added.
  const collecting = (options: Parameters<typeof createCors>[0]) =>
    createCors({ ...options, onRefuse: (r: CorsRefusal) => refusals.push(r) })
  const warn = console.warn
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '))
  try {
    const body = `${code.replace(/^import .*$/gm, '')}\nreturn cors`
    const cors = new Function('createCors', 'originsFromEnv', 'process', body)(collecting, originsFromEnv, {
      env,
    }) as CorsPolicy
    return { cors, warnings, refusals }
  } catch (thrown) {
    return { thrown, warnings, refusals }
  } finally {
    console.warn = warn
  }
}

function preflight(origin: string, method: string, requestHeaders?: string): Request {
  const headers: Record<string, string> = { origin, 'access-control-request-method': method }
  if (requestHeaders !== undefined) headers['access-control-request-headers'] = requestHeaders
  return new Request('https://api.example.net/items', { method: 'OPTIONS', headers })
}
function get(origin: string): Request {
  return new Request('https://api.example.net/items', { headers: { origin } })
}

/** The answer of `cors.wrap` around a handler that answers 200. */
async function answer(cors: CorsPolicy | undefined, request: Request) {
  expect(cors, 'the block built no policy').toBeDefined()
  const response = await cors!.wrap(() => new Response('ok'))(request)
  return { status: response.status, get: (name: string) => response.headers.get(name) }
}

/** Each block's claims, as the text of docs/migration.md states them. */
const claims: Record<string, (r: Run) => Promise<void> | void> = {
  async 'no-options'({ cors }) {
    const a = await answer(cors, preflight('https://anyone.example', 'POST', 'authorization,content-type'))
    expect([a.status, a.get(ACAO), a.get(ACAH)]).toEqual([204, '*', 'authorization,content-type'])
  },
  async 'safelisted-only'({ cors }) {
    // Refused, from an allowed origin: the success status and the policy's lists, without the header.
    const a = await answer(cors, preflight(APP, 'POST', 'content-type'))
    expect([a.status, a.get(ACAO), a.get(ACAH)]).toEqual([204, APP, null])
  },
  async 'payload-headers'({ cors, warnings }) {
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain("allowedHeaders[0]: 'Origin'")
    expect(warnings[0]).toContain("allowedHeaders[2]: 'Cookie'")
    expect(warnings[0]).toContain("exposedHeaders[0]: 'Set-Cookie'")
    const a = await answer(cors, preflight(APP, 'PUT', 'authorization,content-type'))
    expect([a.status, a.get(ACAH), a.get(ACAC)]).toEqual([204, 'content-type, authorization', 'true'])
    expect((await answer(cors, get(APP))).get(ACEH)).toBe('x-total-count')
  },
  'reflect-with-credentials'({ thrown }) {
    expect(thrown).toBeInstanceOf(CorsConfigError)
    expect(String((thrown as Error).message)).toContain(
      'true reflects every origin, and with credentials: true that lets any website read your responses as the signed-in user',
    )
  },
  async env() {
    const { cors } = run('env', { ALLOWED_ORIGINS: `${APP}, https://admin.example.com` })
    expect((await answer(cors, get('https://admin.example.com'))).get(ACAO)).toBe('https://admin.example.com')
    const bad = run('env', { ALLOWED_ORIGINS: `${APP}, *` })
    expect(String((bad.thrown as Error).message)).toContain(
      "remove '*' from ALLOWED_ORIGINS or set it to exactly '*'",
    )
  },
  async 'express-function'({ cors }) {
    expect((await answer(cors, get(APP))).get(ACAO)).toBe(APP)
    expect((await answer(cors, get('https://evil.example'))).get(ACAO)).toBeNull()
  },
  async 'express-callback-kept'({ cors, refusals }) {
    expect((await answer(cors, get(APP))).get(ACAO)).toBeNull()
    expect(refusals.map((r) => r.code)).toEqual(['origin-function-invalid'])
    expect(refusals[0]!.fix).toContain('returns the boolean it passed to callback')
  },
  async 'apex-and-subdomains'({ cors }) {
    for (const origin of ['https://example.com', 'https://eu.example.com', 'https://a.b.example.com']) {
      expect((await answer(cors, get(origin))).get(ACAO), origin).toBe(origin)
    }
    expect((await answer(cors, get('https://example.com.evil.test'))).get(ACAO)).toBeNull()
    // The RegExp the table offers grants the apex too; the pattern alone does not.
    const re = /^https:\/\/([a-z0-9-]+\.)*example\.com$/
    expect(re.test('https://example.com')).toBe(true)
    const patternOnly = createCors({ origin: ['https://*.example.com'], onRefuse: false })
    expect((await answer(patternOnly, get('https://example.com'))).get(ACAO)).toBeNull()
  },
  async 'refused-method'({ cors }) {
    const a = await answer(cors, preflight(APP, 'DELETE'))
    expect([a.status, a.get(ACAO), a.get(ACAM)]).toEqual([204, APP, 'GET, POST'])
    const evil = await answer(cors, preflight('https://evil.example', 'DELETE'))
    expect([evil.status, evil.get(ACAO), evil.get(ACAM)]).toEqual([403, null, null])
  },
  async 'hono-function'({ cors }) {
    expect((await answer(cors, get('https://eu.example.com'))).get(ACAO)).toBe('https://eu.example.com')
    expect((await answer(cors, get('https://evil.example'))).get(ACAO)).toBeNull()
  },
  async 'hono-function-kept'({ cors, refusals }) {
    expect((await answer(cors, get('https://eu.example.com'))).get(ACAO)).toBeNull()
    expect(refusals).toMatchObject([{ code: 'origin-function-invalid', cause: 'https://eu.example.com' }])
  },
  async 'fastify-defaults'({ cors }) {
    const a = await answer(cors, preflight('https://anyone.example', 'PUT', 'content-type'))
    expect([a.status, a.get(ACAO), a.get(ACAM)]).toEqual([204, '*', 'GET, HEAD, POST'])
    const post = await answer(cors, preflight('https://anyone.example', 'POST', 'content-type'))
    expect([post.get(ACAM), post.get(ACAH)]).toEqual(['GET, HEAD, POST', 'content-type'])
  },
  async 'elysia-credentials'({ cors }) {
    const a = await answer(cors, preflight(APP, 'PROPFIND', 'x-api-key'))
    expect([a.status, a.get(ACAO), a.get(ACAC), a.get(ACAM), a.get(ACAH)]).toEqual([
      204,
      APP,
      'true',
      'PROPFIND',
      'x-api-key',
    ])
    expect((await answer(cors, get('https://evil.example'))).get(ACAO)).toBeNull()
  },
  async 'h3-defaults'({ cors }) {
    const a = await answer(cors, preflight('https://anyone.example', 'PROPFIND', 'x-a'))
    expect([a.status, a.get(ACAO), a.get(ACAM), a.get(ACAH)]).toEqual([204, '*', '*', 'x-a'])
    expect((await answer(cors, get('https://anyone.example'))).get(ACEH)).toBe('*')
  },
  async itty({ cors }) {
    expect((await answer(cors, get(APP))).get(ACAO)).toBe(APP)
    const a = await answer(cors, preflight(APP, 'PURGE', 'x-a'))
    expect([a.status, a.get(ACAM), a.get(ACAH)]).toEqual([204, '*', 'x-a'])
  },
  async 'remix-utils'({ cors }) {
    const a = await answer(cors, preflight('https://anyone.example', 'PATCH', 'content-type'))
    expect([a.status, a.get(ACAO), a.get(ACAH)]).toEqual([204, '*', 'content-type'])
  },
  async 'hand-written-star'({ cors }) {
    const a = await answer(cors, preflight('https://anyone.example', 'PUT', 'authorization'))
    expect([a.status, a.get(ACAO), a.get(ACAH)]).toEqual([204, '*', 'authorization'])
  },
  async 'hand-written-credentials'({ cors }) {
    const a = await answer(cors, get(APP))
    expect([a.get(ACAO), a.get(ACAC)]).toEqual([APP, 'true'])
    expect(() => createCors({ origin: '*', credentials: true })).toThrow(
      /'\*' cannot be used with credentials/,
    )
  },
}

describe('docs/migration.md: every example does what its row says', () => {
  it('every block has claims, and every claim a block', () => {
    expect([...blocks.keys()].sort()).toEqual(Object.keys(claims).sort())
  })
  it.each([...blocks.keys()])('%s', async (name) => {
    await claims[name]!(run(name))
  })
})
