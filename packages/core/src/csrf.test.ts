/** `csrf` and `trusts()`: the shared tables through every core entry, and what only the core can show. */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type Case,
  checkOutcome,
  csrfCases,
  handlers,
  SELF,
  toRequest,
  websocketCases,
} from '../../testkit/src/index.ts'
import { type CorsDecision, type CorsRefusal, type CorsRequest, createCors } from './index.ts'

const APP = 'https://app.test'
const EVIL = 'https://evil.test'
const all = [...csrfCases, ...websocketCases]

/** A handler that counts its calls: a refused case must leave it at zero. */
function counting(c: Case) {
  const calls = { n: 0 }
  const handler = (request: Request) => {
    calls.n++
    return handlers[c.handler ?? 'ok'](request)
  }
  return { calls, handler }
}

/** A thin view of a request, as node:http has it: no Fetch Request is built unless a hook needs one. */
function view(request: Request): CorsRequest & { built: number } {
  const headers = Object.fromEntries(request.headers)
  const v = {
    method: request.method,
    url: request.url,
    headers: { get: (name: string) => headers[name] ?? null },
    built: 0,
    toRequest() {
      v.built++
      return request
    },
  }
  return v
}

function decisionResponse(decision: CorsDecision, handler: (r: Request) => Response, request: Request) {
  if (decision.respond)
    return new Response(decision.body, { status: decision.status, headers: decision.headers })
  return createCors({ origin: '*' }).apply(handler(request), decision.headers)
}

afterEach(() => vi.restoreAllMocks())

describe('the csrf table through wrap()', () => {
  it.each(all.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { calls, handler } = counting(c)
    const response = await createCors(c.options).wrap(handler)(toRequest(c))
    expect(checkOutcome(c, response)).toEqual([])
    expect(calls.n).toBe(c.expect.handlerRan ? 1 : 0)
  })
})

describe('the csrf table through intercept() and apply()', () => {
  it.each(all.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const policy = createCors(c.options)
    const request = toRequest(c)
    const { calls, handler } = counting(c)
    const early = await policy.intercept(request)
    const response = early ?? policy.apply(handler(request), await policy.actualHeaders(request))
    expect(checkOutcome(c, response)).toEqual([])
    expect(calls.n).toBe(c.expect.handlerRan ? 1 : 0)
  })
})

describe('the csrf table through decide() on a thin view', () => {
  it.each(all.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const request = toRequest(c)
    const { calls, handler } = counting(c)
    const thin = view(request)
    const decision = await createCors(c.options).decide(thin)
    expect(checkOutcome(c, decisionResponse(decision, handler, request))).toEqual([])
    expect(calls.n).toBe(c.expect.handlerRan ? 1 : 0)
    // Only the origin function and the bypass are promised a Request.
    if (typeof c.options.origin !== 'function' && !(typeof c.options.csrf === 'object'))
      expect(thin.built).toBe(0)
  })
})

