/**
 * Starts the demo's three servers on loopback: the front-end page, a second (unlisted) page
 * origin, and the API. Browsers resolve every `*.localhost` name to loopback, so three ports
 * and three host names give three distinct origins on one machine.
 */
import { createApi } from './api'
import { APP_FILES, type DemoConfig, type DemoUrls, OTHER_FILES, pages } from './pages'
import { type Handler, type Served, serve } from './serve'

/** Ports and host names of the demo. Port 0 picks a free port. */
export interface DemoOptions {
  appPort: number
  otherPort: number
  apiPort: number
  appHost: string
  otherHost: string
  apiHost: string
}

/**
 * The defaults: `http://app.demo.localhost:5173`, `http://evil.localhost:5174` and
 * `http://api.demo.localhost:8787`. The front-end and the API share a site (demo.localhost),
 * like app.example.com and api.example.com; the unlisted origin is another site.
 */
export const DEFAULTS: DemoOptions = {
  appPort: 5173,
  otherPort: 5174,
  apiPort: 8787,
  appHost: 'app.demo.localhost',
  otherHost: 'evil.localhost',
  apiHost: 'api.demo.localhost',
}

/** A running demo. */
export interface Demo {
  urls: DemoUrls
  /** Stops all three servers. */
  stop(): Promise<void>
}

/** Starts the demo; rejects with a PortInUseError (and stops what it started) if a port is taken. */
export async function startDemo(options: Partial<DemoOptions> = {}): Promise<Demo> {
  const o = { ...DEFAULTS, ...options }
  const started: Served[] = []
  const stop = async () => {
    await Promise.all(started.map((server) => server.close()))
  }
  /** Serves one origin; the flag and variable are named when its port is taken. */
  const listen = async (handler: Handler, port: number, what: string, flag: string) => {
    const hint = `Choose another with --${flag} or ${flag.replace('-', '_').toUpperCase()}.`
    const server = await serve(handler, { port, what, hint })
    started.push(server)
    return server
  }
  // The page servers answer /config.json lazily, so every port can be 0 and known only later.
  let config: DemoConfig = { app: '', other: '', api: '', policy: '' }
  try {
    const app = await listen(
      pages(APP_FILES, () => config),
      o.appPort,
      'front-end page',
      'app-port',
    )
    const other = await listen(
      pages(OTHER_FILES, () => config),
      o.otherPort,
      'second page origin',
      'other-port',
    )
    const appOrigin = `http://${o.appHost}:${app.port}`
    const { handler, policy } = createApi(appOrigin)
    const api = await listen(handler, o.apiPort, 'API', 'api-port')
    const urls = {
      app: appOrigin,
      other: `http://${o.otherHost}:${other.port}`,
      api: `http://${o.apiHost}:${api.port}`,
    }
    config = { ...urls, policy }
  } catch (error) {
    await stop()
    throw error
  }
  const { app, other, api } = config
  return { urls: { app, other, api }, stop }
}
