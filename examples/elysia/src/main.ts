/**
 * @module The example server: `bun run src/main.ts`. PORT (default 3000) and HOSTNAME (default
 * 127.0.0.1) choose where it listens.
 */
import { createApp } from './app.ts'

const app = createApp().listen({
  hostname: process.env.HOSTNAME ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 3000),
})

console.log(`listening on ${app.server!.url.origin}`)