describe('csrf: what the tables cannot say', () => {
  const policy = createCors({ origin: [APP], csrf: true, onRefuse: false })
  const post = (url: string, headers: Record<string, string>) =>
    policy.wrap(() => new Response('ran'))(new Request(url, { method: 'POST', headers, body: 'x' }))

  it.each([
    ['an explicit default port', 'https://api.test/x', 'https://api.test:443'],
    ['an explicit default http port', 'http://api.test/x', 'http://API.test:80'],
    ['IPv6 loopback', 'http://[::1]:8080/x', 'http://[::1]:8080'],
    ['IPv6 written at length', 'http://[::1]:8080/x', 'http://[0:0:0:0:0:0:0:1]:8080'],
  ])('the server own origin with %s passes (the URL parser normalises both)', async (_, url, origin) => {
    expect((await post(url, { origin })).status).toBe(200)
  })

  it("an Origin whose host is the request's Host passes, as in Go (behind a proxy the URL differs)", async () => {
    const behind = (host: string) =>
      policy.wrap(() => new Response('ran'))(
        new Request('http://localhost:3000/x', {
          method: 'POST',
          headers: { origin: 'https://api.example.com', host },
          body: 'x',
        }),
      )
    expect((await behind('api.example.com')).status).toBe(200)
    expect((await behind('other.example.com')).status).toBe(403)
  })

  it.each([
    ['another port', 'http://127.0.0.1:8080/x', 'http://127.0.0.1:8081'],
    ['another scheme', 'https://api.test/x', 'http://api.test'],
    ['a trailing slash', 'https://api.test/x', 'https://api.test/'],
    ['userinfo', 'https://api.test/x', 'https://user@api.test'],
    ['a query', 'https://api.test/x', 'https://api.test?x'],
  ])('an Origin with %s is not the server own', async (_, url, origin) => {
    expect((await post(url, { origin })).status).toBe(403)
  })

  it('answers the refusal with one line that never echoes the request', async () => {
    const response = await post('https://api.test/x', { origin: 'https://evil.test<script>' })
    expect(response.status).toBe(403)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const body = await response.text()
    expect(body.trim().split('\n')).toHaveLength(1)
    expect(body).not.toContain('evil')
  })

  it('reports a refused write to onRefuse with its own code, and logs it once with the fix', async () => {
    const seen: CorsRefusal[] = []
    const reported = createCors({ origin: [APP], csrf: true, onRefuse: (r) => seen.push(r) })
    const request = () =>
      new Request('https://api.test/transfer', {
        method: 'POST',
        headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' },
        body: 'to=evil',
      })
    await reported.wrap(() => new Response('ran'))(request())
    expect(seen.map((r) => [r.code, r.preflight])).toEqual([['cross-origin-write', false]])
    expect(seen[0]!.message).toContain('POST from https://evil.test')
    expect(seen[0]!.fix).toContain('csrf.bypass')

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const logged = createCors({ origin: [APP], csrf: true })
    for (let i = 0; i < 3; i++) await logged.wrap(() => new Response('ran'))(request())
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(
      /^\[corsica\] request refused: cross-origin POST from https:\/\/evil\.test was refused with 403 before the handler ran/,
    )
  })

  it('reports a refused handshake with its own code', async () => {
    const seen: string[] = []
    const p = createCors({ origin: [APP], csrf: true, onRefuse: (r) => seen.push(r.code) })
    const response = await p.wrap(() => new Response('ran'))(
      new Request('https://api.test/ws', { headers: { origin: EVIL, upgrade: 'websocket' } }),
    )
    expect(response.status).toBe(403)
    expect(seen).toEqual(['cross-origin-websocket'])
  })

  it('refuses when bypass throws or rejects, and says so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const bypass of [
      () => {
        throw new Error('bad bypass')
      },
      async () => {
        throw new Error('bad async bypass')
      },
    ]) {
      const p = createCors({ origin: [APP], csrf: { bypass }, onRefuse: false })
      const response = await p.wrap(() => new Response('ran'))(
        new Request('https://api.test/', { method: 'POST', headers: { origin: EVIL } }),
      )
      expect(response.status).toBe(403)
    }
    expect(error).toHaveBeenCalledTimes(2)
  })

  it('hands the bypass the request and the platform arguments', async () => {
    const bypass = vi.fn((_request: Request, _env: unknown) => true)
    const p = createCors({ origin: [APP], csrf: { bypass }, onRefuse: false })
    const env = { tag: 'env' }
    const request = new Request('https://api.test/cb', { method: 'POST', headers: { origin: EVIL } })
    expect((await p.wrap(() => new Response('ran'))(request, env)).status).toBe(200)
    expect(bypass).toHaveBeenCalledWith(request, env)
  })

  it('refuses csrf options it does not know, with the fix', () => {
    expect(() => createCors({ origin: [APP], csrf: { trustedOrigins: [EVIL] } as never })).toThrow(
      /csrf: 'trustedOrigins' is not a csrf option[\s\S]*trusted origins come from origin/,
    )
    expect(() => createCors({ origin: [APP], csrf: 'yes' as never })).toThrow(
      /csrf: 'yes' is not true, false or \{ bypass \}/,
    )
  })

  it('property: with csrf, a non-safe request from an untrusted cross-site origin never reaches the handler', async () => {
    const methods = fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND', 'post')
    const sites = fc.constantFrom('cross-site', 'same-site', 'bogus', '')
    const origins = fc.oneof(
      fc.constantFrom(EVIL, 'null', 'https://app.test.evil.test', 'http://app.test', 'https://app.test:444'),
      fc.domain().map((d) => `https://${d}`),
    )
    await fc.assert(
      fc.asyncProperty(methods, sites, origins, async (method, site, origin) => {
        fc.pre(origin !== APP)
        let ran = 0
        const headers: Record<string, string> = { origin }
        if (site !== '') headers['sec-fetch-site'] = site
        const response = await policy.wrap(() => {
          ran++
          return new Response('ran')
        })(new Request('https://api.test/', { method, headers, body: 'x' }))
        expect(response.status).toBe(403)
        expect(ran).toBe(0)
      }),
      { numRuns: 300 },
    )
  })
})

