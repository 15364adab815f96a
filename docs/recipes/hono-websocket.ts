/**
 * Recipe: a Hono WebSocket route behind the same policy as the API. With `csrf: true` the
 * middleware answers a handshake from an origin the policy does not trust with 403 before the
 * route upgrades it (cross-site WebSocket hijacking: the browser sends the user's cookies on a
 * handshake, and CORS does not apply to WebSockets); a trusted origin, or a client without
 * Origin, is upgraded, and its 101 passes back untouched. Shown on Workers; on Deno or Bun, import
 * `upgradeWebSocket` from 'hono/deno' or 'hono/bun'. Run in workerd by the Cloudflare tests.
 */
import { cors } from '@corsica/hono'
import { Hono } from 'hono'
import { upgradeWebSocket } from 'hono/cloudflare-workers'

export const app = new Hono()

app.use('/api/*', cors({ origin: ['https://app.example.com'], credentials: true, csrf: true }))
app.get(
  '/api/chat',
  upgradeWebSocket(() => ({
    onMessage(event, socket) {
      socket.send(`echo ${event.data}`)
    },
  })),
)

export default app
