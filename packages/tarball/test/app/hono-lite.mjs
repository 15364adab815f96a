// @corsica/hono/lite in a Hono app on @hono/node-server.

import { cors } from '@corsica/hono/lite'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.use('/api/*', cors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] }))
app.get('/api/items', (c) => c.json({ ok: true }))

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, ({ port }) => {
  console.log(`listening on http://127.0.0.1:${port}`)
})
