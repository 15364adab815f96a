/**
 * The smallest bridge from node:http to a fetch handler: an IncomingMessage becomes a web
 * Request, the handler's Response is written back. No CORS logic lives here.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A fetch-style handler. */
export type Handler = (request: Request) => Response | Promise<Response>

/** A listening server. */
export interface Served {
  port: number
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>
}

/** Thrown when the port is already taken, with a message that says which and what to do. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    what: string,
    hint: string,
  ) {
    super(`Port ${port} (${what}) is already in use. ${hint}`)
    this.name = 'PortInUseError'
  }
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  const method = req.method ?? 'GET'
  let body: Uint8Array<ArrayBuffer> | undefined
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    body = new Uint8Array(Buffer.concat(chunks))
  }
  return new Request(url, { method, headers, body })
}

async function writeResponse(res: ServerResponse, response: Response, method: string): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers)
  if (method === 'HEAD' || response.body === null) res.end()
  else res.end(Buffer.from(await response.arrayBuffer()))
}

/**
 * Serves `handler` on `hostname:port` (port 0 picks a free one). Rejects with
 * {@link PortInUseError} when the port is taken; `what` and `hint` go into its message.
 */
export function serve(
  handler: Handler,
  options: { port: number; hostname?: string; what?: string; hint?: string },
): Promise<Served> {
  const server = createServer(async (req, res) => {
    try {
      const request = await toRequest(req)
      await writeResponse(res, await handler(request), request.method)
    } catch (error) {
      // A request Node accepts but the Request constructor refuses (e.g. method TRACE) lands here.
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' })
      res.end(error instanceof Error ? error.message : 'bad request')
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new PortInUseError(options.port, options.what ?? 'server', options.hint ?? 'Pick another port.'),
        )
      } else reject(error)
    })
    server.listen(options.port, options.hostname ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
