/** Turning a case into a Request, and checking a response against what the case expects. */
import type { Case } from './cases.ts'
import { SELF } from './csrf-cases.ts'
import { handlerRan } from './handlers.ts'

/**
 * The request a case describes, against `baseUrl` (default `http://api.test`). A header value
 * `SELF` becomes the origin of `baseUrl`.
 */
export function toRequest(c: Pick<Case, 'request'>, baseUrl = 'http://api.test'): Request {
  const headers = new Headers()
  for (const [name, value] of requestHeaders(c, baseUrl)) headers.append(name, value)
  return new Request(new URL(c.request.path ?? '/', baseUrl), {
    method: c.request.method,
    headers,
    body: requestBody(c) ?? null,
  })
}

/** The body of a case's request: none for GET, HEAD and OPTIONS, else the case's (`'body'` by default). */
export function requestBody(c: Pick<Case, 'request'>): string | undefined {
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.request.method)) return undefined
  return c.request.body ?? 'body'
}

/** A response as any runtime or client reports it: status and a header getter. */
export interface ObservedResponse {
  status: number
  headers: { get(name: string): string | null }
}

/** An answer's status, and each header's exact value; null means it must be absent. Headers not named are not checked. */
export interface AnswerExpectation {
  status: number
  headers: Record<string, string | null>
}

/** Every way `response` differs from what `c` expects; empty when it passes. */
export function checkOutcome(c: Pick<Case, 'expect'>, response: ObservedResponse): string[] {
  const problems = checkAnswer(c.expect, response)
  const ran = handlerRan(response)
  if (ran !== c.expect.handlerRan)
    problems.push(c.expect.handlerRan ? 'the handler did not run' : 'the handler ran')
  return problems
}

/** Every way the status and headers of `response` differ from `expected`; empty when they match. */
export function checkAnswer(expected: AnswerExpectation, response: ObservedResponse): string[] {
  const problems: string[] = []
  if (response.status !== expected.status)
    problems.push(`status ${response.status}, expected ${expected.status}`)
  for (const [name, value] of Object.entries(expected.headers)) {
    const actual = response.headers.get(name)
    if (actual !== value)
      problems.push(`${name}: ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`)
  }
  return problems
}

/** The header lines of a case's request, with `SELF` replaced by the origin of `baseUrl`. */
export function requestHeaders(c: Pick<Case, 'request'>, baseUrl: string): [string, string][] {
  const pairs = Array.isArray(c.request.headers) ? c.request.headers : Object.entries(c.request.headers ?? {})
  const self = new URL(baseUrl).origin
  return pairs.map(([name, value]) => [name, value === SELF ? self : value])
}
