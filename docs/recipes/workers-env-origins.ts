/**
 * Recipe: a Worker's allowed origins from an environment variable (`wrangler.jsonc`:
 * `"vars": { "ALLOWED_ORIGINS": "https://app.example.com https://admin.example.com" }`).
 * The options function runs once per env object (once per isolate), not per request; a bad
 * value answers 500 and logs the CorsConfigError once. Run in workerd by the Cloudflare tests.
 */
import { withCors } from '@corsica/cloudflare'
import { originsFromEnv } from '@corsica/core'

interface Env {
  ALLOWED_ORIGINS: string
}

export default withCors(
  (env: Env) => ({
    // Commas and/or spaces in the variable; a bad entry is named after ALLOWED_ORIGINS.
    origin: originsFromEnv(env.ALLOWED_ORIGINS, 'ALLOWED_ORIGINS'),
    credentials: true,
    csrf: true,
  }),
  {
    fetch(_request: Request, _env: Env): Response {
      return Response.json({ ok: true })
    },
  },
)
