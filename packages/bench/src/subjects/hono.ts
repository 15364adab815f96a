/** One Hono app, served bare or behind hono/cors; also what the whole-server figure loads. */
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { corsicaOptions, handler, listMatcher, originLists, type PolicyId, peerOptions } from '../policy.js'
import { decorate, floorMatcher, floorPreflight } from './floor.js'

/** The CORS layers a Hono app can run behind, and two yardsticks: an empty middleware and the floor. */
export type HonoVariant =
  | 'bare'
  | 'empty-middleware'
  | 'floor-middleware'
  | 'hono-cors'
  | 'corsica-hono'
  | 'corsica-hono-before'

/**
 * hono/cors's origin option as its users write it: the array itself when it is exact origins only
 * (hono/cors then looks it up with includes()), else a function over strings and RegExps, since
 * hono/cors takes no patterns.
 */
function honoOrigin(policy: PolicyId): string[] | ((origin: string) => string | null) {
  const list = originLists[policy]
  if (list.patterns.length === 0) return [...list.exact]
  const allowed = listMatcher(list)
  return (origin) => (allowed(origin) ? origin : null)
}

/** The app: one route answering every method with the trivial handler, after the CORS middleware if any. */
export async function honoApp(variant: HonoVariant, policy: PolicyId = 'small'): Promise<Hono> {
  const app = new Hono()
  if (variant === 'hono-cors') {
    app.use(cors({ origin: honoOrigin(policy), ...peerOptions() }))
  }
  if (variant === 'corsica-hono') app.use(await corsicaHono(policy))
  if (variant === 'corsica-hono-before') {
    const { importBefore } = await import('./index.js')
    app.use((await importBefore('hono')).cors(corsicaOptions(policy)))
  }
  // What any middleware costs: Hono then composes the chain and answers with a Promise.
  if (variant === 'empty-middleware') app.use(async (_c, next) => await next())
  // The hand-written floor as a middleware: what CORS costs in Hono at the least.
  if (variant === 'floor-middleware') {
    const allowed = floorMatcher(originLists[policy])
    app.use(async (c, next) => {
      const origin = c.req.raw.headers.get('origin')
      const answer = floorPreflight(c.req.raw, origin, allowed)
      if (answer !== null) return answer
      await next()
      decorate(c.res, origin !== null && allowed(origin) ? origin : null)
    })
  }
  app.all('/', (c) => handler(c.req.raw))
  return app
}

/** @corsica/hono's middleware, loaded only by the processes that measure it. */
async function corsicaHono(policy: PolicyId) {
  const { cors } = await import('@corsica/hono')
  return cors(corsicaOptions(policy))
}
