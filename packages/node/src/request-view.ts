/**
 * What the policy reads of a Node request, read straight from `IncomingMessage` (or HTTP/2's
 * compatibility request): no Fetch `Request` or `Headers` is built for a CORS decision.
 */
import type { IncomingMessage } from 'node:http'
import type { Http2ServerRequest } from 'node:http2'
import type { CorsRequest } from '@corsica/core'

/** A request as node:http, HTTP/2's compatibility API, Express and Connect hand it over. */
export type NodeRequest = IncomingMessage | Http2ServerRequest

/**
 * A thin view over a Node request. `headers.get` reads `req.headers`, where Node already joined
 * several lines of one field with `, ` (Fetch: get a header) and lower-cased the names.
 */
export class RequestView implements CorsRequest {
  readonly #req: NodeRequest

  constructor(req: NodeRequest) {
    this.#req = req
  }

  get method(): string {
    return this.#req.method ?? 'GET'
  }

  /** The request's own headers: the view reads them itself. */
  get headers(): this {
    return this
  }

  get(name: string): string | null {
    const value = this.#req.headers[name]
    if (value === undefined) return null
    return typeof value === 'string' ? value : value.join(', ')
  }

  /**
   * The absolute URL, read only when the policy needs the server's own origin (a same-origin
   * request is not a refusal; csrf lets a request from the server's own origin through).
   * HTTP/2 sends `:scheme` and `:authority`; HTTP/1.1 has `Host`, and TLS shows on the socket.
   * Express mounts rewrite `req.url`; `originalUrl` is the path the client asked for.
   */
  get url(): string {
    const req = this.#req
    const h = req.headers
    const scheme =
      (h[':scheme'] as string | undefined) ??
      ((req.socket as { encrypted?: boolean } | null)?.encrypted ? 'https' : 'http')
    const host = (h[':authority'] as string | undefined) ?? h.host ?? 'localhost'
    const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/'
    return `${scheme}://${host}${path}`
  }

  /**
   * The Fetch Request an origin function, `onRefuse` or `csrf.bypass` is promised: method, URL
   * and headers, no body (the body stream stays the app's). Built only when one of them runs.
   */
  toRequest(): Request {
    const headers = new Headers()
    const raw = this.#req.rawHeaders
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!
      if (name.charCodeAt(0) !== 58 /* ':' HTTP/2 pseudo-headers are not fields */)
        headers.append(name, raw[i + 1]!)
    }
    let url = this.url
    // A Host that is no host (the client sent garbage) still gets a Request, on a URL that cannot
    // be anyone's origin.
    if (!URL.canParse(url)) url = `http://invalid.invalid${this.#req.url ?? '/'}`
    return new Request(url, { method: this.method, headers })
  }
}
