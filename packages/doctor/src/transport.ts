/**
 * Sending one HTTP request with undici, exactly as given: no redirect following, no cookies
 * beyond those passed, a bounded time, and the response's header lines kept as sent.
 */
import { STATUS_CODES } from 'node:http'
import { Agent, request } from 'undici'

/** The response's header lines, with Fetch's "get" (lines of one name joined with ", "). */
export class ResponseHeaders {
  readonly #lines: ReadonlyArray<readonly [string, string]>

  constructor(lines: ReadonlyArray<readonly [string, string]>) {
    this.#lines = lines
  }

  /** Fetch "get": every line named `name` (case-insensitive), values joined with ", "; null when none. */
  get(name: string): string | null {
    const lower = name.toLowerCase()
    const values = this.#lines.filter(([n]) => n === lower).map(([, v]) => v)
    return values.length === 0 ? null : values.join(', ')
  }

  /** Distinct lower-case names, in order of appearance. */
  names(): string[] {
    return [...new Set(this.#lines.map(([n]) => n))]
  }

  /** Every header line (lower-case name, value), in order. */
  lines(): ReadonlyArray<readonly [string, string]> {
    return this.#lines
  }
}

/** One request sent and the response head received. */
export interface Exchange {
  method: string
  url: string
  requestHeaders: ReadonlyArray<readonly [string, string]>
  status: number
  statusText: string
  headers: ResponseHeaders
}

/** One exchange; an empty reason phrase (HTTP/2, or none sent) reads as the standard one. */
function exchange(
  method: string,
  url: string,
  requestHeaders: ReadonlyArray<readonly [string, string]>,
  status: number,
  statusText: string,
  lines: ReadonlyArray<readonly [string, string]>,
): Exchange {
  const reason = statusText || (STATUS_CODES[status] ?? '')
  return { method, url, requestHeaders, status, statusText: reason, headers: new ResponseHeaders(lines) }
}

/** The server could not be reached, or did not answer in time. */
export class NetworkError extends Error {
  override name = 'NetworkError'
}

/**
 * The time limit of a whole diagnosis, shared by every request it sends (the preflight, the
 * request and the probes): without it, a server answering each request just under `--timeout`
 * holds the doctor for minutes. Each request gets the per-request limit or what is left of this
 * one, whichever is shorter.
 */
export class Deadline {
  readonly ms: number
  readonly #at: number
  /** Requests started so far, for the message. */
  sent = 0

  constructor(ms: number) {
    this.ms = ms
    this.#at = Date.now() + ms
  }

  /** The limit for the next request (at most `perRequestMs`); throws when no time is left. */
  next(perRequestMs: number): number {
    const left = this.#at - Date.now()
    if (left <= 0) throw this.error()
    this.sent++
    return Math.min(perRequestMs, left)
  }

  error(): NetworkError {
    return new NetworkError(
      `the diagnosis did not finish within ${this.ms / 1000} s (${this.sent} request${this.sent === 1 ? '' : 's'} sent; raise it with --deadline)`,
    )
  }
}

/** What sends the doctor's requests: over the network, or to a fetch handler in-process. */
export interface Sender {
  send(
    method: string,
    url: string,
    headers: ReadonlyArray<readonly [string, string]>,
    body?: string | null,
  ): Promise<Exchange>
  close(): Promise<void>
}

/** Any fetch handler: Hono's `app.fetch`, a Worker's `fetch`, `createCors(...).wrap(...)`, a Next route's `GET`. */
export type FetchHandler = (request: Request) => Response | Promise<Response>

/**
 * Sends each request to a fetch handler in-process: no socket, the same Exchange. The handler
 * sees the very Request a server would build from the doctor's request.
 */
export class HandlerTransport implements Sender {
  readonly #handler: FetchHandler
  readonly #timeoutMs: number
  readonly #deadline: Deadline

  constructor(
    handler: FetchHandler,
    timeoutMs: number,
    deadline = new Deadline(Math.max(60_000, timeoutMs)),
  ) {
    this.#handler = handler
    this.#timeoutMs = timeoutMs
    this.#deadline = deadline
  }

  async send(
    method: string,
    url: string,
    headers: ReadonlyArray<readonly [string, string]>,
    body: string | null = null,
  ): Promise<Exchange> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const limit = this.#deadline.next(this.#timeoutMs)
    try {
      const request = new Request(url, {
        method,
        headers: headers.map(([n, v]): [string, string] => [n, v]),
        body,
      })
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              limit < this.#timeoutMs
                ? this.#deadline.error()
                : new NetworkError(`the handler did not answer within ${this.#timeoutMs / 1000} s`),
            ),
          limit,
        )
      })
      const res = await Promise.race([Promise.resolve().then(() => this.#handler(request)), timeout])
      // By shape, not instanceof: a handler in another realm (an edge VM) has its own Response.
      if (typeof res?.status !== 'number' || typeof res?.headers?.get !== 'function') {
        throw new NetworkError(`the handler returned ${String(res)}, not a Response`)
      }
      const lines: Array<[string, string]> = []
      for (const [name, value] of res.headers) {
        if (name === 'set-cookie') continue
        lines.push([name, value])
      }
      for (const cookie of res.headers.getSetCookie?.() ?? []) lines.push(['set-cookie', cookie])
      await res.body?.cancel().catch(() => undefined)
      return exchange(method, url, headers, res.status, res.statusText, lines)
    } catch (error) {
      if (error instanceof NetworkError) throw error
      throw new NetworkError(
        `the handler threw for ${method} ${url}: ${(error as Error)?.message ?? String(error)}`,
      )
    } finally {
      clearTimeout(timer)
    }
  }

  async close(): Promise<void> {}
}

