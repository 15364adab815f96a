/**
 * Recipe: Deno, allowed origins from an environment variable read once at module load
 * (`ALLOWED_ORIGINS="https://app.example.com https://admin.example.com" deno run --allow-env --allow-net main.ts`).
 * A bad value throws the CorsConfigError right here, before Deno.serve takes a request.
 * (Node is the same with `process.env.ALLOWED_ORIGINS`.) Run by the Deno tests.
 */
// In your app: import { withCors } from 'jsr:@corsica/deno' and
// import { originsFromEnv } from 'jsr:@corsica/core'
import { originsFromEnv } from '../../packages/core/src/index.ts'
import { withCors } from '../../packages/deno/src/index.ts'

// Commas and/or spaces; unset, empty, or '*' among origins throws, naming ALLOWED_ORIGINS.
const origins = originsFromEnv(Deno.env.get('ALLOWED_ORIGINS'), 'ALLOWED_ORIGINS')

export const handler = withCors({ origin: origins, credentials: true, csrf: true }, () =>
  Response.json({ ok: true }),
)

if (import.meta.main) Deno.serve(handler)
