/**
 * The requests every installed package must answer, and what the Fetch standard makes of its
 * answers under the fixtures' one policy (origin https://app.example.com, content-type allowed).
 */
import { request } from 'undici'
import { expect } from 'vitest'

export const ORIGIN = 'https://app.example.com'

/** A preflight that must be granted, an actual request, and a preflight from an unlisted origin. */
export const REQUESTS = {
  preflight: {
    method: 'OPTIONS',
    headers: {
      origin: ORIGIN,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    },
  },
  actual: { method: 'GET', headers: { origin: ORIGIN } },
  refused: {
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
  },
} as const

/** A response as the checks read it: header names in lower case, repeated lines joined. */
export interface Answer {
  status: number
  headers: Record<string, string>
  body: string
}

export type Answers = Record<keyof typeof REQUESTS, Answer>

/** Sends each of REQUESTS to `url` over a real socket. */
export async function sendAll(url: string): Promise<Answers> {
  const answers: Partial<Answers> = {}
  for (const [name, init] of Object.entries(REQUESTS) as [
    keyof Answers,
    (typeof REQUESTS)[keyof Answers],
  ][]) {
    const res = await request(url, { method: init.method, headers: init.headers })
    const headers: Record<string, string> = {}
    for (const [key, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value
    }
    answers[name] = { status: res.statusCode, headers, body: await res.body.text() }
  }
  return answers as Answers
}

const varyNames = (answer: Answer) => (answer.headers['vary'] ?? '').toLowerCase().split(/\s*,\s*/)

/** What the policy must answer; `status` of a granted preflight differs by platform (see callers). */
export function expectCors(answers: Answers): void {
  const { preflight, actual, refused } = answers
  // CORS-preflight fetch: the browser needs ok status, the origin, the method and the header.
  expect(preflight.status).toBe(204)
  expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN)
  expect(preflight.headers['access-control-allow-methods']).toMatch(/\bPUT\b/)
  expect(preflight.headers['access-control-allow-headers']).toBe('content-type')
  // CORS check: the actual response names the origin, varies on it, and the route ran.
  expect(actual.status).toBe(200)
  expect(JSON.parse(actual.body)).toEqual({ ok: true })
  expect(actual.headers['access-control-allow-origin']).toBe(ORIGIN)
  expect(varyNames(actual)).toContain('origin')
  // Corsica refuses an unlisted origin's preflight with 403 and grants nothing.
  expect(refused.status).toBe(403)
  expect(refused.headers['access-control-allow-origin']).toBeUndefined()
  expect(refused.headers['access-control-allow-methods']).toBeUndefined()
}
