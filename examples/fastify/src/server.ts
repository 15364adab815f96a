/** @module Starts the example API. */
import { createApp } from './app.ts'

const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST ?? '127.0.0.1'

const app = await createApp()
const address = await app.listen({ port, host })
// The test reads this line to learn the port when PORT=0.
console.log(`listening on ${address}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)))
}
