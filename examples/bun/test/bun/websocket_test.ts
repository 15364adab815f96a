/**
 * WebSocket handshakes through wrap() with `csrf: true`, in a real Bun.serve on 127.0.0.1 (port
 * 0), Bun's own WebSocket client connecting (its `headers` option sets Origin, as a page would).
 * Bun's handler upgrades with `server.upgrade(request)` and then answers nothing: wrap() hands
 * that nothing back to Bun untouched. Run by `bun test`, from test/bun-test.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { type CorsRefusal, createCors } from '@corsica/core'
import { echo } from '@corsica/testkit/websocket'

const APP = 'https://app.test'
const seen = { handshakes: 0, refusals: [] as string[], answers: [] as unknown[] }
const cors = createCors({
  origin: [APP],
  credentials: true,
  csrf: true,
  onRefuse: (refusal: CorsRefusal) => {
    seen.refusals.push(refusal.code)
  },
})

let server: Bun.Server<undefined>
beforeAll(() => {
  // The way to write it: wrap the fetch handler, upgrade inside, return nothing once upgraded.
  const fetch = cors.wrap((request: Request, bun: Bun.Server<undefined>) => {
    seen.handshakes++
    if (bun.upgrade(request)) return
    return new Response('expected a WebSocket handshake', { status: 426 })
  })
  server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    async fetch(request, bun) {
      const answer = await fetch(request, bun)
      seen.answers.push(answer === undefined ? 'nothing' : answer.status)
      return answer
    },
    websocket: {
      message(socket, message) {
        socket.send(`echo ${message}`)
      },
    },
  })
})
afterAll(() => server.stop(true))

/** Opens a socket (Origin set when given); resolves with it, or with the close code when it never opened. */
function connect(origin?: string): Promise<WebSocket | number> {
  const url = `ws://127.0.0.1:${server.port}/ws`
  const options = origin === undefined ? {} : { headers: { origin } }
  // Bun's WebSocket takes { headers }; the DOM type from @types/node knows only protocols.
  const socket = new WebSocket(url, options as unknown as string[])
  return new Promise((resolve) => {
    socket.onopen = () => resolve(socket)
    socket.onclose = (event) => resolve(event.code)
  })
}

describe('WebSocket handshakes behind wrap() (csrf: true), in Bun.serve', () => {
  test('a handshake from an unlisted origin gets 403, and the handler never runs', async () => {
    const before = { ...seen, refusals: [...seen.refusals], answers: [...seen.answers] }
    const result = await connect('https://evil.test')
    expect(typeof result).toBe('number') // closed without opening (1002: the handshake failed)
    expect(seen.handshakes).toBe(before.handshakes)
    expect(seen.refusals.slice(before.refusals.length)).toEqual(['cross-origin-websocket'])
    expect(seen.answers.slice(before.answers.length)).toEqual([403])
  })

  for (const [from, origin] of [
    ['a listed origin', APP],
    ['no Origin (not a browser)', undefined],
  ] as const) {
    test(`a handshake from ${from} connects, and the upgrade's nothing passes back untouched`, async () => {
      const before = { ...seen, refusals: [...seen.refusals], answers: [...seen.answers] }
      const socket = await connect(origin)
      if (typeof socket === 'number') throw new Error(`the socket closed with ${socket} before opening`)
      expect(await echo(socket, 'hello')).toBe('echo hello')
      expect(seen.handshakes).toBe(before.handshakes + 1)
      expect(seen.refusals.length).toBe(before.refusals.length)
      expect(seen.answers.slice(before.answers.length)).toEqual(['nothing'])
    })
  }
})
