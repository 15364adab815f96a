/**
 * WebSocket handshakes through withCors with `csrf: true`, under a real Deno.serve on 127.0.0.1
 * (port 0): the handler upgrades with `Deno.upgradeWebSocket`, and Deno's own WebSocket client
 * connects (its `headers` option sets Origin, as a browser page would).
 */
import { echo } from '@corsica/testkit/websocket'
import { type CorsRefusal, withCors } from '../../src/index.ts'

const APP = 'https://app.test'

function assertEquals(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`)
  }
}

/** A server whose handler counts the handshakes it sees and echoes each message. */
function echoServer() {
  const seen = {
    handshakes: 0,
    refusals: [] as string[],
    /** The handler's upgrade answer, and its headers when the handler returned it. */
    made: null as Response | null,
    madeHeaders: [] as [string, string][],
    /** What withCors handed back to Deno.serve: status, headers, and whether it is the handler's own. */
    answers: [] as [number, [string, string][], boolean][],
  }
  const handler = withCors(
    {
      origin: [APP],
      credentials: true,
      csrf: true,
      onRefuse: (refusal: CorsRefusal) => {
        seen.refusals.push(refusal.code)
      },
    },
    (request) => {
      seen.handshakes++
      const { socket, response } = Deno.upgradeWebSocket(request)
      socket.onmessage = (event) => socket.send(`echo ${event.data}`)
      seen.made = response
      seen.madeHeaders = [...response.headers]
      return response
    },
  )
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, async (request, info) => {
    const response = await handler(request, info)
    seen.answers.push([response.status, [...response.headers], response === seen.made])
    return response
  })
  return { server, seen, url: `ws://127.0.0.1:${server.addr.port}/ws` }
}

/** Opens a socket (Origin set when given), or resolves with the failure. */
function connect(url: string, origin?: string): Promise<WebSocket | Error> {
  const socket = new WebSocket(url, origin === undefined ? undefined : { headers: { origin } })
  return new Promise((resolve) => {
    socket.onopen = () => resolve(socket)
    socket.onerror = (event) => resolve(new Error((event as ErrorEvent).message))
  })
}

Deno.test('a WebSocket handshake from an unlisted origin gets 403, and the handler never runs', async () => {
  const { server, seen, url } = echoServer()
  try {
    const result = await connect(url, 'https://evil.test')
    assertEquals(result instanceof Error, true, 'the socket failed to open')
    assertEquals(
      String(result),
      'Error: NetworkError: failed to connect to WebSocket: Invalid status code: 403',
      'failure',
    )
    assertEquals(seen.handshakes, 0, 'handler calls')
    assertEquals(seen.refusals, ['cross-origin-websocket'], 'refusals reported')
    assertEquals(
      seen.answers.map(([status]) => status),
      [403],
      'answer status',
    )
  } finally {
    await server.shutdown()
  }
})

for (const [from, origin] of [
  ['a listed origin', APP],
  ['no Origin (not a browser)', undefined],
] as const) {
  Deno.test(`a WebSocket handshake from ${from} connects, and its 101 passes back untouched`, async () => {
    const { server, seen, url } = echoServer()
    try {
      const socket = await connect(url, origin)
      if (socket instanceof Error) throw socket
      assertEquals(await echo(socket, 'hello'), 'echo hello', 'message')
      assertEquals(seen.handshakes, 1, 'handler calls')
      assertEquals(seen.refusals, [], 'refusals reported')
      // The handler's own answer object, its headers as the handler returned them (no Vary, no
      // Access-Control-*): Deno's upgrade answer would take them, but a 101 is not read by CORS.
      assertEquals(seen.answers, [[101, seen.madeHeaders, true]], 'the 101 as withCors returned it')
      assertEquals(
        seen.madeHeaders.map(([name]) => name),
        ['connection', 'sec-websocket-accept', 'upgrade'],
        'headers',
      )
    } finally {
      await server.shutdown()
    }
  })
}
