/**
 * `pnpm start`: builds if needed, then serves the example on PORT (default 3000).
 * CORSICA_NEXT_RUNTIME=edge serves the middleware.ts (edge) variant instead of proxy.ts (Node).
 */
import { buildIfNeeded, startNext } from './next-app.mjs'

const runtime = process.env.CORSICA_NEXT_RUNTIME === 'edge' ? 'edge' : 'node'
await buildIfNeeded(runtime)
const server = await startNext(runtime, {
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 3000),
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void server.stop())
process.exitCode = Number(await server.exited) || 0
