/**
 * @module @corsica/testkit/engines: the three browser engines the tests run in, from Debian's
 * packages, behind one small interface: `launch(engine)` → a page that navigates, runs script,
 * makes a `fetch()` and reports the console lines the engine lets us read; `close()` stops
 * every process it started, by process group.
 *
 * | engine   | Debian package                   | driver                                  | console lines            |
 * | -------- | -------------------------------- | --------------------------------------- | ------------------------ |
 * | chromium | chromium                         | playwright-core (CDP)                   | the browser's own (CORS) |
 * | firefox  | firefox-esr                      | puppeteer-core over WebDriver BiDi      | script's console.* only  |
 * | webkit   | webkit2gtk-driver, xvfb          | selenium-webdriver → WebKitWebDriver    | none                     |
 */
import type { Engine } from '../departures.ts'
import { launchChromium } from './chromium.ts'
import type { Driver, LaunchOptions } from './driver.ts'
import { launchFirefox } from './firefox.ts'
import { launchWebKit } from './webkit.ts'

export type { Engine } from '../departures.ts'
export { type Chromium, startChromium } from './chromium.ts'
export type { Driver, LaunchOptions } from './driver.ts'
export { FIREFOX } from './firefox.ts'
export { hasWebKit, MINIBROWSER, XVFB } from './webkit.ts'

/** Every engine, in the order reports list them. */
export const ENGINES: readonly Engine[] = ['chromium', 'firefox', 'webkit']

/**
 * What each engine's driver lets a test read of the browser's console (in console-capture mode,
 * see `LaunchOptions`, every engine's is `browser`).
 */
export const CONSOLE: Record<Engine, 'browser' | 'script' | 'none'> = {
  // Playwright sees what Chromium itself prints, CORS errors included.
  chromium: 'browser',
  // Puppeteer's console event (BiDi log.entryAdded) carries the page's console.* calls; Firefox's
  // "Cross-Origin Request Blocked" lines never arrive through it (Firefox 153 ESR, here).
  firefox: 'script',
  // WebKitWebDriver has no log endpoint; the console is not readable at all.
  webkit: 'none',
}

/**
 * The engines to run, from `CORSICA_ENGINE` (one name, or several separated by commas) or all
 * three. Throws on an unknown name, so a typo does not silently test nothing.
 */
export function selectedEngines(value = process.env['CORSICA_ENGINE']): Engine[] {
  if (value === undefined || value.trim() === '') return [...ENGINES]
  const names = value.split(',').map((s) => s.trim().toLowerCase())
  const unknown = names.filter((n) => !(ENGINES as readonly string[]).includes(n))
  if (unknown.length > 0) {
    throw new Error(
      `CORSICA_ENGINE: unknown engine ${unknown.join(', ')}. Use one of ${ENGINES.join(', ')}, or leave it unset for all.`,
    )
  }
  return ENGINES.filter((e) => names.includes(e))
}

/** What the page passes to fetch(). */
export interface PageFetch {
  method?: string
  headers?: Record<string, string>
  credentials?: RequestCredentials
  body?: string
}

/** What script in the page saw of one fetch(). */
export interface FetchOutcome {
  /** Did fetch() resolve. */
  allowed: boolean
  status?: number
  /** Lower-case names of the response headers script could read. */
  readable?: string[]
  /** The TypeError's message when it rejected (each engine words it its own way). */
  error?: string
  /** Console lines read while the fetch ran (see `CONSOLE` for what each engine allows). */
  console: string[]
  /** Chromium only: DevTools' `Network.CorsError` when CORS blocked it (e.g. 'PreflightMissingAllowOriginHeader'). */
  corsError?: string
}

/** One page in a running browser. */
export interface Session {
  engine: Engine
  /** Navigates the page to `url` (a blank page on the origin the next fetches come from). */
  open(url: string): Promise<void>
  /** The page's current origin. */
  origin(): Promise<string>
  /** Runs `fn(arg)` in the page and returns its (awaited, JSON-serializable) result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>
  /** Makes fetch(url, init) in the page, as the page's own script would. */
  fetch(url: string, init?: PageFetch): Promise<FetchOutcome>
  /** Every console line read so far (see `CONSOLE` for what each engine allows). */
  consoleLines(): string[]
  /** Sets a cookie on `url`'s host, as that host's own page would (`document.cookie`). */
  setCookie(url: string, cookie: string): Promise<void>
  /** A PNG of the page. */
  screenshot(): Promise<Buffer>
  /** Ends the browser and every process started for it. */
  close(): Promise<void>
}

const LAUNCHERS: Record<Engine, (options: LaunchOptions) => Promise<Driver>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
  webkit: launchWebKit,
}

/**
 * Launches `engine` with a fresh profile and one blank page; `options.captureConsole` for every
 * console line the engine prints about the page (see LaunchOptions).
 */
export async function launch(engine: Engine, options: LaunchOptions = {}): Promise<Session> {
  const driver = await LAUNCHERS[engine](options)
  const consoleKind = options.captureConsole ? 'browser' : CONSOLE[engine]
  const lines = driver.console ?? []
  const corsErrors = driver.corsErrors ?? []
  const evaluate = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => driver.run<R>(fn.toString(), arg)
  return {
    engine,
    open: (url) => driver.goto(url),
    origin: () => evaluate(() => location.origin, null),
    evaluate,
    async fetch(url, init = {}) {
      const before = lines.length
      const errorsBefore = corsErrors.length
      const outcome = await evaluate(pageFetch, { url, init })
      // A blocked fetch() rejects before the browser has printed why: give the line a moment.
      if (!outcome.allowed && consoleKind === 'browser') {
        const deadline = Date.now() + 2000
        const waiting = () =>
          lines.length === before || (driver.corsErrors !== null && corsErrors.length === errorsBefore)
        while (waiting() && Date.now() < deadline) await sleep(20)
      }
      const corsError = corsErrors[errorsBefore]
      return { ...outcome, console: lines.slice(before), ...(corsError === undefined ? {} : { corsError }) }
    },
    consoleLines: () => [...lines],
    async setCookie(url, cookie) {
      await driver.goto(url)
      await evaluate((c) => {
        // biome-ignore lint/suspicious/noDocumentCookie: one line that works alike in all three engines
        document.cookie = c
      }, cookie)
    },
    screenshot: () => driver.screenshot(),
    close: () => driver.close(),
  }
}

/** Runs in the page: the fetch, and what script can see of its answer. */
async function pageFetch({ url, init }: { url: string; init: PageFetch }) {
  try {
    const response = await fetch(url, init)
    await response.text()
    return { allowed: true, status: response.status, readable: [...response.headers.keys()] }
  } catch (error) {
    return { allowed: false, error: String(error) }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
