/** One Hono app, served bare or behind hono/cors; also what the whole-server figure loads. */
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { allowedHeaders, allowedMethods, allowedOrigins, exposedHeaders, handler, maxAge } from '../policy.js'
import { decorate, floorPreflight } from './floor.js'

/** The CORS layers a Hono app can run behind, and two yardsticks: an empty middleware and the floor. */
export type HonoVariant = 'bare' | 'empty-middleware' | 'floor-middleware' | 'hono-cors' | 'corsica-hono'

/** The app: one route answering every method with the trivial handler, after the CORS middleware if any. */
export async function honoApp(variant: HonoVariant): Promise<Hono> {
  const app = new Hono()
  if (variant === 'hono-cors') {
    app.use(
      cors({
        origin: [...allowedOrigins],
        allowMethods: [...allowedMethods],
        allowHeaders: [...allowedHeaders],
        exposeHeaders: [...exposedHeaders],
        credentials: true,
        maxAge,
      }),
    )
  }
  if (variant === 'corsica-hono') app.use(await corsicaHono())
  // What any middleware costs: Hono then composes the chain and answers with a Promise.
  if (variant === 'empty-middleware') app.use(async (_c, next) => await next())
  // The hand-written floor as a middleware: what CORS costs in Hono at the least.
  if (variant === 'floor-middleware') {
    app.use(async (c, next) => {
      const origin = c.req.raw.headers.get('origin')
      const answer = floorPreflight(c.req.raw, origin)
      if (answer !== null) return answer
      await next()
      decorate(c.res, origin)
    })
  }
  app.all('/', (c) => handler(c.req.raw))
  return app
}

/** @corsica/hono's middleware, loaded only by the processes that measure it. */
async function corsicaHono() {
  const { cors } = await import('@corsica/hono')
  return cors({
    origin: [...allowedOrigins],
    methods: [...allowedMethods],
    allowedHeaders: [...allowedHeaders],
    exposedHeaders: [...exposedHeaders],
    credentials: true,
    maxAge,
  })
}
