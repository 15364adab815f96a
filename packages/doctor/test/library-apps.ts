/**
 * hono/cors and express cors() apps set up with the mistakes people make, for a page at `page`:
 * credentials with '*', a missing allowed header, OPTIONS not handled, a fixed origin, any
 * origin reflected; and the setup the fixes lead to.
 */
import cors from 'cors'
import express from 'express'
import { Hono } from 'hono'
import { cors as honoCors } from 'hono/cors'

/** An origin no app lists. */
export const OTHER = 'https://other.example'

/** The hono app. */
export function honoApp(page: string): Hono {
  const app = new Hono()
  const ok = (c: { json: (v: unknown) => Response }) => c.json({ ok: true })
  // Mistake: credentials with the default origin '*'.
  app.use('/star/*', honoCors({ credentials: true }))
  app.get('/star/items', ok)
  // Mistake: x-api-key is sent but not listed.
  app.use('/headers/*', honoCors({ origin: [page], allowHeaders: ['Content-Type'] }))
  app.put('/headers/items', ok)
  // Mistake: cors() given to one route's method, so OPTIONS never reaches it.
  app.put('/route/items', honoCors({ origin: [page] }), ok)
  // Right: what the fixes lead to.
  app.use(
    '/right/*',
    honoCors({
      origin: [page],
      credentials: true,
      allowHeaders: ['Content-Type', 'X-Api-Key'],
      exposeHeaders: ['X-Request-Id'],
    }),
  )
  app.put('/right/items', (c) => {
    c.header('X-Request-Id', 'req-1')
    return c.json({ ok: true })
  })
  return app
}

/** The express app. */
export function expressApp(page: string): express.Express {
  const app = express()
  const ok = (_req: express.Request, res: express.Response) => {
    res.json({ ok: true })
  }
  // Mistake: credentials: true with the default origin '*'.
  app.get('/star/items', cors({ credentials: true }), ok)
  // Mistake: x-api-key is sent but not listed.
  app.use('/headers', cors({ origin: [page], allowedHeaders: ['Content-Type'] }))
  app.put('/headers/items', ok)
  // Mistake: cors() on the PUT route only; express answers OPTIONS itself (200, Allow: PUT).
  app.put('/route/items', cors({ origin: page }), ok)
  // Mistake: one fixed origin string, sent to every caller.
  app.use('/fixed', cors({ origin: OTHER }))
  app.get('/fixed/items', ok)
  // Risk: origin: true reflects any origin, with credentials.
  app.use('/reflect', cors({ origin: true, credentials: true }))
  app.get('/reflect/items', ok)
  return app
}
