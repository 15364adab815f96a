import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import {
  apiHandler,
  browserCases,
  browserFetch,
  type Case,
  cases,
  checkOutcome,
  handlers,
  toRequest,
} from '../../testkit/src/index.ts'
import { type CorsRefusal, createCors, isPreflight, refusalLine } from './index.ts'
import { LOGGED_REFUSALS } from './refusal-log.ts'

function run(c: Case) {
  return createCors(c.options).wrap(handlers[c.handler ?? 'ok'])
}

describe('the shared table through wrap()', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const response = await run(c)(toRequest(c))
    expect(checkOutcome(c, response)).toEqual([])
  })
})

describe('the shared table through intercept(), actualHeaders() and apply()', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const policy = createCors(c.options)
    const request = toRequest(c)
    const preflight = await policy.preflight(request)
    expect(preflight !== null).toBe(isPreflight(request))
    const answer = await policy.intercept(request)
    if (!c.options.csrf) expect(answer !== null).toBe(preflight !== null)
    const response =
      answer ?? policy.apply(handlers[c.handler ?? 'ok'](request), await policy.actualHeaders(request))
    expect(checkOutcome(c, response)).toEqual([])
  })
})

describe('what a browser makes of it (browser model)', () => {
  it.each(browserCases(5173).map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const handler = createCors(c.options).wrap(apiHandler)
    const verdict = await browserFetch(async (r) => handler(r), 'http://api.localhost:8787/data', c.page)
    expect({ allowed: verdict.allowed, preflight: verdict.preflight, reason: verdict.reason }).toEqual({
      allowed: c.expect.allowed,
      preflight: c.expect.preflight,
      reason: c.expect.reason,
    })
    for (const [name, readable] of Object.entries(c.expect.readable ?? {})) {
      expect(verdict.readable?.includes(name), name).toBe(readable)
    }
  })
})

describe('wrap()', () => {
  const policy = createCors({ origin: ['https://app.test'] })

  it('passes extra arguments through untouched', async () => {
    const env = { KEY: 'v' }
    const ctx = { waitUntil() {} }
    const handler = vi.fn(
      (_: Request, e: typeof env, c: typeof ctx) => new Response(`${e.KEY} ${typeof c.waitUntil}`),
    )
    const response = await policy.wrap(handler)(new Request('http://api.test/'), env, ctx)
    expect(await response.text()).toBe('v function')
    expect(handler.mock.calls[0]![1]).toBe(env)
    expect(handler.mock.calls[0]![2]).toBe(ctx)
  })

  it('awaits an async handler', async () => {
    const wrapped = policy.wrap(async () => new Response('late', { status: 202 }))
    const response = await wrapped(
      new Request('http://api.test/', { headers: { origin: 'https://app.test' } }),
    )
    expect(response.status).toBe(202)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.test')
  })

  it('answers synchronously when no origin function is async', () => {
    const wrapped = policy.wrap(() => new Response('now'))
    const response = wrapped(new Request('http://api.test/', { headers: { origin: 'https://app.test' } }))
    expect(response).toBeInstanceOf(Response)
  })

  it("rethrows the handler's exception with onError: false", async () => {
    const rethrowing = createCors({ origin: ['https://app.test'], onError: false })
    const wrapped = rethrowing.wrap(() => {
      throw new Error('boom')
    })
    expect(() => wrapped(new Request('http://api.test/'))).toThrow('boom')
    const rejecting = rethrowing.wrap(async () => {
      throw new Error('async boom')
    })
    await expect(rejecting(new Request('http://api.test/'))).rejects.toThrow('async boom')
  })

  it('copies a response whose headers are immutable, keeping body and status', async () => {
    // fetch() results have immutable headers (Fetch: guard "immutable"); a data: URL needs no network.
    const original = await fetch('data:text/plain,payload')
    const response = await policy.wrap(() => original)(
      new Request('http://api.test/', { headers: { origin: 'https://app.test' } }),
    )
    expect(response).not.toBe(original)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('payload')
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.test')
  })

  it('changes a mutable response in place', async () => {
    const original = new Response('x')
    const response = await policy.wrap(() => original)(new Request('http://api.test/'))
    expect(response).toBe(original)
  })
})

