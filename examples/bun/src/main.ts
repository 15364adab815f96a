/**
 * @module The example server: `pnpm --filter example-bun start`.
 * PORT (default 3000) and HOSTNAME (default 127.0.0.1) choose where it listens.
 */
import { createApi } from './app.ts'
import { cors } from './policy.ts'

const api = createApi()

// Bun calls fetch(request, server); wrap() hands both to the handler untouched, so no adapter.
const server = Bun.serve({
  hostname: process.env['HOSTNAME'] ?? '127.0.0.1',
  port: Number(process.env['PORT'] ?? 3000),
  fetch: cors.wrap((request: Request, bun: Bun.Server<undefined>) => {
    console.log(`${request.method} ${new URL(request.url).pathname} from ${bun.requestIP(request)?.address}`)
    return api(request)
  }),
})

console.log(`Listening on ${server.url}`)
