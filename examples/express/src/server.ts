/** @module Starts the example API on node:http. */
import { createApp } from './app.ts'

const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST ?? '127.0.0.1'

const server = createApp().listen(port, host, () => {
  const address = server.address()
  // The test reads this line to learn the port when PORT=0.
  console.log(`listening on http://${host}:${typeof address === 'object' && address ? address.port : port}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
