/**
 * The example as its README runs it: `bun run src/main.ts` (the Bun binary of the npm `bun`
 * package) on a free port, in its own process group; undici sends what a browser would.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Child, startChild } from '@corsica/testkit/process'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const fromBun = createRequire(createRequire(import.meta.url).resolve('bun/package.json'))
const BUN = join(dirname(fromBun.resolve('@oven/bun-linux-x64/package.json')), 'bin/bun')
const APP = 'https://app.example.com'

let server: Child
let base: string
beforeAll(async () => {
  const { child, match } = await startChild(BUN, ['run', 'src/main.ts'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { PORT: '0', NO_COLOR: '1' },
    ready: /listening on (http:\/\/[^\s/]+)/,
  })
  server = child
  base = match[1]!
})
afterAll(() => server?.stop())

const send = async (path: string, method: string, headers: Record<string, string>, body?: string) => {
  const res = await request(`${base}${path}`, { method: method as 'GET', headers, body })
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() }
}

describe('example-elysia on Bun', () => {
  it('answers a preflight with no OPTIONS route', async () => {
    const res = await send('/api/notes', 'OPTIONS', {
      origin: APP,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-request-id',
    })
    expect(res.status).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe(APP)
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect(res.headers['access-control-allow-headers']).toBe('content-type, x-request-id')
    expect(res.headers['access-control-max-age']).toBe('600')
  })

  it('grants a GET from the Vite dev server, the JSON still JSON', async () => {
    const res = await send('/api/notes', 'GET', { origin: 'http://localhost:5173' })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json;charset=utf-8')
    expect(JSON.parse(res.text)).toEqual([{ id: 1, text: 'Try a cross-origin fetch' }])
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    expect(res.headers['access-control-expose-headers']).toBe('x-request-id')
  })

  it('creates a note (201 from status()) with the grant', async () => {
    const res = await send(
      '/api/notes',
      'POST',
      { origin: APP, 'content-type': 'application/json' },
      '{"text":"hi"}',
    )
    expect(res.status).toBe(201)
    expect(JSON.parse(res.text)).toEqual({ id: 2, text: 'hi' })
    expect(res.headers['access-control-allow-origin']).toBe(APP)
  })

  it("a route that throws: Elysia's 500 carries the CORS headers", async () => {
    const res = await send('/api/broken', 'GET', { origin: APP })
    expect(res.status).toBe(500)
    expect(res.headers['access-control-allow-origin']).toBe(APP)
  })

  it('an unlisted origin: 403 to its preflight, nothing granted on its GET', async () => {
    const evil = 'https://evil.example'
    const pre = await send('/api/notes', 'OPTIONS', { origin: evil, 'access-control-request-method': 'POST' })
    expect(pre.status).toBe(403)
    expect(pre.headers['access-control-allow-origin']).toBeUndefined()
    const res = await send('/api/notes', 'GET', { origin: evil })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    expect(res.headers.vary).toBe('Origin')
  })
})
