/** A raw HTTP client for tests over real sockets: undici sends the header lines exactly as given. */

import { request } from 'undici'
import type { Case } from './cases.ts'
import { type ObservedResponse, requestBody, requestHeaders } from './run.ts'

/** What a test sees of an answer. Repeated header lines read as one value joined with ", ". */
export interface Answer extends ObservedResponse {
  body: string
}

/** Sends one request; header pairs may repeat a name. */
export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string> | [string, string][]; body?: string } = {},
): Promise<Answer> {
  const pairs = Array.isArray(init.headers) ? init.headers : Object.entries(init.headers ?? {})
  const res = await request(url, {
    method: (init.method ?? 'GET') as 'GET',
    headers: pairs.flat(),
    body: init.body,
    reset: true, // one connection per request: nothing lingers when the server stops
  })
  const body = await res.body.text()
  return {
    status: res.statusCode,
    body,
    headers: {
      get(name) {
        const value = res.headers[name.toLowerCase()]
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
      },
    },
  }
}

/** Sends case `c` to `base`, header lines as the case lists them (`SELF`: the server's origin). */
export function sendCase(c: Pick<Case, 'request'>, base: string): Promise<Answer> {
  return send(`${base}${c.request.path ?? '/'}`, {
    method: c.request.method,
    headers: requestHeaders(c, base),
    body: requestBody(c),
  })
}

/**
 * Sends case `c`, number `i` of `adapterCases`, to an adapter's built test app: to /conformance/i,
 * or to the case's own path (the csrf bypass cases), with `x-table-case: i` telling the app which
 * policy.
 */
export function sendTableCase(c: Omit<Case, 'options'>, base: string, i: number): Promise<Answer> {
  const url = c.request.path === undefined ? `${base}/conformance/${i}` : `${base}${c.request.path}`
  const headers: [string, string][] = [...requestHeaders(c, url), ['x-table-case', String(i)]]
  return send(url, { method: c.request.method, headers, body: requestBody(c) })
}
