// @corsica/h3 in an h3 v2 app on h3's own serve (srvx, Node).

import { cors } from '@corsica/h3'
import { H3, serve } from 'h3'

const app = new H3()
  .use('/api/**', cors({ origin: ['https://app.example.com'], allowedHeaders: ['content-type'] }))
  .get('/api/items', () => ({ ok: true }))

const server = await serve(app, { hostname: '127.0.0.1', port: 0, silent: true }).ready()
console.log(`listening on ${new URL(server.url).origin}`)
