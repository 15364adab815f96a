/** Requests and answers shared by the hardening tests (not a test file itself). */
import type { CorsOptions, CorsPolicy, CorsRefusal } from '../index.ts'
import { createCors } from '../index.ts'

export const API = 'http://api.test/resource'

/** An actual GET, with an Origin when given. */
export function get(origin?: string, headers: Record<string, string> = {}): Request {
  return new Request(API, { headers: origin === undefined ? headers : { origin, ...headers } })
}

/** A CORS preflight for `method`, with the other request headers given. */
export function preflight(origin: string, method = 'PUT', headers: Record<string, string> = {}): Request {
  return new Request(API, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, ...headers },
  })
}

/** The answer of `wrap(ok)` to a request, awaited, with its headers as a sorted record. */
export async function answer(policy: CorsPolicy, request: Request): Promise<Answer> {
  const response = await policy.wrap(() => new Response('ok'))(request)
  return { status: response.status, headers: Object.fromEntries([...response.headers].sort()) }
}

export interface Answer {
  status: number
  headers: Record<string, string>
}

/** A policy whose refusals are collected. */
export function recording(options: CorsOptions): { policy: CorsPolicy; refusals: CorsRefusal[] } {
  const refusals: CorsRefusal[] = []
  const policy = createCors({ ...options, onRefuse: (r) => refusals.push(r) })
  return { policy, refusals }
}

/** Whether an answer grants `origin` (ACAO naming it, or `*`). */
export function grants(a: Answer, origin: string): boolean {
  const acao = a.headers['access-control-allow-origin']
  return acao === origin || acao === '*'
}

/** The problems createCors reports for `options`, or null when it accepts them. */
export function configProblems(options: unknown): { option: string; problem: string; fix: string }[] | null {
  try {
    createCors(options as CorsOptions)
    return null
  } catch (error) {
    const problems = (error as { problems?: { option: string; problem: string; fix: string }[] }).problems
    if (!problems) throw error
    return [...problems]
  }
}
