/**
 * Sends requests through the cache from origin A, origin B, a refused origin and no Origin, in
 * several orders, and records what each requester got back.
 */
import { ORIGIN_A, ORIGIN_B, REFUSED } from './api'

/** Who sends a request. */
export type Requester = 'A' | 'B' | 'refused' | 'no Origin'

const ORIGIN: Record<Requester, string | null> = {
  A: ORIGIN_A,
  B: ORIGIN_B,
  refused: REFUSED,
  'no Origin': null,
}

/**
 * The ACAO each requester must get (Fetch standard, CORS protocol): its own origin when listed,
 * none otherwise. Anything else came from a cached answer meant for someone else.
 */
export const OWN_ACAO: Record<Requester, string | null> = {
  A: ORIGIN_A,
  B: ORIGIN_B,
  refused: null,
  'no Origin': null,
}

/** The orders requests are sent in, each on its own URL so each starts with an empty cache entry. */
export const ORDERS: Requester[][] = [
  ['A', 'B', 'refused', 'no Origin'],
  ['B', 'A', 'no Origin', 'refused'],
  ['no Origin', 'A', 'refused', 'B'],
  ['refused', 'no Origin', 'B', 'A'],
  ['A', 'refused', 'A', 'B'],
]

/** What one requester got through the cache. */
export interface Observation {
  order: number
  pass: number
  requester: Requester
  cache: string | null
  acao: string | null
  vary: string | null
}

/** Sends every order `passes` times through the cache at `port`. */
export async function probe(port: number, passes = 2): Promise<Observation[]> {
  const seen: Observation[] = []
  for (const [order, requesters] of ORDERS.entries()) {
    for (let pass = 1; pass <= passes; pass++) {
      for (const requester of requesters) {
        const origin = ORIGIN[requester]
        const response = await fetch(`http://127.0.0.1:${port}/items/${order}`, {
          headers: origin ? { origin } : {},
        })
        await response.arrayBuffer()
        seen.push({
          order,
          pass,
          requester,
          cache: response.headers.get('x-cache-status'),
          acao: response.headers.get('access-control-allow-origin'),
          vary: response.headers.get('vary'),
        })
      }
    }
  }
  return seen
}

/** The answers that carry an ACAO meant for another requester. */
export function poisoned(seen: Observation[]): Observation[] {
  return seen.filter((o) => o.acao !== OWN_ACAO[o.requester])
}

/** `{ HIT: n, MISS: m, … }`. */
export function cacheCounts(seen: Observation[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const o of seen) counts[o.cache ?? 'none'] = (counts[o.cache ?? 'none'] ?? 0) + 1
  return counts
}
