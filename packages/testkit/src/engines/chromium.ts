/** Debian's Chromium, driven by playwright-core over CDP, in a fresh (incognito) context. */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_FLAGS } from '../chromium.ts'
import type { Driver, LaunchOptions } from './driver.ts'

/** A running Chromium: the playwright objects, for tests that drive the page themselves. */
export interface Chromium {
  browser: Browser
  context: BrowserContext
  /** The context's one page. */
  page: Page
  /** Ends Chromium (playwright ends its whole process group). */
  close(): Promise<void>
}

/**
 * Launches headless Chromium with a fresh context (no cookie, HTTP cache or preflight cache
 * from any other launch) and one page; `args` are added to the usual flags.
 */
export async function startChromium(options: Pick<LaunchOptions, 'args'> = {}): Promise<Chromium> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  return { browser, context, page, close: () => browser.close() }
}

/** Chromium prints its CORS errors to the console in any mode: `captureConsole` changes nothing. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Driver> {
  const { browser, context, page } = await startChromium(options)
  const console: string[] = []
  page.on('console', (message) => console.push(message.text()))
  const corsErrors: string[] = []
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  cdp.on('Network.loadingFailed', (event) => {
    if (event.corsErrorStatus) corsErrors.push(event.corsErrorStatus.corsError)
  })
  return {
    console,
    corsErrors,
    goto: async (url) => {
      await page.goto(url)
    },
    run: (source, arg) => page.evaluate(`(${source})(${JSON.stringify(arg)})`),
    screenshot: () => page.screenshot({ fullPage: true }),
    // Playwright ends the browser's whole process group.
    close: () => browser.close(),
  }
}
