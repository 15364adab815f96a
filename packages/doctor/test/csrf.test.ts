/**
 * Core's csrf option refuses a cross-origin write (or WebSocket handshake) from an origin it does
 * not trust by name with a 403 text/plain before the handler (onRefuse codes cross-origin-write
 * and cross-origin-websocket). The doctor names that refusal in Corsica's words, and explain's
 * Corsica fix for a missing Access-Control-Allow-Origin mentions it.
 */
import { type CorsRefusal, createCors } from '@corsica/core'
import { getRequestListener } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromeMessage } from '../src/chrome-errors'
import { diagnose } from '../src/diagnose'
import { explain } from '../src/explain'
import { toText } from '../src/report'
import { listen, type TestServer } from './servers'

const PAGE = 'https://app.example.com'
const STRANGER = 'https://elsewhere.example'
const handler = () => new Response('written')

describe('the doctor knows Corsica csrf refusals', () => {
  let server: TestServer
  const logged: CorsRefusal[] = []
  beforeAll(async () => {
    const listed = createCors({ origin: [PAGE], csrf: true, onRefuse: (r) => logged.push(r) })
    const open = createCors({ origin: '*', csrf: true, onRefuse: false })
    const byPath: Record<string, ReturnType<typeof getRequestListener>> = {
      '/listed': getRequestListener(listed.wrap(handler), { overrideGlobalObjects: false }),
      '/public': getRequestListener(open.wrap(handler), { overrideGlobalObjects: false }),
    }
    server = await listen((req, res) => {
      const listener = byPath[(req.url ?? '').split('?')[0]!]
      if (listener) void listener(req, res)
      else res.writeHead(404).end()
    })
  })
  afterAll(() => server.close())

  it('a simple POST from an untrusted origin: blocked, fixed in the words of onRefuse code cross-origin-write', async () => {
    const d = await diagnose({
      url: `${server.origin}/listed`,
      origin: STRANGER,
      method: 'POST',
      headers: ['Content-Type: text/plain'],
      body: 'x',
    })
    expect(d.allowed).toBe(false)
    expect(d.actualExchange?.status).toBe(403)
    expect(d.server).toBe('corsica')
    const [problem] = d.problems
    expect(problem!.code).toBe('CORSMissingAllowOrigin')
    expect(problem!.fix).toContain("Corsica's csrf")
    expect(problem!.fix).toContain('Corsica (onRefuse code cross-origin-write):')
    // The very code the server logged for that request.
    expect(logged.map((r) => r.code)).toContain('cross-origin-write')
  })

  it('a listed origin writes: allowed, and no csrf note', async () => {
    const d = await diagnose({ url: `${server.origin}/listed`, origin: PAGE, method: 'POST', body: 'x' })
    expect(d.allowed).toBe(true)
    expect(d.notes.join('\n')).not.toContain('csrf')
  })

  it("origin '*': the page reads the 403, and the doctor says csrf refused it", async () => {
    const d = await diagnose({ url: `${server.origin}/public`, origin: STRANGER, method: 'POST', body: 'x' })
    expect(d.allowed).toBe(true) // CORS lets the page read the answer: a 403
    expect(d.actualExchange?.status).toBe(403)
    expect(toText(d, false)).toContain("Corsica's csrf refuses a cross-origin POST")
    expect(d.notes.join('\n')).toContain('onRefuse code cross-origin-write')
  })

  it("explain's Corsica fix for a missing Access-Control-Allow-Origin names the csrf refusal codes", () => {
    const x = explain(
      chromeMessage('MissingAllowOriginHeader', { url: `${PAGE}/x`, origin: STRANGER }),
      'corsica',
    )!
    expect(x.fixes.corsica).toContain('cross-origin-write')
    expect(x.fixes.corsica).toContain('cross-origin-websocket')
  })
})
