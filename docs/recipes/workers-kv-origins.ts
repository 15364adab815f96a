/**
 * Recipe: allowed origins kept in a Workers KV namespace (one key per origin, e.g.
 * `origin:https://shop.example.com`), read by an async origin function through `env`, with a
 * small in-memory cache so that most requests do not touch KV. Run by the Cloudflare tests in
 * workerd (packages/cloudflare/test/recipes.test.ts).
 */
import { withCors } from '@corsica/cloudflare'

interface Env {
  ALLOWED_ORIGINS: KVNamespace
}

/** How long an answer (yes or no) is kept in this isolate before KV is asked again. */
const TTL_MS = 60_000
/** Entries kept at most; the oldest goes first. */
const MAX_ENTRIES = 1_000
const cache = new Map<string, { allowed: boolean; until: number }>()

async function isAllowed(origin: string, env: Env): Promise<boolean> {
  const now = Date.now()
  const hit = cache.get(origin)
  if (hit !== undefined && hit.until > now) return hit.allowed
  // KV's own edge cache (cacheTtl) saves a trip to the central store as well.
  const allowed = (await env.ALLOWED_ORIGINS.get(`origin:${origin}`, { cacheTtl: 60 })) !== null
  cache.delete(origin)
  cache.set(origin, { allowed, until: now + TTL_MS })
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  return allowed
}

export default withCors(
  { origin: (origin, _request, env: Env) => isAllowed(origin, env), credentials: true, csrf: true },
  {
    async fetch(_request: Request, _env: Env): Promise<Response> {
      return Response.json({ ok: true })
    },
  },
)
