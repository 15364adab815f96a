// @corsica/elysia in an Elysia app, run by Bun (`bun run elysia.mjs`).

import { cors } from '@corsica/elysia'
import { Elysia } from 'elysia'

const app = new Elysia()
  .use(cors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] }))
  .get('/api/items', () => ({ ok: true }))
  .listen({ hostname: '127.0.0.1', port: 0 })

console.log(`listening on ${app.server.url.origin}`)
