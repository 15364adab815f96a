/**
 * Through a real shared cache: nginx's proxy_cache in front of a Corsica API whose answers are
 * cacheable. No answer served from the cache may carry another origin's
 * Access-Control-Allow-Origin; with Vary removed, the same check must catch the poisoning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCacheableApi } from './cache/api'
import { type Nginx, startNginx } from './cache/nginx'
import { cacheCounts, type Observation, ORDERS, poisoned, probe } from './cache/probe'

function table(seen: Observation[]): string {
  return seen
    .map(
      (o) =>
        `  order ${o.order} pass ${o.pass}  ${o.requester.padEnd(9)} ${String(o.cache).padEnd(5)} acao=${o.acao} vary=${o.vary}`,
    )
    .join('\n')
}

describe.each([
  { policy: 'Corsica as is', broken: false },
  { policy: 'Vary removed after Corsica (broken on purpose)', broken: true },
])('nginx proxy_cache in front of $policy', ({ broken }) => {
  let api: Awaited<ReturnType<typeof startCacheableApi>>
  let nginx: Nginx
  let seen: Observation[]

  beforeAll(async () => {
    api = await startCacheableApi(broken)
    nginx = await startNginx(api.port)
    seen = await probe(nginx.port)
    console.log(
      `${broken ? 'broken' : 'correct'} policy: ${JSON.stringify(cacheCounts(seen))}, ${poisoned(seen).length} poisoned, upstream saw ${api.hits()} of ${seen.length} requests\n${table(seen)}`,
    )
  })

  afterAll(async () => {
    await nginx?.stop()
    await api?.close()
  })

  if (!broken) {
    it('never serves an answer carrying another origin’s ACAO', () => {
      expect(poisoned(seen), table(poisoned(seen))).toEqual([])
    })

    it('still serves hits: every repeat of a (URL, Origin) it has seen', () => {
      // nginx keeps one variant per distinct Origin value (Vary: Origin), so the second pass of
      // every order is served from the cache.
      const second = seen.filter((o) => o.pass === 2)
      expect(second.map((o) => o.cache)).toEqual(second.map(() => 'HIT'))
      // Upstream saw each (URL, Origin) once: nginx kept all four variants of each URL at once.
      const distinct = new Set(seen.map((o) => `${o.order} ${o.requester}`))
      expect(api.hits()).toBe(distinct.size)
    })
  } else {
    it('the same check catches the poisoning', () => {
      const bad = poisoned(seen)
      expect(bad.length).toBeGreaterThan(0)
      // Every poisoned answer came from the cache, stored for the first requester of its URL.
      for (const o of bad) {
        expect(o.cache).toBe('HIT')
        const first = seen.find((f) => f.order === o.order)!
        expect(o.acao).toBe(first.acao)
      }
    })

    it('had one upstream request per URL: everything else was a hit', () => {
      expect(api.hits()).toBe(ORDERS.length)
    })
  }
})
