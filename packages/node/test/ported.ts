/**
 * Running a peer's test cases, translated into Corsica's terms, through a real server: each case
 * names the peer's test, the options as Corsica takes them, the request, and the peer's
 * expectation. Where Corsica decides otherwise, `departs` says why and gives Corsica's answer
 * instead; where Corsica refuses the options at start-up, `configError` says why.
 */
import type { CorsOptions } from '@corsica/core'
import type { Received } from './http.ts'

/** What a ported case expects of the answer. */
export interface PortedExpect {
  status?: number
  /** Exact values; null: absent. */
  headers?: Record<string, string | null>
  /** Header values compared as comma-separated lists (`GET,HEAD` equals `GET, HEAD`). */
  lists?: Record<string, string>
  /** Lists of header names: compared as lists, and case-insensitively, as field names are (RFC 9110 §5.1). */
  names?: Record<string, string>
  body?: string
  /** Whether the app's own handler (the middleware's `next`) ran. */
  nextRan?: boolean
}

/** One test of a peer's suite, translated. */
export interface PortedCase {
  /** The peer's test title, as written there. */
  name: string
  options: CorsOptions
  request: { method: string; path?: string; headers: Record<string, string> }
  expect: PortedExpect
  /** Why Corsica answers otherwise, and what it answers. */
  departs?: { reason: string; expect: PortedExpect }
  /** Why Corsica refuses these options at start-up (a CorsConfigError) instead of running them. */
  configError?: string
}

/** Every way `r` differs from `e`; empty when it matches. */
export function differences(e: PortedExpect, r: Received, nextRan: boolean): string[] {
  const problems: string[] = []
  if (e.status !== undefined && r.status !== e.status)
    problems.push(`status ${r.status}, expected ${e.status}`)
  for (const [name, value] of Object.entries(e.headers ?? {})) {
    const actual = r.headers.get(name)
    if (actual !== value)
      problems.push(`${name}: ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`)
  }
  const list = (v: string | null) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .join(',')
  for (const [name, value] of Object.entries(e.lists ?? {})) {
    const actual = r.headers.get(name)
    if (list(actual) !== list(value))
      problems.push(`${name}: ${JSON.stringify(actual)}, expected the list ${JSON.stringify(value)}`)
  }
  for (const [name, value] of Object.entries(e.names ?? {})) {
    const actual = r.headers.get(name)
    if (list(actual).toLowerCase() !== list(value).toLowerCase())
      problems.push(`${name}: ${JSON.stringify(actual)}, expected the names ${JSON.stringify(value)}`)
  }
  if (e.body !== undefined && r.body !== e.body)
    problems.push(`body ${JSON.stringify(r.body)}, expected ${JSON.stringify(e.body)}`)
  if (e.nextRan !== undefined && nextRan !== e.nextRan)
    problems.push(e.nextRan ? 'next() did not run' : 'next() ran')
  return problems
}
