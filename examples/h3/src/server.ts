/**
 * @module The example server: `pnpm start` (`node --import tsx src/server.ts`). PORT (default
 * 3000) and HOST (default 127.0.0.1) choose where it listens.
 */
import { serve } from 'h3'
import { createApp } from './app.ts'

const server = await serve(createApp(), {
  hostname: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 3000),
  silent: true,
}).ready()

console.log(`listening on ${new URL(server.url!).origin}`)
