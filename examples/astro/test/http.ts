/** Sends a request exactly as given (undici's `request`: no header added or merged by a client). */
import { type Case, toRequest } from '@corsica/testkit'
import { request } from 'undici'

/** What a test sees of an answer. Repeated header lines are joined with ", " (RFC 9110 §5.3). */
export interface Answer {
  status: number
  headers: { get(name: string): string | null }
  body: string
}

export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string> | [string, string][]; body?: string } = {},
): Promise<Answer> {
  const pairs = Array.isArray(init.headers) ? init.headers : Object.entries(init.headers ?? {})
  const res = await request(url, {
    method: (init.method ?? 'GET') as 'GET',
    headers: pairs.flat(),
    body: init.body,
  })
  const body = await res.body.text()
  return {
    status: res.statusCode,
    body,
    headers: {
      get(name) {
        const value = res.headers[name.toLowerCase()]
        if (value === undefined) return null
        return Array.isArray(value) ? value.join(', ') : value
      },
    },
  }
}

/** Sends case `c` to `url` as the table describes it. */
export async function sendCase(c: Case, url: string): Promise<Answer> {
  const request = toRequest(c, url)
  const headers = Array.isArray(c.request.headers)
    ? c.request.headers
    : Object.entries(c.request.headers ?? {})
  const body = request.body === null ? undefined : await request.text()
  return send(url, { method: c.request.method, headers, body })
}
