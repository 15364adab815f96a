/** The Workers recipes of docs/recipes, each bundled and run as a worker of its own in workerd. */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const APP = 'https://app.example.com'

describe('docs/recipes/workers-env-origins.ts', () => {
  it('grants the origins listed in ALLOWED_ORIGINS, and nothing else', async () => {
    const ok = await env.RECIPE_ENV.fetch('https://api.test/', { headers: { origin: APP } })
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP)
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true')
    const other = await env.RECIPE_ENV.fetch('https://api.test/', {
      headers: { origin: 'https://evil.test' },
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('docs/recipes/workers-kv-origins.ts', () => {
  it('grants an origin once it is in KV, and keeps answers in its cache', async () => {
    const shop = 'https://shop.example.com'
    const ask = async (origin: string) =>
      (await env.RECIPE_KV.fetch('https://api.test/', { headers: { origin } })).headers.get(
        'access-control-allow-origin',
      )
    await env.RECIPE_ORIGINS.put(`origin:${shop}`, '1')
    expect(await ask(shop)).toBe(shop)
    const newcomer = 'https://new.example.com'
    expect(await ask(newcomer)).toBeNull()
    // Added after the first answer: the cached "no" stands until it expires (60 s).
    await env.RECIPE_ORIGINS.put(`origin:${newcomer}`, '1')
    expect(await ask(newcomer)).toBeNull()
    // Removed after the first answer: the cached "yes" stands too.
    await env.RECIPE_ORIGINS.delete(`origin:${shop}`)
    expect(await ask(shop)).toBe(shop)
  })

  it('answers preflights from KV-listed origins', async () => {
    const partner = 'https://partner.example.com'
    await env.RECIPE_ORIGINS.put(`origin:${partner}`, '1')
    const res = await env.RECIPE_KV.fetch('https://api.test/', {
      method: 'OPTIONS',
      headers: { origin: partner, 'access-control-request-method': 'PUT' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(partner)
  })
})

describe('docs/recipes/workers-per-route.ts', () => {
  const get = (path: string, origin: string) =>
    env.RECIPE_ROUTES.fetch(`https://api.test${path}`, { headers: { origin } })

  it('gives /public/* to any origin, without credentials', async () => {
    const res = await get('/public/feed', 'https://anyone.test')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('gives /api/* to the app only, with credentials', async () => {
    const app = await get('/api/me', APP)
    expect(app.headers.get('access-control-allow-origin')).toBe(APP)
    expect(app.headers.get('access-control-allow-credentials')).toBe('true')
    expect(
      (await get('/api/me', 'https://anyone.test')).headers.get('access-control-allow-origin'),
    ).toBeNull()
  })

  it('gives other paths no CORS at all', async () => {
    const res = await get('/elsewhere', APP)
    expect(res.status).toBe(404)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('vary')).toBeNull()
  })
})

describe('docs/recipes/hono-env-origins.ts (Hono on Workers, origins from c.env)', () => {
  it('grants the origins listed in ALLOWED_ORIGINS, and nothing else', async () => {
    const ok = await env.RECIPE_HONO_ENV.fetch('https://api.test/api/me', { headers: { origin: APP } })
    expect(await ok.json()).toEqual({ name: 'Ada' })
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP)
    const other = await env.RECIPE_HONO_ENV.fetch('https://api.test/api/me', {
      headers: { origin: 'https://evil.test' },
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('docs/recipes/hono-websocket.ts (a Hono WebSocket route, csrf: true)', () => {
  const handshake = (origin?: string) =>
    env.RECIPE_HONO_WEBSOCKET.fetch('https://api.example.com/api/chat', {
      headers: origin === undefined ? { upgrade: 'websocket' } : { upgrade: 'websocket', origin },
    })

  it('refuses a handshake from an untrusted origin with 403, before the route upgrades it', async () => {
    const res = await handshake('https://evil.test')
    expect(res.status).toBe(403)
    expect(res.webSocket).toBeNull()
    expect(await res.text()).toMatch(/^Cross-origin request refused/)
  })

  it.each([
    ['a trusted origin', 'https://app.example.com'],
    ['a client without Origin', undefined],
  ])('upgrades %s, and the socket echoes', async (_, origin) => {
    const res = await handshake(origin)
    expect(res.status).toBe(101)
    const socket = res.webSocket!
    socket.accept()
    const echoed = new Promise<string>((resolve) =>
      socket.addEventListener('message', (event) => resolve(String(event.data)), { once: true }),
    )
    socket.send('hello')
    expect(await echoed).toBe('echo hello')
    socket.close(1000, 'done')
  })
})
