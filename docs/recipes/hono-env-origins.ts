/**
 * Recipe: Hono on Workers, the allowed origins from `c.env` (a `vars` entry in wrangler.jsonc).
 * `cors((env) => options)` runs the function once per env object (once per isolate on
 * Workers), never per request; a bad value answers 500 and logs the CorsConfigError once.
 * On Node or Deno, read `process.env` / `Deno.env.get` at module load and pass fixed options
 * instead: there a bad value fails at start-up (@hono/node-server's `c.env` is per request).
 */
import { originsFromEnv } from '@corsica/core'
import { cors } from '@corsica/hono'
import { Hono } from 'hono'

type Bindings = { ALLOWED_ORIGINS: string }

export const app = new Hono<{ Bindings: Bindings }>()

app.use(
  '/api/*',
  cors((env) => ({
    origin: originsFromEnv(env.ALLOWED_ORIGINS, 'ALLOWED_ORIGINS'),
    credentials: true,
    csrf: true,
  })),
)
app.get('/api/me', (c) => c.json({ name: 'Ada' }))

export default app
