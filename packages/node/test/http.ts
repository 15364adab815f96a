/**
 * Serving a node:http listener on a real socket for a test, and sending the shared table's
 * requests to it with undici, header lines exactly as a case lists them.
 */
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Case, handlers, type ObservedResponse, requestHeaders } from '@corsica/testkit'
import { request } from 'undici'

/** A server on 127.0.0.1 and a free port, and how to stop it. */
export interface Running {
  base: string
  close(): Promise<void>
}

/** Starts `server` (or a node:http server for `listener`) on 127.0.0.1, port 0. */
export async function listen(server: Server | RequestListener): Promise<Running> {
  // A case sends 16 KB of Access-Control-Request-Headers; Node's default limit is 16 KB in all.
  const s = typeof server === 'function' ? createServer({ maxHeaderSize: 64 * 1024 }, server) : server
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  return {
    base: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        s.close(() => resolve())
        s.closeAllConnections()
      }),
  }
}

/** A response as the tests read it: status, a header getter, the body. */
export interface Received extends ObservedResponse {
  body: string
  raw: Record<string, string | string[] | undefined>
}

/** Sends a request, header lines in order and repeats kept, one connection per request. */
export async function send(
  url: string,
  method: string,
  lines: [string, string][] | Record<string, string> = [],
): Promise<Received> {
  const pairs = Array.isArray(lines) ? lines : Object.entries(lines)
  const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())
  const res = await request(url, {
    method,
    headers: pairs.flat(),
    body: hasBody ? 'body' : undefined,
    reset: true,
  })
  const body = method === 'HEAD' ? '' : await res.body.text()
  return {
    status: res.statusCode,
    body,
    raw: res.headers,
    headers: {
      // Several lines of one field read as one value joined with ", " (Fetch: get a header).
      get(name: string): string | null {
        const v = res.headers[name.toLowerCase()]
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v
      },
    },
  }
}

/**
 * Sends case `c` to `base` + its path, `prefix` first to pick the case's app on a shared server
 * (`dispatch` takes it off again). `SELF` in a header is the origin of `base`.
 */
export function sendCase(c: Pick<Case, 'request'>, base: string, prefix = ''): Promise<Received> {
  return send(`${base}${prefix}${c.request.path ?? '/'}`, c.request.method, requestHeaders(c, base))
}

/** A listener for apps served side by side: `/c/<n>/rest` goes to `apps[n]` as `/rest`. */
export function dispatch(apps: readonly RequestListener[]): RequestListener {
  return (req, res) => {
    const n = caseIndex(req.url)
    req.url = req.url!.replace(/^\/c\/\d+/, '') || '/'
    apps[n]!(req, res)
  }
}

/**
 * The case's handler (a Fetch handler of the testkit) answering on Node's `res`: the status, its
 * headers through `res.setHeader` (as Express's `res.set` does) or all at once through
 * `res.writeHead(status, headers)` (as plain node:http code often does), then the body.
 */
export async function answer(
  c: Pick<Case, 'handler'>,
  req: IncomingMessage,
  res: ServerResponse,
  style: 'setHeader' | 'writeHead' = 'setHeader',
): Promise<void> {
  const response = handlers[c.handler ?? 'ok'](new Request(`http://${req.headers.host}${req.url}`))
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const body = await response.text()
  if (style === 'writeHead') {
    res.writeHead(response.status, headers)
  } else {
    res.statusCode = response.status
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  }
  res.end(body)
}

/** Which case a path `/c/<n>/…` asks for. */
export function caseIndex(url: string | undefined): number {
  return Number(/^\/c\/(\d+)/.exec(url ?? '')?.[1] ?? -1)
}
