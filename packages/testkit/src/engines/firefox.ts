/**
 * Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no geckodriver), headless,
 * with a fresh profile that puppeteer removes on close.
 */
import puppeteer from 'puppeteer-core'
import type { Driver, LaunchOptions } from './driver.ts'

export const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr'

/** Prefs that keep Firefox offline and quiet, and plain http:// plain. */
export const FIREFOX_PREFS: Record<string, unknown> = {
  // No speculative requests the API's journal would record.
  'network.prefetch-next': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  // HTTPS-First would try https://app.localhost first.
  'dom.security.https_first': false,
  'dom.security.https_first_pbm': false,
  'dom.security.https_only_mode': false,
  // Nothing to fetch from outside.
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<Driver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: FIREFOX_PREFS,
    defaultViewport: { width: 1280, height: 900 },
  })
  const [first] = await browser.pages()
  const page = first ?? (await browser.newPage())
  const console: string[] = []
  page.on('console', (message) => console.push(message.text()))
  // Firefox's "Cross-Origin Request Blocked: …" lines arrive as errors of the page.
  if (options.captureConsole)
    page.on('pageerror', (e) => console.push(e instanceof Error ? e.message : String(e)))
  const pid = browser.process()?.pid
  return {
    console,
    corsErrors: null,
    goto: async (url) => {
      await page.goto(url)
    },
    run: (source, arg) => page.evaluate(`(${source})(${JSON.stringify(arg)})`) as Promise<never>,
    screenshot: async () => Buffer.from(await page.screenshot({ fullPage: true })),
    async close() {
      await browser.close()
      // Puppeteer starts Firefox in a process group of its own; make sure none of it is left.
      if (pid !== undefined) {
        try {
          process.kill(-pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
    },
  }
}
