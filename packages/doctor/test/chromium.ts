/** Real Chromium, driven by playwright-core: a page on `http://app.localhost:<port>` makes a fetch(). */
import { CHROMIUM, CHROMIUM_FLAGS } from '@corsica/testkit/chromium'
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core'
import { listen, type TestServer } from './servers'

/** What Chromium made of one fetch(). */
export interface ChromiumVerdict {
  allowed: boolean
  /** DevTools `Network.CorsError`, when CORS blocked it. */
  corsError: string | null
  /** The console line Chromium printed for the CORS failure. */
  message: string | null
}

/** What the page passes to fetch(). */
export interface FetchInit {
  method: string
  headers: Record<string, string>
  credentials: 'include' | 'same-origin'
  body?: string
}

/** A Chromium with one page open on a page origin of its own. */
export class ChromiumPage {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly pageServer: TestServer,
    /** The page's origin, e.g. `http://app.localhost:41234`. */
    readonly origin: string,
  ) {}

  static async open(): Promise<ChromiumPage> {
    const pageServer = await listen((_req, res) => {
      res.setHeader('content-type', 'text/html')
      res.end('<!doctype html><title>page</title>')
    })
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_FLAGS],
    })
    const page = await browser.newPage()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    const origin = `http://app.localhost:${pageServer.port}`
    await page.goto(`${origin}/`)
    return new ChromiumPage(browser, page, cdp, pageServer, origin)
  }

  /** Runs fetch(url, init) in the page and reports how Chromium judged it. */
  async fetch(url: string, init: FetchInit): Promise<ChromiumVerdict> {
    const errors: string[] = []
    const messages: string[] = []
    const onFailed = (e: { corsErrorStatus?: { corsError: string } }) => {
      if (e.corsErrorStatus) errors.push(e.corsErrorStatus.corsError)
    }
    const onConsole = (m: { text(): string }) => {
      if (m.text().includes('blocked by CORS policy')) messages.push(m.text())
    }
    this.cdp.on('Network.loadingFailed', onFailed)
    this.page.on('console', onConsole)
    try {
      const ok = await this.page.evaluate(
        async ([u, i]) => {
          try {
            await fetch(u, i)
            return true
          } catch {
            return false
          }
        },
        [url, init] as const,
      )
      if (!ok) {
        const deadline = Date.now() + 2000
        while ((errors.length === 0 || messages.length === 0) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20))
        }
      }
      return { allowed: ok, corsError: errors[0] ?? null, message: messages[0] ?? null }
    } finally {
      this.cdp.off('Network.loadingFailed', onFailed)
      this.page.off('console', onConsole)
    }
  }

  async close(): Promise<void> {
    await this.browser.close()
    await this.pageServer.close()
  }
}
