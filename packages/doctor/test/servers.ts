/** Real HTTP servers on 127.0.0.1:0 for the doctor's tests, closed by the test that starts them. */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A running server. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  port: number
  close(): Promise<void>
}

/** Starts `listener` on an ephemeral loopback port. */
export async function listen(listener: RequestListener): Promise<TestServer> {
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A handler that sets headers by hand, for one path. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** Routes each path to its handler; 404 for any other. */
export function routes(table: Record<string, Handler>): RequestListener {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    const handler = table[path]
    if (handler === undefined) {
      res.statusCode = 404
      res.end('no such test path')
      return
    }
    handler(req, res)
  }
}
