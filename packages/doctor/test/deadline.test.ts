/**
 * Issue 19, item 9: `--timeout` bounds each request, but a server that answers every request
 * just under it held the doctor for minutes (19 requests at the default 10 s). The whole
 * diagnosis now has a deadline (`deadlineMs`, `--deadline`; 60 s by default), shared by the
 * preflight, the request and every probe.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINE_MS, diagnose } from '../src/diagnose'
import { NetworkError } from '../src/transport'
import { listen, type TestServer } from './servers'

const PAGE = 'https://app.example.com'
/** Each answer comes this late: under the per-request limit, so only the deadline can stop a run. */
const DELAY_MS = 300

describe('the doctor has an overall deadline (issue 19, item 9)', () => {
  let slow: TestServer
  let seen = 0
  beforeAll(async () => {
    // Grants a bare preflight and refuses any other (no CORS header): the doctor then probes
    // the method and each header for the cause, one slow request after another.
    slow = await listen((req: IncomingMessage, res: ServerResponse) => {
      seen++
      const bare =
        req.method === 'OPTIONS' &&
        req.headers['access-control-request-method'] === 'GET' &&
        req.headers['access-control-request-headers'] === undefined
      setTimeout(() => {
        res.setHeader('vary', 'Origin')
        if (bare) {
          res.setHeader('access-control-allow-origin', req.headers.origin ?? '')
          res.setHeader('access-control-allow-credentials', 'true')
        }
        res.statusCode = bare ? 204 : 403
        res.end()
      }, DELAY_MS)
    })
  })
  afterAll(() => slow.close())

  const input = {
    origin: PAGE,
    method: 'PUT',
    headers: ['Content-Type: application/json', 'X-Api-Key: k', 'X-Trace: t'],
    credentials: true,
    timeoutMs: 5_000,
  }

  it('without a deadline in reach, the slow server takes several requests (the reproduction)', async () => {
    seen = 0
    const start = Date.now()
    const d = await diagnose({ ...input, url: `${slow.origin}/a`, deadlineMs: 60_000 })
    const ms = Date.now() - start
    expect(d.allowed).toBe(false)
    // Every request waited its DELAY_MS: the run's length grows with the number of requests.
    expect(seen).toBeGreaterThanOrEqual(5)
    expect(ms).toBeGreaterThanOrEqual(seen * DELAY_MS - 50)
  })

  it('stops at the deadline, with a one-line reason naming --deadline', async () => {
    seen = 0
    const deadlineMs = 1_000
    const start = Date.now()
    const error = await diagnose({ ...input, url: `${slow.origin}/b`, deadlineMs }).catch((e) => e)
    const ms = Date.now() - start
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(
      /did not finish within 1 s \(\d+ requests? sent; raise it with --deadline\)/,
    )
    // Generous: the deadline, plus room for a busy machine; far less than seen * DELAY_MS would allow.
    expect(ms).toBeGreaterThanOrEqual(deadlineMs - 50)
    expect(ms).toBeLessThan(deadlineMs + 1_500)
    expect(seen).toBeLessThanOrEqual(Math.ceil(deadlineMs / DELAY_MS) + 1)
  })

  it('cuts the last request short: the per-request limit never outlasts the deadline', async () => {
    const silent = await listen(() => {}) // never answers
    try {
      const start = Date.now()
      const error = await diagnose({
        url: `${silent.origin}/`,
        origin: PAGE,
        timeoutMs: 30_000,
        deadlineMs: 500,
      }).catch((e) => e)
      expect(error).toBeInstanceOf(NetworkError)
      expect(error.message).toMatch(/within 0.5 s .*--deadline/)
      expect(Date.now() - start).toBeLessThan(2_500)
    } finally {
      await silent.close()
    }
  })

  it('holds for an in-process handler too', async () => {
    const start = Date.now()
    const error = await diagnose({
      ...input,
      url: 'http://api.test/x',
      deadlineMs: 600,
      handler: () =>
        new Promise<Response>((r) => setTimeout(() => r(new Response(null, { status: 403 })), DELAY_MS)),
    }).catch((e) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/--deadline/)
    expect(Date.now() - start).toBeLessThan(600 + 1_500)
  })

  it('defaults to 60 s', () => {
    expect(DEFAULT_DEADLINE_MS).toBe(60_000)
  })
})