describe('answers given again (a refused preflight, a granted one per origin)', () => {
  const preflight = (origin: string, headers = 'content-type') =>
    new Request('http://api.test/', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': headers },
    })

  it('each Response is its own: what a caller changes on one is not on the next', async () => {
    const policy = createCors({ origin: ['https://app.test'], allowedHeaders: '*', credentials: true })
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const origin of ['https://app.test', 'https://evil.test']) {
      const first = (await policy.preflight(preflight(origin)))!
      const before = [...first.headers]
      first.headers.set('access-control-allow-origin', '*')
      first.headers.append('vary', 'Cookie')
      first.headers.set('x-changed', '1')
      for (let i = 0; i < 3; i++) {
        const next = (await policy.preflight(preflight(origin)))!
        expect(next).not.toBe(first)
        expect([...next.headers]).toEqual(before)
        expect(next.status).toBe(first.status)
        expect(next.bodyUsed).toBe(false)
      }
    }
    vi.restoreAllMocks()
  })

  it('a granted answer is told apart by everything it says: the origin, the headers echoed', async () => {
    const policy = createCors({
      origin: ['https://a.test', 'https://b.test'],
      allowedHeaders: '*',
      credentials: true,
    })
    const seen = new Set<string>()
    for (const origin of ['https://a.test', 'https://b.test']) {
      for (const headers of ['x-one', 'x-two', 'x-one']) {
        const answer = (await policy.preflight(preflight(origin, headers)))!
        expect(answer.headers.get('access-control-allow-origin')).toBe(origin)
        expect(answer.headers.get('access-control-allow-headers')).toBe(headers)
        seen.add(JSON.stringify([...answer.headers]))
      }
    }
    expect(seen.size).toBe(4)
  })

  it('a decision handed out again is frozen: a caller that writes to it cannot grant the next request', () => {
    const policy = createCors({ origin: ['https://app.test'] })
    const decision = policy.decide(preflight('https://app.test'))
    expect(decision).toEqual(expect.objectContaining({ respond: true, status: 204 }))
    const answer = decision as { headers: Record<string, string> }
    expect(Object.isFrozen(answer)).toBe(true)
    expect(() => {
      answer.headers['access-control-allow-origin'] = '*'
    }).toThrow(TypeError)
    expect(policy.decide(preflight('https://app.test'))).toBe(decision)
  })
})