describe('trusts()', () => {
  it('is true exactly for origins granted by name', async () => {
    const p = createCors({
      origin: [APP, 'null', 'https://*.app.test', /^https:\/\/[a-z]+\.partner\.test$/],
    })
    expect(p.trusts(APP)).toBe(true)
    expect(p.trusts('https://eu.app.test')).toBe(true)
    expect(p.trusts('https://shop.partner.test')).toBe(true)
    expect(p.trusts(EVIL)).toBe(false)
    expect(p.trusts('null')).toBe(false)
    expect(p.trusts('https://app.test/')).toBe(false)
  })

  it("is never true under '*'", () => {
    expect(createCors({ origin: '*' }).trusts(APP)).toBe(false)
  })

  it('asks the origin function, with the request and platform arguments as given', async () => {
    const fn = vi.fn(async (origin: string, _request: Request, _env: unknown) => origin === APP)
    const p = createCors({ origin: fn })
    const request = new Request('https://api.test/')
    expect(await p.trusts(APP, request, 'env')).toBe(true)
    expect(fn).toHaveBeenCalledWith(APP, request, 'env')
    expect(await p.trusts(EVIL)).toBe(false)
  })
})

describe('without csrf, the log says what happened', () => {
  it('a refused POST says the handler ran, and how to stop it; once per origin and method', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const wrapped = createCors({ origin: [APP], credentials: true }).wrap(() => new Response('ran'))
    const send = (method: string) =>
      wrapped(new Request('https://api.test/', { method, headers: { origin: EVIL }, body: 'x' }))
    await send('POST')
    await send('POST')
    await send('DELETE')
    expect(warn).toHaveBeenCalledTimes(2)
    const line = String(warn.mock.calls[0]![0])
    expect(line).toContain(
      'POST from https://evil.test ran the handler; the browser hides the answer, but not the write',
    )
    expect(line).toContain('Fix: set csrf: true')
  })

  it('a refused GET keeps the plain line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await createCors({ origin: [APP] }).wrap(() => new Response('ran'))(
      new Request('https://api.test/', { headers: { origin: EVIL } }),
    )
    expect(String(warn.mock.calls[0]![0])).toContain('origin https://evil.test is not allowed')
  })
})

describe('SELF in the tables', () => {
  it('becomes the origin of the URL the request goes to', () => {
    const c = csrfCases.find((x) => x.request.headers && Object.values(x.request.headers).includes(SELF))!
    expect(toRequest(c, 'http://127.0.0.1:4321').headers.get('origin')).toBe('http://127.0.0.1:4321')
  })
})
