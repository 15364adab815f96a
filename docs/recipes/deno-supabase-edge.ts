/**
 * Recipe: a Supabase Edge Function (`supabase/functions/notes/index.ts`): `Deno.serve` with
 * `@corsica/deno`'s `withCors`. supabase-js's `functions.invoke()` sends `authorization`,
 * `apikey`, `x-client-info` and `content-type` (the list `@supabase/supabase-js/cors` exports),
 * so those are the allowed headers; the origins are yours, not Supabase's `'*'`. Supabase's own
 * snippet answers every OPTIONS with `ok` and `Access-Control-Allow-Origin: *`; here a preflight
 * from an unlisted origin is refused (403) and an error thrown below still reaches Deno's 500.
 * Run in Deno by `platforms.test.ts`.
 */
// In your function: import { withCors } from 'jsr:@corsica/deno'
import { withCors } from '../../packages/deno/src/index.ts'

export const handler = withCors(
  {
    origin: ['https://app.example.com', 'http://localhost:*'],
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'apikey', 'x-client-info', 'content-type'],
    credentials: true,
  },
  async (request) => {
    if (request.method === 'POST') {
      const { name } = (await request.json()) as { name?: string }
      return Response.json({ message: `Hello ${name ?? 'you'}!` })
    }
    return Response.json({ notes: [] })
  },
)

if (import.meta.main) Deno.serve(handler)
