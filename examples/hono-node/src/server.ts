/** @module Starts the example API on Node with @hono/node-server. */
import { serve } from '@hono/node-server'
import { createApp } from './app'

const port = Number(process.env.PORT ?? 8787)
const hostname = process.env.HOST ?? '127.0.0.1'

const server = serve({ fetch: createApp().fetch, port, hostname }, (info) => {
  // The test reads this line to learn the port when PORT=0.
  console.log(`listening on http://${info.address}:${info.port}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
