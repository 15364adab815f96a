/**
 * The shared table over HTTP against Elysia apps running in Bun (test/servers.ts): every case,
 * then the preflightContinue, csrf and per-origin cases, each app `new Elysia().use(cors(options))`. The
 * WebSocket handshake cases are not sent: undici's request() refuses an Upgrade header.
 */
import { type Case, cases, checkOutcome, continueCases, csrfCases, perOriginCases } from '@corsica/testkit'
import { sendCase } from '@corsica/testkit/http'
import { describe, expect, inject, it } from 'vitest'

/**
 * Where Bun answers before Elysia runs, named: Bun's HTTP server refuses a request whose header
 * section exceeds 16 KiB (its default `--max-http-header-size`) with 431. Refused either way.
 */
const bunAnswers: Record<string, Case['expect']> = {
  '16 KB of commas is refused unread': {
    status: 431,
    headers: { 'access-control-allow-origin': null, 'access-control-allow-methods': null },
    handlerRan: false,
  },
}

const urls = inject('elysia')

describe.each([
  ['table', cases, urls.table],
  ['preflightContinue', continueCases, urls.continue],
  ['csrf', csrfCases, urls.csrf],
  ['per origin', perOriginCases, urls.perOrigin],
] as const)('%s: new Elysia().use(cors(options)) on Bun, over HTTP', (_, list, bases) => {
  it.each(list.map((c, i) => [c.name, c, bases[i]!] as const))('%s', async (_, c, base) => {
    const expected = bunAnswers[c.name]
    const answer = await sendCase(c, base)
    expect(checkOutcome(expected ? { ...c, expect: expected } : c, answer)).toEqual([])
  })
})