describe('onRefuse', () => {
  function refusals(options: Parameters<typeof createCors>[0], init: RequestInit & { url?: string }) {
    const seen: CorsRefusal[] = []
    const handler = createCors({ ...options, onRefuse: (r) => seen.push(r) }).wrap(() => new Response('ok'))
    return Promise.resolve(handler(new Request(init.url ?? 'http://api.test/', init))).then(() => seen)
  }
  const preflight = (headers: Record<string, string>) => ({
    method: 'OPTIONS',
    headers: { origin: 'https://app.test', 'access-control-request-method': 'PUT', ...headers },
  })

  it('names the origin and the fix', async () => {
    const [r] = await refusals({ origin: ['https://app.test'] }, { headers: { origin: 'https://evil.test' } })
    expect(r).toMatchObject({
      code: 'origin-not-allowed',
      origin: 'https://evil.test',
      preflight: false,
      browserReason: 'CORSMissingAllowOrigin',
    })
    expect(r!.message).toBe('origin https://evil.test is not allowed by the origin option')
    expect(r!.fix).toBe("if you trust it, add 'https://evil.test' to origin")
    const [sub] = await refusals(
      { origin: ['https://app.test'] },
      { headers: { origin: 'https://eu.shop.test:8443' } },
    )
    // A stranger's domain is never offered as a pattern: nothing under shop.test is listed.
    expect(sub!.fix).toBe("if you trust it, add 'https://eu.shop.test:8443' to origin")
  })

  it('suggests a pattern only when a sibling of the refused origin is listed', async () => {
    const options = { origin: ['https://us.shop.test:8443', 'https://app.test', 'https://alice.github.io'] }
    const [sibling] = await refusals(options, { headers: { origin: 'https://eu.shop.test:8443' } })
    expect(sibling!.fix).toBe(
      "if you trust it, add 'https://eu.shop.test:8443' to origin (or a pattern covering it and https://us.shop.test:8443, like 'https://*.shop.test:8443')",
    )
    // Another port, another scheme, another parent: not a sibling.
    for (const origin of ['https://eu.shop.test', 'http://eu.shop.test:8443', 'https://evil.example.net']) {
      const [r] = await refusals(options, { headers: { origin } })
      expect(r!.fix, origin).toBe(`if you trust it, add '${origin}' to origin`)
    }
    // A pattern over a public suffix is refused by createCors, so it is never suggested.
    const [bob] = await refusals(options, { headers: { origin: 'https://bob.github.io' } })
    expect(bob!.fix).toBe("if you trust it, add 'https://bob.github.io' to origin")
  })

  it('refuses an origin function that answers anything but a boolean, with its own code', async () => {
    const app = { headers: { origin: 'https://app.test' } }
    // hono/cors's shape: the origin string to send, or null.
    const hono = (origin: string) => (origin === 'https://app.test' ? origin : null)
    const [a] = await refusals({ origin: hono as unknown as () => boolean }, app)
    expect(a).toMatchObject({ code: 'origin-function-invalid', cause: 'https://app.test' })
    expect(a!.message).toBe(
      'the origin function returned "https://app.test" for origin https://app.test, not true or false',
    )
    expect(a!.fix).toContain('(origin) => list.includes(origin)')
    // Async, resolving to something else.
    const [b] = await refusals({ origin: (async () => 1) as unknown as () => boolean }, app)
    expect(b).toMatchObject({ code: 'origin-function-invalid', cause: 1 })
    // express's shape: (origin, callback), the callback being the request here.
    const express = (_origin: string, callback: (e: null, ok: boolean) => void) => callback(null, true)
    const [c] = await refusals({ origin: express as unknown as () => boolean }, app)
    expect(c!.code).toBe('origin-function-invalid')
    expect(c!.message).toMatch(
      /^the origin function threw TypeError: .*is not a function.* express-style \(origin, callback\)/,
    )
    expect(c!.fix).toContain('returns the boolean it passed to callback')
    // An express function that calls back later returns undefined.
    const later = (_origin: string, callback: (e: null, ok: boolean) => void) =>
      void setTimeout(() => callback, 0)
    const [d] = await refusals({ origin: later as unknown as () => boolean }, app)
    expect(d!.code).toBe('origin-function-invalid')
    expect(d!.message).toContain('returned undefined')
    // false is an answer: refused as not allowed, as before.
    const [e] = await refusals({ origin: () => false }, app)
    expect(e!.code).toBe('origin-not-allowed')
  })

  it('names the header that is not allowed', async () => {
    const [r] = await refusals(
      { origin: ['https://app.test'], allowedHeaders: ['content-type'] },
      preflight({ 'access-control-request-headers': 'content-type,x-api-key' }),
    )
    expect(r).toMatchObject({
      code: 'header-not-allowed',
      preflight: true,
      browserReason: 'CORSMissingAllowHeaderFromPreflight',
    })
    expect(r!.message).toBe('request header x-api-key is not in allowedHeaders')
    expect(r!.fix).toBe("add 'x-api-key' to allowedHeaders")
  })

  it('explains the lower-case method mistake', async () => {
    const [r] = await refusals(
      { origin: ['https://app.test'], methods: ['PATCH'] },
      preflight({ 'access-control-request-method': 'patch' }),
    )
    expect(r!.code).toBe('method-not-allowed')
    expect(r!.fix).toContain("method: 'PATCH'")
    const [unlisted] = await refusals(
      { origin: ['https://app.test'], methods: ['PUT'] },
      preflight({ 'access-control-request-method': 'patch' }),
    )
    expect(unlisted!.fix).toMatch(/^add 'PATCH' to methods and call fetch with method: 'PATCH'/)
  })

  it('reports what an origin function threw', async () => {
    const error = new Error('db down')
    const [r] = await refusals(
      {
        origin: () => {
          throw error
        },
      },
      { headers: { origin: 'https://app.test' } },
    )
    expect(r).toMatchObject({ code: 'origin-check-failed', cause: error })
  })

  it('reports a malformed Origin and a refused private-network preflight', async () => {
    const [a] = await refusals(
      { origin: ['https://app.test'] },
      { headers: { origin: 'https://a.test, https://b.test' } },
    )
    expect(a!.code).toBe('origin-malformed')
    const [b] = await refusals(
      { origin: ['https://app.test'] },
      preflight({ 'access-control-request-private-network': 'true' }),
    )
    expect(b!.code).toBe('private-network-not-allowed')
  })

  it('is not called for granted requests, requests without Origin, or same-origin requests', async () => {
    const options = { origin: ['https://app.test'] }
    expect(await refusals(options, { headers: { origin: 'https://app.test' } })).toEqual([])
    expect(await refusals(options, {})).toEqual([])
    expect(
      await refusals(options, { url: 'https://api.test/x', headers: { origin: 'https://api.test' } }),
    ).toEqual([])
  })

  it('is not called exactly when the URL parser reads the request URL as of the same origin', async () => {
    // Near misses of the request URL's origin: other schemes, hosts with a shared prefix, ports,
    // default ports spelt out, paths, IPv6, and the opaque `null`.
    const host = fc.constantFrom(
      'api.test',
      'api.test.evil',
      'api',
      '127.0.0.1',
      '[::1]',
      'xn--bcher-kva.test',
    )
    const port = fc.constantFrom('', ':80', ':443', ':8443', ':0')
    const scheme = fc.constantFrom('http', 'https')
    const url = fc
      .tuple(scheme, host, port, fc.constantFrom('/', '/x/y?q', '/:/'))
      .map(([s, h, p, path]) => `${s}://${h}${p}${path}`)
    const origin = fc.oneof(
      fc.tuple(scheme, host, port).map(([s, h, p]) => `${s}://${h}${p}`),
      fc
        .tuple(scheme, host, fc.constantFrom('/', '/x', ':8443/'))
        .map(([s, h, tail]) => `${s}://${h}${tail}`),
      fc.constant('null'),
    )
    await fc.assert(
      fc.asyncProperty(url, origin, async (u, o) => {
        const seen = await refusals({ origin: ['https://app.test'] }, { url: u, headers: { origin: o } })
        expect(seen.length === 0).toBe(new URL(u).origin === o)
      }),
      { numRuns: 400 },
    )
  })

  it('cannot break a request by throwing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const handler = createCors({
      origin: ['https://app.test'],
      onRefuse: () => {
        throw new Error('logger down')
      },
    }).wrap(() => new Response('ok'))
    const response = await handler(
      new Request('http://api.test/', { headers: { origin: 'https://evil.test' } }),
    )
    expect(response.status).toBe(200)
    expect(error).toHaveBeenCalledOnce()
    error.mockRestore()
  })
})

