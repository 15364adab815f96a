/** The Node recipes of docs/recipes, run as written: real sockets where the recipe serves. */
import type { AddressInfo } from 'node:net'
import type { ServerType } from '@hono/node-server'
import { serve } from '@hono/node-server'
// Next's own Server Actions origin check (next 16.4.6), to compare the computed list with.
import { isCsrfOriginAllowed } from 'next/dist/server/app-render/csrf-protection.js'
import { request, WebSocket } from 'undici'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corsOptions } from './dev-localhost.ts'
import { app as envApp } from './hono-env-origins.ts'
import { app as routesApp } from './hono-per-route.ts'
import { createTenantCors } from './saas-domains.ts'
import { start as startSocketIo } from './socketio-allow-request.ts'
import { nextAllowedOrigins, svelteKitTrustedOrigins, cors as trustedCors } from './trusted-origins.ts'
import viteConfig from './vite.config.ts'

const APP = 'https://app.example.com'
const ACAO = 'access-control-allow-origin'
const preflight = (origin: string, method = 'PUT') => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': method },
})

function listening(server: ServerType): Promise<string> {
  return new Promise((resolve) => {
    const done = () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    if (server.listening) done()
    else server.once('listening', done)
  })
}
const close = (server: ServerType) => new Promise((resolve) => server.close(resolve))

describe('node-http.ts: cors.wrap(handler) on Node http through @hono/node-server', () => {
  let server: ServerType
  let base: string
  beforeAll(async () => {
    // As most apps write it: commas and spaces (originsFromEnv splits either).
    process.env.ALLOWED_ORIGINS = `${APP}, https://admin.example.com`
    const { start } = await import('./node-http.ts')
    server = start(0)
    base = await listening(server)
  })
  afterAll(() => close(server))

  it('answers a preflight from an origin listed in ALLOWED_ORIGINS', async () => {
    const res = await request(`${base}/api/items`, {
      method: 'OPTIONS',
      headers: preflight('https://admin.example.com').headers,
    })
    await res.body.dump()
    expect(res.statusCode).toBe(204)
    expect(res.headers[ACAO]).toBe('https://admin.example.com')
    expect(res.headers['access-control-allow-credentials']).toBe('true')
  })

  it("puts the grant on the handler's answer, and nothing for another origin", async () => {
    const res = await request(`${base}/api/items`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: '{"id":2}',
    })
    expect(res.statusCode).toBe(201)
    expect(await res.body.json()).toEqual({ id: 2 })
    expect(res.headers[ACAO]).toBe(APP)
    const other = await request(`${base}/api/items`, { headers: { origin: 'https://evil.test' } })
    await other.body.dump()
    expect(other.headers[ACAO]).toBeUndefined()
    expect(other.headers.vary).toBe('Origin')
  })

  it('refuses a cross-site POST from an unlisted origin before the handler (csrf)', async () => {
    const res = await request(`${base}/api/items`, {
      method: 'POST',
      headers: { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      body: '{"id":3}',
    })
    expect(res.statusCode).toBe(403)
    expect(await res.body.text()).toMatch(/^Cross-origin request refused/)
  })
})

