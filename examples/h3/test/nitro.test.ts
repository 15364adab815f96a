/**
 * The same API as a Nitro v3 app (nitro/): built once with `nitro build`, then run as its users
 * run it, `node .output/server/index.mjs`, on a free port; undici sends what a browser would.
 * Nitro 3.0.0 bundles its own h3, 2.0.1-rc.2.
 */
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Child, startChild } from '@corsica/testkit/process'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const APP = 'https://app.example.com'
const ACAO = 'access-control-allow-origin'
const dir = fileURLToPath(new URL('../nitro', import.meta.url))
const cli = fileURLToPath(new URL('../node_modules/nitro/dist/cli/index.mjs', import.meta.url))

let server: Child
let base: string
/** What nitro build writes next to the sources, removed before and after (not linted, not kept). */
const clean = () => {
  for (const out of ['.output', '.nitro', 'node_modules'])
    rmSync(`${dir}/${out}`, { recursive: true, force: true })
}
beforeAll(async () => {
  clean()
  const build = await startChild(process.execPath, [cli, 'build'], { cwd: dir, timeoutMs: 120_000 })
  const code = await new Promise((resolve) => build.child.process.once('exit', resolve))
  if (code !== 0) throw new Error(`nitro build failed (${code}):\n${build.child.output()}`)
  const started = await startChild(process.execPath, ['.output/server/index.mjs'], {
    cwd: dir,
    env: { PORT: '0', HOST: '127.0.0.1' },
    ready: /Listening on (http:\/\/[^\s/]+)/,
  })
  server = started.child
  base = started.match[1]!
}, 150_000)
afterAll(async () => {
  await server?.stop()
  clean()
})

const send = async (path: string, method: string, headers: Record<string, string>) => {
  const res = await request(`${base}${path}`, { method: method as 'GET', headers })
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() }
}

describe('@corsica/h3 as a Nitro v3 server middleware (nitro build, node .output/server)', () => {
  it('answers a preflight with no OPTIONS route', async () => {
    const res = await send('/api/notes', 'OPTIONS', {
      origin: APP,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    })
    expect(res.status).toBe(204)
    expect(res.headers[ACAO]).toBe(APP)
    expect(res.headers['access-control-allow-headers']).toBe('content-type, x-request-id')
  })

  it.each([
    ['a route', '/api/notes', 200],
    ['a thrown HTTPError', '/api/conflict', 409],
    ["a thrown Error (Nitro's error handler)", '/api/broken', 500],
  ] as const)('%s: the answer carries the grant', async (_, path, status) => {
    const res = await send(path, 'GET', { origin: APP })
    expect(res.status).toBe(status)
    expect(res.headers[ACAO]).toBe(APP)
    expect(res.headers.vary).toBe('Origin')
  })

  // h3 2.0.1-rc.2's middleware chain takes a middleware's Response with status 404 as "not
  // handled" and answers its own 404 (h3 2.0.8 no longer does): on Nitro 3.0.0 a 404 has no
  // CORS headers, so a page sees a CORS error instead of the 404.
  it('Nitro 3.0.0 pitfall: its 404 carries no CORS headers', async () => {
    const res = await send('/api/nope', 'GET', { origin: APP })
    expect(res.status).toBe(404)
    expect(res.headers[ACAO]).toBeUndefined()
  })
})
