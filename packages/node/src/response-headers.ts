/**
 * Node's outgoing headers as the core's HeaderStore, so that the core's `applyCorsHeaders`
 * writes the CORS headers (and merges Vary) on a `ServerResponse` directly: no Fetch `Headers`.
 */
import type { ListedHeaderStore } from '@corsica/core'

/** What node:http's ServerResponse, HTTP/2's compatibility response and Fastify's reply share. */
export interface OutgoingHeaders {
  getHeader(name: string): number | string | readonly string[] | undefined
  setHeader(name: string, value: string): unknown
  removeHeader(name: string): unknown
  hasHeader(name: string): boolean
  getHeaderNames(): string[]
}

/** A HeaderStore over `res`. Values Node keeps as arrays or numbers read as Fetch would join them. */
export class ResponseHeaders implements ListedHeaderStore {
  readonly #res: OutgoingHeaders

  constructor(res: OutgoingHeaders) {
    this.#res = res
  }

  get(name: string): string | null {
    const value = this.#res.getHeader(name)
    if (value === undefined) return null
    return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value)
  }

  set(name: string, value: string): void {
    this.#res.setHeader(name, value)
  }

  delete(name: string): void {
    this.#res.removeHeader(name)
  }

  has(name: string): boolean {
    return this.#res.hasHeader(name)
  }

  keys(): string[] {
    return this.#res.getHeaderNames()
  }
}
