/**
 * withCors() on node:http and on HTTP/2's compatibility API, and what the Node adapter never
 * builds: a Fetch Request or Headers, unless an origin function is promised a Request.
 */
import { connect, createServer } from 'node:http2'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { listen, type Running, send } from '../test/http.ts'
import { withCors } from './index.ts'

const APP = 'https://app.test'
const EVIL = 'https://evil.test'
const PREFLIGHT = {
  origin: APP,
  'access-control-request-method': 'PUT',
  'access-control-request-headers': 'x-id',
}

/** Counts `new Request(…)` and `new Headers(…)` made while a test runs (the server shares the process). */
function countFetchObjects() {
  const counts = { Request: 0, Headers: 0 }
  const originals = { Request: globalThis.Request, Headers: globalThis.Headers }
  for (const name of ['Request', 'Headers'] as const) {
    globalThis[name] = new Proxy(originals[name], {
      construct(target, args, newTarget) {
        counts[name]++
        return Reflect.construct(target, args, newTarget)
      },
    }) as never
  }
  return {
    counts,
    restore() {
      globalThis.Request = originals.Request
      globalThis.Headers = originals.Headers
    },
  }
}

describe('withCors() on node:http', () => {
  let listed: Running
  let byFunction: Running
  beforeAll(async () => {
    const listener = (_req: unknown, res: import('node:http').ServerResponse) => {
      res.setHeader('content-type', 'text/plain')
      res.end('ok')
    }
    listed = await listen(withCors({ origin: [APP], allowedHeaders: ['x-id'], methods: ['PUT'] }, listener))
    byFunction = await listen(
      withCors({ origin: (origin, request) => origin === APP && request instanceof Request }, listener),
    )
  })
  afterAll(async () => {
    await listed.close()
    await byFunction.close()
  })
  let counter: ReturnType<typeof countFetchObjects> | undefined
  afterEach(() => counter?.restore())

  it('builds no Fetch Request or Headers to decide or to answer, granted or refused', async () => {
    counter = countFetchObjects()
    const answers = [
      await send(`${listed.base}/`, 'GET', { origin: APP }),
      await send(`${listed.base}/`, 'GET', { origin: EVIL }),
      await send(`${listed.base}/`, 'GET'),
      await send(`${listed.base}/`, 'OPTIONS', PREFLIGHT),
      await send(`${listed.base}/`, 'OPTIONS', { ...PREFLIGHT, origin: EVIL }),
    ]
    expect(answers.map((r) => [r.status, r.headers.get('access-control-allow-origin')])).toEqual([
      [200, APP],
      [200, null],
      [200, null],
      [204, APP],
      [403, null],
    ])
    expect(counter.counts).toEqual({ Request: 0, Headers: 0 })
  })

  it('builds the Request an origin function is promised, one per decision', async () => {
    counter = countFetchObjects()
    const r = await send(`${byFunction.base}/`, 'GET', { origin: APP })
    expect(r.headers.get('access-control-allow-origin')).toBe(APP)
    expect(counter.counts.Request).toBe(1)
  })
})

describe('withCors() on the HTTP/2 compatibility API (h2c)', () => {
  let port: number
  let close: () => Promise<void>
  beforeAll(async () => {
    const server = createServer(
      withCors({ origin: [APP] }, (_req, res) => {
        res.setHeader('vary', 'accept-encoding')
        res.end('ok')
      }),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
    close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  })
  afterAll(() => close())

  async function h2(headers: Record<string, string>) {
    const session = connect(`http://127.0.0.1:${port}`)
    try {
      return await new Promise<Record<string, unknown>>((resolve, reject) => {
        const stream = session.request({ ':path': '/x', ...headers })
        stream.on('response', (h) => {
          stream.resume()
          stream.on('end', () => resolve(h))
        })
        stream.on('error', reject)
        stream.end()
      })
    } finally {
      session.close()
    }
  }

  it('answers a preflight itself', async () => {
    const h = await h2({ ':method': 'OPTIONS', origin: APP, 'access-control-request-method': 'PUT' })
    expect([h[':status'], h['access-control-allow-origin']]).toEqual([204, APP])
  })

  it("puts the headers on the listener's answer, Vary merged", async () => {
    const h = await h2({ ':method': 'GET', origin: APP })
    expect([h[':status'], h['access-control-allow-origin'], h.vary]).toEqual([
      200,
      APP,
      'accept-encoding, Origin',
    ])
  })
})
