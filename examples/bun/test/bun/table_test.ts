/**
 * The shared table inside Bun, twice: calling the wrapped handler directly, and through a real
 * Bun.serve on 127.0.0.1 (port 0) with Bun's fetch as the client. Run by `bun test`, from
 * test/bun-test.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createCors } from '@corsica/core'
import { type Case, cases, checkOutcome, handlers, toRequest } from '@corsica/testkit'

/** The handler for a case: the case's inner handler behind the policy's wrap(). */
const handlerFor = (c: Case) =>
  createCors(c.options).wrap((request: Request) => handlers[c.handler ?? 'ok'](request))

test('runs in Bun', () => {
  expect(typeof Bun.version).toBe('string')
})

describe('table (handler)', () => {
  for (const c of cases) {
    test(c.name, async () => {
      const response = await handlerFor(c)(toRequest(c))
      await response.body?.cancel()
      expect(checkOutcome(c, response)).toEqual([])
    })
  }
})

/**
 * Where Bun.serve answers before any handler runs, named: its HTTP server refuses a request whose
 * header section exceeds its limit (16 KiB by default, `--max-http-header-size`) with 431 Request
 * Header Fields Too Large. The request is refused either way; only the status differs.
 */
const bunServeAnswers: Record<string, Case['expect']> = {
  '16 KB of commas is refused unread': {
    status: 431,
    headers: { 'access-control-allow-origin': null, 'access-control-allow-methods': null },
    handlerRan: false,
  },
}

describe('table (Bun.serve over a socket)', () => {
  // One server for the whole table: each request names its case in a header.
  const byName = new Map(cases.map((c) => [c.name, handlerFor(c)]))
  let server: ReturnType<typeof Bun.serve>
  beforeAll(() => {
    server = Bun.serve({
      hostname: '127.0.0.1',
      port: 0,
      fetch(request) {
        const handler = byName.get(decodeURIComponent(request.headers.get('x-case') ?? ''))
        return handler ? handler(request) : new Response('no such case', { status: 599 })
      },
    })
  })
  afterAll(() => server.stop(true))

  for (const c of cases) {
    test(c.name, async () => {
      const request = toRequest(c, server.url.origin)
      request.headers.set('x-case', encodeURIComponent(c.name))
      const response = await fetch(request, { redirect: 'manual' })
      await response.body?.cancel()
      const expected = bunServeAnswers[c.name]
      expect(checkOutcome(expected ? { ...c, expect: expected } : c, response)).toEqual([])
    })
  }
})
