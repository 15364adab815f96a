/**
 * What the real runtimes and browsers showed about csrf, pinned in the core.
 *
 * A handler that switched protocols: its WebSocket handshake's 101 (Deno.upgradeWebSocket,
 * workerd's WebSocketPair) and Bun's nothing-at-all after `server.upgrade()` pass back untouched.
 * Node cannot build a 101 Response (Fetch's constructor refuses the status), so one stands in
 * here; the real ones run in packages/deno, packages/cloudflare and examples/bun.
 *
 * A page's form POST to its own origin under csrf (packages/e2e, every engine) is not a refusal.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type CorsRefusal, createCors } from './index.ts'

const APP = 'https://app.test'
const URL_WS = 'https://api.test/ws'

/** A runtime's handshake answer: status 101, headers as the runtime left them (mutable here). */
function switched(): Response {
  const response = new Response(null, { headers: { 'sec-websocket-accept': 'x' } })
  Object.defineProperty(response, 'status', { value: 101 })
  return response
}

function handshake(origin?: string): Request {
  const headers: Record<string, string> = { upgrade: 'websocket', connection: 'Upgrade' }
  if (origin !== undefined) headers['origin'] = origin
  return new Request(URL_WS, { headers })
}

function policy() {
  const refusals: CorsRefusal[] = []
  const cors = createCors({ origin: [APP], credentials: true, csrf: true, onRefuse: (r) => refusals.push(r) })
  return { cors, refusals }
}

describe('a handshake the handler upgraded', () => {
  it.each([
    ['a listed origin', APP],
    ['no Origin', undefined],
  ])('from %s: wrap() passes the 101 back untouched, and reports nothing', async (_, origin) => {
    const { cors, refusals } = policy()
    for (const handler of [() => switched(), async () => switched()]) {
      const answer = await cors.wrap(handler)(handshake(origin))
      expect(answer?.status).toBe(101)
      expect([...answer!.headers]).toEqual([['sec-websocket-accept', 'x']])
    }
    expect(refusals).toEqual([])
  })

  it('apply() passes a 101 back untouched (adapters that call intercept() and apply())', async () => {
    const { cors } = policy()
    const response = switched()
    expect(cors.apply(response, await cors.actualHeaders(handshake(APP)))).toBe(response)
    expect([...response.headers]).toEqual([['sec-websocket-accept', 'x']])
  })

  it('Bun: a handler that answers nothing (after server.upgrade) gets nothing back, not a TypeError', async () => {
    const { cors, refusals } = policy()
    let ran = 0
    const upgrade = (request: Request) => {
      ran++
      if (request.headers.get('upgrade') === 'websocket') return undefined
      return new Response('not a handshake')
    }
    expect(cors.wrap(upgrade)(handshake(APP))).toBeUndefined()
    expect(await cors.wrap(async (request: Request) => upgrade(request))(handshake())).toBeUndefined()
    expect(ran).toBe(2)
    expect(refusals).toEqual([])
    // The refused handshake is still answered by the policy, before the handler.
    const refused = await cors.wrap(upgrade)(handshake('https://evil.test'))
    expect(refused?.status).toBe(403)
    expect(ran).toBe(2)
    expect(refusals.map((r) => r.code)).toEqual(['cross-origin-websocket'])
  })
})

describe('the log of a policy with csrf', () => {
  afterEach(() => vi.restoreAllMocks())
  const post = (headers: Record<string, string>) =>
    new Request('http://api.app.localhost:8080/transfer', { method: 'POST', headers, body: 'amount=1' })

  it("says nothing of a page's POST to its own origin: the handler ran, and nothing was hidden", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const refusals: string[] = []
    const own = { origin: 'http://api.app.localhost:8080', 'sec-fetch-site': 'same-origin' }
    for (const onRefuse of [undefined, (r: CorsRefusal) => refusals.push(r.code)]) {
      const cors = createCors({ origin: [APP], csrf: true, ...(onRefuse && { onRefuse }) })
      expect((await cors.wrap(() => new Response('ran'))(post(own))).status).toBe(200)
    }
    expect(warn).not.toHaveBeenCalled()
    expect(refusals).toEqual([])
  })
})