describe('hono-per-route.ts: a policy per path', () => {
  const get = (path: string, origin: string) => routesApp.request(path, { headers: { origin } })

  it('public, app and admin paths each follow their own policy', async () => {
    expect((await get('/public/feed', 'https://anyone.test')).headers.get(ACAO)).toBe('*')
    expect((await get('/api/me', APP)).headers.get(ACAO)).toBe(APP)
    expect((await get('/api/me', 'https://admin.example.com')).headers.get(ACAO)).toBeNull()
    const admin = await routesApp.request('/admin/users/1', preflight('https://admin.example.com', 'DELETE'))
    expect(admin.status).toBe(204)
    expect(admin.headers.get('access-control-allow-methods')).toBe('GET, PUT, DELETE')
    expect((await routesApp.request('/admin/users/1', preflight(APP, 'DELETE'))).status).toBe(403)
  })

  it('refuses a cross-site DELETE on the admin routes before the handler (csrf)', async () => {
    const evil = { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' }
    const res = await routesApp.request('/admin/users/1', { method: 'DELETE', headers: evil })
    expect(res.status).toBe(403)
  })

  it('leaves other paths alone', async () => {
    const res = await get('/health', APP)
    expect(res.headers.get(ACAO)).toBeNull()
    expect(res.headers.get('vary')).toBeNull()
  })
})

describe('hono-env-origins.ts: origins from c.env', () => {
  it('grants what env lists (here an env object; in workerd, the Cloudflare tests)', async () => {
    const env = { ALLOWED_ORIGINS: `${APP}  https://admin.example.com` }
    const res = await envApp.request('/api/me', { headers: { origin: 'https://admin.example.com' } }, env)
    expect(res.headers.get(ACAO)).toBe('https://admin.example.com')
    const other = await envApp.request('/api/me', { headers: { origin: 'https://evil.test' } }, env)
    expect(other.headers.get(ACAO)).toBeNull()
  })

  it("a value with '*' among origins answers 500 and logs the fix, named after the variable", async () => {
    const logged: string[] = []
    const error = console.error
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '))
    try {
      const env = { ALLOWED_ORIGINS: `${APP}, *` }
      const res = await envApp.request('/api/me', { headers: { origin: APP } }, env)
      expect(res.status).toBe(500)
      expect(res.headers.get(ACAO)).toBeNull()
    } finally {
      console.error = error
    }
    expect(logged.join('\n')).toContain("Fix: remove '*' from ALLOWED_ORIGINS or set it to exactly '*'.")
  })
})

describe('saas-domains.ts: thousands of customer domains', () => {
  it('grants every verified domain and subdomain, picks up changes on reload', async () => {
    let domains = Array.from({ length: 5000 }, (_, i) => `https://shop${i}.example`)
    const tenants = await createTenantCors(async () => domains)
    try {
      const handler = tenants.cors.wrap(() => new Response('ok'))
      const ask = async (origin: string) =>
        (await handler(new Request('https://api.myapp.example/', { headers: { origin } }))).headers.get(ACAO)
      expect(await ask('https://shop0.example')).toBe('https://shop0.example')
      expect(await ask('https://shop4999.example')).toBe('https://shop4999.example')
      expect(await ask('https://acme.myapp.example')).toBe('https://acme.myapp.example')
      expect(await ask('https://shop5000.example')).toBeNull()
      expect(await ask('https://myapp.example')).toBeNull() // the apex is not a customer
      expect(await ask('https://a.b.myapp.example')).toBeNull()
      domains = [...domains.slice(1), 'https://shop5000.example']
      await tenants.reload()
      expect(await ask('https://shop5000.example')).toBe('https://shop5000.example')
      expect(await ask('https://shop0.example')).toBeNull()
    } finally {
      tenants.stop()
    }
  })
})

describe('dev-localhost.ts: localhost only in development', () => {
  const ask = (nodeEnv: string, origin: string) =>
    import('@corsica/core').then(
      ({ createCors }) =>
        (
          createCors(corsOptions(nodeEnv)).actualHeaders(
            new Request('http://api.test/', { headers: { origin } }),
          ) as {
            [ACAO]?: string
          }
        )[ACAO],
    )

  it('grants any localhost port in development, none in production', async () => {
    expect(await ask('development', 'http://localhost:5173')).toBe('http://localhost:5173')
    expect(await ask('development', 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000')
    expect(await ask('production', 'http://localhost:5173')).toBeUndefined()
    expect(await ask('production', APP)).toBe(APP)
  })
})

describe('vite.config.ts: a Vite dev server in front of the API', () => {
  const DEV = 'http://localhost:3000' // a page from another dev origin, calling the API through Vite
  let api: ServerType
  let apiUrl: string
  const vites: ViteDevServer[] = []

  beforeAll(async () => {
    const { createCors } = await import('@corsica/core')
    const cors = createCors({ ...corsOptions('development'), methods: ['PUT'] })
    api = serve({ fetch: cors.wrap(() => Response.json({ from: 'api' })), port: 0, hostname: '127.0.0.1' })
    apiUrl = await listening(api)
  })
  afterAll(async () => {
    await Promise.all(vites.map((vite) => vite.close()))
    await close(api)
  })

  async function startVite(cors: false | undefined): Promise<string> {
    const vite = await createServer({
      configFile: false,
      logLevel: 'silent',
      root: import.meta.dirname,
      server: {
        ...viteConfig.server,
        ...(cors === undefined ? { cors: undefined } : {}),
        host: '127.0.0.1',
        port: 0,
        proxy: { '/api': { target: apiUrl } },
      },
    })
    vites.push(vite)
    await vite.listen()
    return vite.resolvedUrls!.local[0]!.replace(/\/$/, '')
  }

  it('with cors: false, the API answers the preflight through the proxy', async () => {
    expect(viteConfig.server?.cors).toBe(false)
    const base = await startVite(false)
    const res = await request(`${base}/api/items`, preflight(DEV) as never)
    await res.body.dump()
    expect(res.statusCode).toBe(204)
    expect(res.headers[ACAO]).toBe(DEV)
    expect(res.headers['access-control-allow-methods']).toBe('PUT') // the API's own policy
    expect(res.headers['access-control-allow-credentials']).toBe('true')
  })

  // Vite 8's default (server.cors for localhost origins), observed here: Vite answers the
  // preflight itself, so the API's policy (methods: ['PUT'], credentials) never shows.
  it("with Vite's default CORS, Vite answers instead of the API", async () => {
    const base = await startVite(undefined)
    const res = await request(`${base}/api/items`, preflight(DEV) as never)
    await res.body.dump()
    expect(res.headers[ACAO]).toBe(DEV)
    expect(res.headers['access-control-allow-methods']).not.toBe('PUT')
    expect(res.headers['access-control-allow-credentials']).toBeUndefined()
  })
})

describe('trusted-origins.ts: the lists of other CSRF checks, computed from the one list', () => {
  const origins = [
    'https://app.example.com',
    'https://admin.example.com',
    'https://pr-12.preview.example.com',
    'https://a.b.preview.example.com',
    'https://preview.example.com',
    'https://evil.test',
    'https://app.example.com.evil.test',
    'https://example.com',
  ]

  it("gives SvelteKit's trustedOrigins the exact origins the policy trusts", () => {
    expect(svelteKitTrustedOrigins).toEqual(['https://app.example.com', 'https://admin.example.com'])
    for (const origin of svelteKitTrustedOrigins) expect(trustedCors.trusts(origin)).toBe(true)
  })

  it("gives Next's serverActions.allowedOrigins hosts that Next allows exactly when the policy trusts", async () => {
    expect(nextAllowedOrigins).toEqual(['app.example.com', 'admin.example.com', '**.preview.example.com'])
    for (const origin of origins) {
      const next = isCsrfOriginAllowed(new URL(origin).host, nextAllowedOrigins)
      expect(next, origin).toBe(await trustedCors.trusts(origin))
    }
  })
})

describe('socketio-allow-request.ts: socket.io handshakes checked by cors.trusts()', () => {
  let server: ReturnType<typeof startSocketIo>
  let url: string
  beforeAll(async () => {
    server = startSocketIo(0)
    await new Promise((resolve) => server.once('listening', resolve))
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket.io/?EIO=4&transport=websocket`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  /**
   * A WebSocket client (undici's) speaking socket.io's protocol by hand: open (`0…`), connect to
   * the main namespace (`40`), send an event (`42[…]`); resolves with the echo, or how it failed.
   */
  function chat(origin?: string): Promise<string> {
    const socket = new WebSocket(url, origin === undefined ? {} : { headers: { origin } })
    return new Promise((resolve) => {
      socket.onmessage = ({ data }) => {
        const packet = String(data)
        if (packet.startsWith('0')) socket.send('40')
        else if (packet.startsWith('40')) socket.send('42["message","hello"]')
        else if (packet.startsWith('42')) {
          resolve(packet)
          socket.close()
        }
      }
      socket.onerror = () => resolve('failed')
      socket.onclose = ({ code }) => resolve(`closed ${code}`)
    })
  }

  it('connects a trusted origin, a pattern-trusted one and a client without Origin', async () => {
    for (const origin of ['https://app.example.com', 'https://pr-7.preview.example.com', undefined]) {
      expect(await chat(origin), String(origin)).toBe('42["message","echo hello"]')
    }
  })

  it('refuses the handshake of an origin the policy does not trust', async () => {
    expect(await chat('https://evil.test')).toBe('failed')
  })
})
