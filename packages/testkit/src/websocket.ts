/**
 * @module @corsica/testkit/websocket: a WebSocket round trip, for the tests that run in a runtime's
 * own test runner (`bun test`, `deno test`) with that runtime's WebSocket client.
 */

/** Sends `text` on an open socket and resolves with the first message back, once the socket has closed cleanly (1000). */
export async function echo(socket: WebSocket, text: string): Promise<string> {
  const answer = new Promise<string>((resolve) => (socket.onmessage = (event) => resolve(String(event.data))))
  socket.send(text)
  const received = await answer
  const closed = new Promise((resolve) => (socket.onclose = resolve))
  socket.close(1000)
  await closed
  return received
}
