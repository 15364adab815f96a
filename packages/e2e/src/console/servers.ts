/**
 * The servers the console tests call: blank pages on any `*.localhost` host (the page's origin
 * comes from the host name) and a Corsica API with one route per refusal class.
 */
import { type CorsOptions, type CorsRefusal, createCors } from '@corsica/core'
import { serve } from '@corsica/demo'
import { type RefusalClass, refusalClasses } from './classes'

/** What one class made a browser print. */
export interface Captured {
  cls: RefusalClass
  /** The API URL the page called, and the page's origin: the table writes them `<url>`, `<origin>`. */
  url: string
  origin: string
  /** The console lines printed while the call ran. */
  lines: string[]
  /** Whether fetch() rejected. */
  blocked: boolean
}

/** The running servers, and where each class sends its request. */
export interface ConsoleServers {
  classes: RefusalClass[]
  /** The page origin and API URL of class `i`. */
  originOf(i: number): string
  urlOf(i: number): string
  /** The port of the pages a browser may be told are public (class `private-network`). */
  publicPort: number
  /** What the server's onRefuse received for class `i`. */
  refusals: CorsRefusal[][]
  /** A page on `origin` whose script is `script` (empty: a blank page). */
  pageUrl(origin: string, script?: string): string
  close(): Promise<void>
}

/**
 * Starts the servers. `extra` is merged into every class's policy (e.g. an option under test);
 * `only` keeps some classes.
 */
export async function startConsoleServers(
  extra: Partial<CorsOptions> = {},
  only: (c: RefusalClass) => boolean = () => true,
): Promise<ConsoleServers> {
  const scripts = new Map<string, string>()
  // `<link rel="icon" href="data:,">`: no /favicon.ico request, so no 404 line in the console.
  const page = (request: Request) => {
    const script = scripts.get(new URL(request.url).searchParams.get('script') ?? '') ?? ''
    return new Response(
      `<!doctype html><link rel="icon" href="data:,"><title>console</title><script>${script}</script>`,
      { headers: { 'content-type': 'text/html; charset=utf-8' } },
    )
  }
  const pages = await serve(page, { port: 0, what: 'console pages' })
  // Pages a browser may be told are on a public address (Chromium: --ip-address-space-overrides).
  const publicPages = await serve(page, { port: 0, what: 'public console pages' })
  const app = `http://app.localhost:${pages.port}`
  const evil = `http://evil.localhost:${pages.port}`
  const publicOrigin = `http://public.localhost:${publicPages.port}`
  const classes = refusalClasses(app, publicOrigin).filter(only)
  const refusals = classes.map(() => [] as CorsRefusal[])
  const body = () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } })
  const routes = classes.map(
    (c, i) =>
      c.server ?? createCors({ ...c.options!, ...extra, onRefuse: (r) => refusals[i]!.push(r) }).wrap(body),
  )
  const api = await serve(
    (request) => {
      const i = Number(/^\/c(\d+)$/.exec(new URL(request.url).pathname)?.[1] ?? -1)
      return routes[i]?.(request) ?? new Response('not found', { status: 404 })
    },
    { port: 0, what: 'console API' },
  )
  return {
    classes,
    originOf: (i) => ({ app, evil, public: publicOrigin })[classes[i]!.from],
    publicPort: publicPages.port,
    urlOf: (i) => `http://api.localhost:${api.port}/c${i}`,
    refusals,
    pageUrl(origin, script = '') {
      const id = String(scripts.size)
      scripts.set(id, script)
      return `${origin}/?script=${id}`
    },
    async close() {
      await Promise.all([api.close(), pages.close(), publicPages.close()])
    },
  }
}

/** Waits until `done()` or `ms` pass (browsers report a blocked load just after fetch() rejects). */
export async function settle(done: () => boolean, ms = 1000): Promise<void> {
  for (let t = 0; t < ms && !done(); t += 25) await new Promise((r) => setTimeout(r, 25))
}
