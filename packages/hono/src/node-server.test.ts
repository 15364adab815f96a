/**
 * The shared table through real sockets: each case's Hono app is served by @hono/node-server on
 * 127.0.0.1 (a free port), and undici sends the case's request over HTTP/1.1 as written.
 */
import { checkOutcome } from '@corsica/testkit'
import { describe, expect, it } from 'vitest'
import { sendCase, withServer } from '../test/node-server.ts'
import { appFor, cases } from '../test/table.ts'

describe('cors() in a Hono app on @hono/node-server (undici over 127.0.0.1)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const observed = await withServer(appFor(c), (base) => sendCase(c, base))
    expect(checkOutcome(c, observed)).toEqual([])
  })
})