/** Sends requests through one connection pool; close it when done. */
export class Transport implements Sender {
  readonly #agent: Agent
  readonly #timeoutMs: number
  readonly #deadline: Deadline

  constructor(timeoutMs: number, deadline = new Deadline(Math.max(60_000, timeoutMs))) {
    this.#timeoutMs = timeoutMs
    this.#deadline = deadline
    this.#agent = new Agent({
      connect: { timeout: timeoutMs },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    })
  }

  /** Sends the request and reads the response head; the body is discarded. */
  async send(
    method: string,
    url: string,
    headers: ReadonlyArray<readonly [string, string]>,
    body: string | null = null,
  ): Promise<Exchange> {
    const flat: string[] = []
    for (const [n, v] of headers) flat.push(n, v)
    const limit = this.#deadline.next(this.#timeoutMs)
    try {
      const res = await request(url, {
        method,
        headers: flat,
        body,
        dispatcher: this.#agent,
        // undici's request() never follows redirects (that takes its redirect interceptor).
        signal: AbortSignal.timeout(limit),
        // A fresh connection each time: a kept-alive one can be closed by the server just as it
        // is reused, which would read as a network failure. CORS does not depend on it.
        reset: true,
      })
      const lines: Array<[string, string]> = []
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue
        for (const v of Array.isArray(value) ? value : [value]) lines.push([name.toLowerCase(), v])
      }
      await res.body.dump().catch(() => undefined)
      return exchange(method, url, headers, res.statusCode, res.statusText, lines)
    } catch (error) {
      const message = describeNetworkError(error, url, this.#timeoutMs)
      // Cut short by the overall deadline, not by the per-request limit: say which.
      if (limit < this.#timeoutMs && message.startsWith('no response')) throw this.#deadline.error()
      throw new NetworkError(message)
    }
  }

  async close(): Promise<void> {
    await this.#agent.close()
  }
}

/** A one-line, actionable account of why a request got no response. */
function describeNetworkError(error: unknown, url: string, timeoutMs: number): string {
  const e = error as {
    name?: string
    code?: string
    message?: string
    cause?: { code?: string; message?: string }
  }
  const code = e.code ?? e.cause?.code
  const where = new URL(url).host
  const seconds = `${timeoutMs / 1000} s`
  if (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    (code?.startsWith('UND_ERR_') && /TIMEOUT/.test(code))
  ) {
    return `no response from ${where} within ${seconds} (raise it with --timeout)`
  }
  switch (code) {
    case 'ECONNREFUSED':
      return `could not connect to ${where}: connection refused (is the server running?)`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not resolve ${new URL(url).hostname}`
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `${where} closed the connection without answering`
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'CERT_HAS_EXPIRED':
      return `TLS: ${e.message ?? code} for ${where} (a development certificate? point NODE_EXTRA_CA_CERTS at its CA file)`
    default:
      return `request to ${url} failed: ${e.message ?? String(error)}${code ? ` (${code})` : ''}`
  }
}
