/**
 * Recipe: socket.io, its handshakes checked against the same list as CORS. socket.io's
 * `allowRequest(req, callback)` runs before a connection is accepted (its HTTP polling and its
 * WebSocket handshakes alike); `cors.trusts(origin)` answers from the policy's own origins. A
 * request without Origin is not a browser's, so it passes, as csrf lets it. Run by docs/recipes tests.
 */
import { createServer, type Server as HttpServer } from 'node:http'
import { createCors } from '@corsica/core'
import { Server } from 'socket.io'

export const cors = createCors({
  origin: ['https://app.example.com', 'https://*.preview.example.com'],
  credentials: true,
  csrf: true,
})

/** A chat server on `port` (0: a free one) whose sockets echo each `message`. */
export function start(port = 3000, hostname = '127.0.0.1'): HttpServer {
  const http = createServer()
  const io = new Server(http, {
    allowRequest: (req, callback) => {
      const origin = req.headers.origin
      if (origin === undefined) return callback(null, true)
      // trusts() is a promise only for an async origin function; either way, one answer.
      Promise.resolve(cors.trusts(origin)).then(
        (trusted) => callback(null, trusted),
        () => callback(null, false),
      )
    },
  })
  io.on('connection', (socket) =>
    socket.on('message', (text: string) => socket.emit('message', `echo ${text}`)),
  )
  return http.listen(port, hostname)
}
