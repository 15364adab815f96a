/** Serving h3 apps as their users do, with h3's `serve` (srvx's Node server) on 127.0.0.1, port 0. */
import { type H3, serve } from 'h3'

/** A running server: its base URL and how to stop it. */
export interface Served {
  url: string
  close(): Promise<void>
}

/** Serves `app` on a free port; `gracefulShutdown: false` so a test run is not held on signals. */
export async function serveApp(app: H3): Promise<Served> {
  const server = await serve(app, {
    hostname: '127.0.0.1',
    port: 0,
    silent: true,
    gracefulShutdown: false,
  }).ready()
  return { url: server.url!.replace(/\/$/, ''), close: () => server.close(true) }
}
