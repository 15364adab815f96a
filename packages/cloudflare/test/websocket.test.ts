/**
 * WebSocket handshakes through withCors with `csrf: true`, in workerd: the client is workerd's
 * own (a fetch with `Upgrade: websocket` through a service binding, answered with a
 * `WebSocketPair` socket), so workerd dispatches the handshake and carries the messages.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const worker = env.WEBSOCKET_WORKER
const seen = async () =>
  (await worker.fetch('https://api.test/seen')).json<{ handshakes: number; refusals: string[] }>()

function handshake(origin?: string): Promise<Response> {
  const headers: Record<string, string> = { upgrade: 'websocket' }
  if (origin !== undefined) headers['origin'] = origin
  return worker.fetch('https://api.test/ws', { headers })
}

/** Sends one message on an accepted socket, and resolves with the answer once the server closed. */
async function echo(socket: WebSocket, text: string): Promise<string> {
  socket.accept()
  const answer = new Promise<string>((resolve) =>
    socket.addEventListener('message', (event) => resolve(String(event.data)), { once: true }),
  )
  const closed = new Promise<void>((resolve) =>
    socket.addEventListener('close', (event) => {
      socket.close(event.code, 'done')
      resolve()
    }),
  )
  socket.send(text)
  const received = await answer
  await closed
  return received
}

describe('WebSocket handshakes behind withCors (csrf: true), in workerd', () => {
  it('refuses a handshake from an unlisted origin with 403, before the handler', async () => {
    const before = await seen()
    const res = await handshake('https://evil.test')
    expect(res.status).toBe(403)
    expect(res.webSocket).toBeNull()
    expect(await res.text()).toMatch(/^Cross-origin request refused/)
    const after = await seen()
    expect(after.handshakes).toBe(before.handshakes)
    expect(after.refusals.slice(before.refusals.length)).toEqual(['cross-origin-websocket'])
  })

  it.each([
    ['a listed origin', 'https://app.test'],
    ['no Origin (not a browser)', undefined],
  ])('connects a handshake from %s, and passes its 101 back untouched', async (_, origin) => {
    const before = await seen()
    const res = await handshake(origin)
    expect(res.status).toBe(101)
    // The handler's answer as it wrote it: no CORS header, no Vary added to a 101.
    expect([...res.headers]).toEqual([['x-handler', 'ws']])
    expect(await echo(res.webSocket!, 'hello')).toBe('echo hello')
    const after = await seen()
    expect(after.handshakes).toBe(before.handshakes + 1)
    expect(after.refusals).toEqual(before.refusals)
  })
})
