/**
 * @module The example server: `pnpm --filter example-deno start`.
 * PORT (default 8000) and HOSTNAME (default 127.0.0.1) choose where it listens.
 */
import { withCors } from '@corsica/deno'
import { createApi } from './app.ts'
import { corsOptions } from './policy.ts'

const api = createApi()

Deno.serve(
  { hostname: Deno.env.get('HOSTNAME') ?? '127.0.0.1', port: Number(Deno.env.get('PORT') ?? 8000) },
  withCors(corsOptions, (request, info) => {
    console.log(`${request.method} ${new URL(request.url).pathname} from ${info.remoteAddr.hostname}`)
    return api(request)
  }),
)