describe('refused preflights from an allowed origin (preflightRefusals)', () => {
  const seen = (options: Parameters<typeof createCors>[0], headers: Record<string, string>) => {
    const log: CorsRefusal[] = []
    const policy = createCors({ ...options, onRefuse: (r) => log.push(r) })
    const request = new Request('http://api.test/', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.test', ...headers },
    })
    return Promise.resolve(policy.preflight(request)).then((response) => ({ response: response!, log }))
  }

  it("names what the browser will report: the method, with 'explain'", async () => {
    const { response, log } = await seen(
      { origin: ['https://app.test'], methods: ['GET', 'PUT'] },
      { 'access-control-request-method': 'DELETE' },
    )
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, PUT')
    expect(log[0]).toMatchObject({ code: 'method-not-allowed', browserReason: 'CORSMethodNotFound' })
  })

  it("and a bare 403 that fails as a whole with 'opaque'", async () => {
    const { response, log } = await seen(
      { origin: ['https://app.test'], methods: ['GET', 'PUT'], preflightRefusals: 'opaque' },
      { 'access-control-request-method': 'DELETE' },
    )
    expect(response.status).toBe(403)
    expect([...response.headers.keys()]).toEqual(['vary'])
    expect(log[0]).toMatchObject({ code: 'method-not-allowed', browserReason: 'CORSPreflightDidNotSucceed' })
  })
})

