/**
 * Recipe: a Worker's allowed origins from an environment variable (`wrangler.jsonc`:
 * `"vars": { "ALLOWED_ORIGINS": "https://app.example.com https://admin.example.com" }`).
 * The options function runs once per env object (once per isolate), not per request; a bad
 * value answers 500 and logs the CorsConfigError once. Run in workerd by the Cloudflare tests.
 */
import { withCors } from '@corsica/cloudflare'

interface Env {
  ALLOWED_ORIGINS: string
}

export default withCors(
  (env: Env) => ({
    // Space-separated in the variable; Corsica itself takes a list, never a comma string.
    origin: env.ALLOWED_ORIGINS.split(/\s+/).filter(Boolean),
    credentials: true,
    csrf: true,
  }),
  {
    fetch(_request: Request, _env: Env): Response {
      return Response.json({ ok: true })
    },
  },
)
