/** Sends a table case to the built app: the policy is chosen by the case's number. */
import { type Case, requestHeaders, toRequest } from '@corsica/testkit'
import { type Answer, send } from '@corsica/testkit/http'

export type { Answer }

/**
 * Sends case `c`, number `i` of the table, as the table describes it: to /conformance/i, or to the
 * case's own path (the csrf bypass cases), with `x-table-case: i` telling the app which policy.
 */
export async function sendCase(c: Omit<Case, 'options'>, base: string, i: number): Promise<Answer> {
  const url = c.request.path === undefined ? `${base}/conformance/${i}` : `${base}${c.request.path}`
  const request = toRequest(c, url)
  const headers: [string, string][] = [...requestHeaders(c, url), ['x-table-case', String(i)]]
  const body = request.body === null ? undefined : await request.text()
  return send(url, { method: c.request.method, headers, body })
}
