/**
 * The servers the console tests call: blank pages on any `*.localhost` host (the page's origin
 * comes from the host name) and a Corsica API with one route per refusal class.
 */
import { type CorsOptions, type CorsRefusal, createCors } from '@corsica/core'
import { serve } from '@corsica/demo'
import type { Session } from '@corsica/testkit/engines'
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

/**
 * Makes every class's call from a page on its origin, in a session of the launcher's
 * console-capture mode: one page load per origin (a new renderer per call would cost a second
 * each), its classes one after the other; every class has a path of its own, so no preflight
 * cache entry serves another. `wait(lines, blocked)` waits for the class's lines to land.
 * Returns the classes in their own order.
 */
export async function captureInPages(
  session: Session,
  servers: ConsoleServers,
  wait: (lines: () => string[], blocked: boolean) => Promise<void>,
): Promise<Captured[]> {
  const out: { captured: Captured; from: number }[] = []
  // A line belongs to the class whose call was the last to start when it came: one that trails
  // a call's end still lands in its class.
  const close = (to?: number) => {
    const last = out.at(-1)
    if (last) last.captured.lines = session.consoleLines().slice(last.from, to)
  }
  const origins = [...new Set(servers.classes.map((_, i) => servers.originOf(i)))]
  for (const origin of origins) {
    await session.open(servers.pageUrl(origin))
    for (const [i, cls] of servers.classes.entries()) {
      if (servers.originOf(i) !== origin) continue
      const url = servers.urlOf(i)
      const from = session.consoleLines().length
      close(from)
      const lines = () => session.consoleLines().slice(from)
      const blocked = await session.evaluate(
        ([u, init]) =>
          fetch(u, init as RequestInit).then(
            () => false,
            () => true,
          ),
        [url, cls.init] as const,
      )
      await wait(lines, blocked)
      out.push({ captured: { cls, url, origin, lines: [], blocked }, from })
    }
  }
  close()
  return out
    .map((o) => o.captured)
    .sort((a, b) => servers.classes.indexOf(a.cls) - servers.classes.indexOf(b.cls))
}