describe('without onRefuse, refusals are logged', () => {
  const evil = (origin = 'https://evil.test') => new Request('http://api.test/', { headers: { origin } })
  function logged(options: Parameters<typeof createCors>[0], requests: Request[]) {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const handler = createCors(options).wrap(() => new Response('ok'))
    return Promise.all(requests.map((r) => handler(r)))
      .then(() => warn.mock.calls.map((c) => c.join(' ')))
      .finally(() => warn.mockRestore())
  }

  it('once per distinct refusal, as one [corsica] line with the fix', async () => {
    const lines = await logged({ origin: ['https://app.test'] }, [evil(), evil(), evil('https://other.test')])
    expect(lines).toEqual([
      "[corsica] request refused: origin https://evil.test is not allowed by the origin option. Fix: if you trust it, add 'https://evil.test' to origin",
      "[corsica] request refused: origin https://other.test is not allowed by the origin option. Fix: if you trust it, add 'https://other.test' to origin",
    ])
  })

  it('with the same text as refusal.message and refusal.fix (refusalLine)', async () => {
    const [line] = await logged({ origin: ['https://app.test'], allowedHeaders: ['content-type'] }, [
      new Request('http://api.test/', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.test',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'x-api-key',
        },
      }),
    ])
    const r: CorsRefusal[] = []
    await createCors({
      origin: ['https://app.test'],
      allowedHeaders: ['content-type'],
      onRefuse: (x) => r.push(x),
    }).preflight(
      new Request('http://api.test/', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.test',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'x-api-key',
        },
      }),
    )
    expect(line).toBe(refusalLine(r[0]!))
    expect(line).toBe(
      "[corsica] preflight from https://app.test refused: request header x-api-key is not in allowedHeaders. Fix: add 'x-api-key' to allowedHeaders",
    )
  })

  it('once per method or header refused from an origin', async () => {
    const ask = (method: string, headers = '') =>
      new Request('http://api.test/', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.test',
          'access-control-request-method': method,
          ...(headers && { 'access-control-request-headers': headers }),
        },
      })
    const options = { origin: ['https://app.test'], methods: ['GET'], allowedHeaders: ['content-type'] }
    const lines = await logged(options, [
      ask('DELETE'),
      ask('PATCH'),
      ask('DELETE'),
      ask('GET', 'x-a'),
      ask('GET', 'x-a'),
    ])
    expect(lines.map((l) => l.match(/(method \S+|header \S+) is not/)?.[1])).toEqual([
      'method DELETE',
      'method PATCH',
      'header x-a',
    ])
  })

  it('in bounded memory: the first 100 distinct refusals, then one line', async () => {
    const many = Array.from({ length: 250 }, (_, i) => evil(`https://e${i}.test`))
    const lines = await logged({ origin: ['https://app.test'] }, many)
    expect(lines).toHaveLength(LOGGED_REFUSALS + 1)
    expect(lines.at(-1)).toMatch(/100 distinct CORS refusals of other origins logged; further ones are not/)
  })

  it('issue 19.4: a flood of refused origins never silences a refusal of a listed origin', async () => {
    const flood = Array.from({ length: 150 }, (_, i) => evil(`https://e${i}.test`))
    const mistake = new Request('http://api.test/', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.test',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-api-key',
      },
    })
    // allowedHeaders: [] (left out, the requested headers are granted, and nothing is refused).
    const lines = await logged({ origin: ['https://app.test'], allowedHeaders: [] }, [...flood, mistake])
    expect(lines.at(-1)).toContain('request header x-api-key is not in allowedHeaders')
  })

  it('issue 19.10: two long origins that share their first 512 characters are two lines', async () => {
    const long = `https://${'a'.repeat(600)}`
    const lines = await logged({ origin: ['https://app.test'] }, [
      evil(`${long}1.test`),
      evil(`${long}2.test`),
    ])
    expect(lines).toHaveLength(2)
  })

  it("not for the doctor's probe origin, and not at all with onRefuse: false", async () => {
    expect(
      await logged({ origin: ['https://app.test'] }, [evil('https://corsica-doctor-probe.example')]),
    ).toEqual([])
    expect(await logged({ origin: ['https://app.test'], onRefuse: false }, [evil()])).toEqual([])
    const mine: string[] = []
    const hook = { origin: ['https://app.test'], onRefuse: (r: CorsRefusal) => mine.push(r.code) }
    expect(await logged(hook, [evil()])).toEqual([])
    expect(mine).toEqual(['origin-not-allowed'])
  })
})
