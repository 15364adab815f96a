/**
 * `csrf` in real browsers: a page submits what a cross-site attacker can without CORS's leave
 * (page.ts) to the csrf API (server-entry.ts, Deno), and the server tells whether its handler ran.
 * Registered inside the matrix's per-engine block (matrix.test.ts) to share its browser: one page
 * visit per page origin, every submission made from it at once.
 */
import type { Engine, Session } from '@corsica/testkit/engines'
import { expect, it } from 'vitest'
import { idOf, KINDS, type PageSaw, submitAll } from './page'
import type { CsrfApi } from './server'

const API_HOST = 'api.app.localhost'

/** Waits until the server has answered every submission of `prefix`, and returns what it saw. */
async function outcomes(api: CsrfApi, prefix: string) {
  const deadline = Date.now() + 10_000
  for (;;) {
    const seen = await api.seen()
    const mine = KINDS.map((kind) => [kind, seen[idOf(prefix, kind)]] as const)
    if (mine.every(([, s]) => s?.status !== undefined) || Date.now() > deadline) {
      return Object.fromEntries(mine.map(([kind, s]) => [kind, s ?? { ran: false }]))
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Every submission reached the handler, and the WebSocket opened and echoed. A no-cors fetch's
 * answer is opaque, except from the API's own origin (Fetch, main fetch: same-origin is "basic").
 */
function expectRan(
  seen: Record<string, { ran: boolean; status?: number }>,
  saw: PageSaw,
  context: string,
  fetchType = 'opaque',
) {
  expect(seen, context).toEqual({
    urlencoded: { ran: true, status: 200 },
    multipart: { ran: true, status: 200 },
    'text-plain': { ran: true, status: 200 },
    'no-cors': { ran: true, status: 200 },
    websocket: { ran: true, status: 101 },
  })
  expect(saw, context).toEqual({ fetch: fetchType, socket: 'open, echo hello' })
}

export function csrfChecks(engine: Engine, browser: () => Session, api: () => CsrfApi): void {
  const visit = async (host: string) => {
    const origin = `http://${host}:${api().port}`
    await browser().open(`${origin}/page`)
    return origin
  }
  const submit = (mode: 'on' | 'off', prefix: string) =>
    browser().evaluate(submitAll, { base: `http://${API_HOST}:${api().port}/${mode}`, prefix })

  it(`[${engine}] csrf: from an unlisted origin, no form POST, no-cors fetch or WebSocket reaches the handler with csrf: true; without it, all do, and the log says so`, async () => {
    // An origin of its own per engine: the default log says each thing once per origin.
    const origin = await visit(`evil-${engine}.localhost`)
    const prefix = `${engine}-unlisted`
    const sawOn = await submit('on', `${prefix}-on`)
    const sawOff = await submit('off', `${prefix}-off`)
    const on = await outcomes(api(), `${prefix}-on`)
    const off = await outcomes(api(), `${prefix}-off`)
    const context = JSON.stringify({ sawOn, on, sawOff, off, log: api().log() }, null, 1)

    // csrf: true: the counter does not move, every answer is the policy's 403, no socket opens.
    for (const kind of KINDS) expect(on[kind], `${kind}: ${context}`).toEqual({ ran: false, status: 403 })
    expect(sawOn.fetch, context).toBe('opaque')
    expect(sawOn.socket, context).not.toMatch(/^open/)
    expect(api().log(), context).toContain(
      `cross-origin POST from ${origin} was refused with 403 before the handler ran`,
    )
    expect(api().log(), context).toContain(`WebSocket handshake from ${origin} was refused with 403`)

    // Without csrf: CORS hides the answers, not the writes. Every one ran, the socket talks.
    expectRan(off, sawOff, context)
    expect(api().log(), context).toContain(
      `POST from ${origin} ran the handler; the browser hides the answer`,
    )
  })

  it(`[${engine}] csrf: from a listed origin, every form POST, no-cors fetch and the WebSocket reach the handler`, async () => {
    await visit('app.localhost')
    const prefix = `${engine}-listed`
    const saw = await submit('on', prefix)
    expectRan(await outcomes(api(), prefix), saw, JSON.stringify({ saw, log: api().log() }))
  })

  it(`[${engine}] csrf: from the API's own origin, every form POST, no-cors fetch and the WebSocket reach the handler`, async () => {
    await visit(API_HOST)
    const prefix = `${engine}-own`
    const saw = await submit('on', prefix)
    expectRan(await outcomes(api(), prefix), saw, JSON.stringify({ saw, log: api().log() }), 'basic')
    // A page's writes to its own origin are not refusals: the log says nothing of them.
    expect(api().log()).not.toContain(`from http://${API_HOST}:`)
  })
}
