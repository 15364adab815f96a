/**
 * Each refusal class in Firefox ESR, driven by puppeteer-core over WebDriver BiDi. Firefox
 * reports a blocked load as a script error of the page ("Cross-Origin Request Blocked: …"),
 * which BiDi's `log.entryAdded` carries and puppeteer emits as `pageerror`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Page } from 'puppeteer-core'
import { type Captured, type ConsoleServers, settle } from './servers'

export const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr'

/** Whether Firefox is installed (`apt-get install -y firefox-esr`). */
export const hasFirefox = existsSync(FIREFOX)

/** Captures the console lines of every class. */
export async function captureFirefox(servers: ConsoleServers): Promise<Captured[]> {
  const profile = mkdtempSync(join(tmpdir(), 'corsica-firefox-'))
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // No update checks, telemetry or remote settings: nothing but the page's own requests.
    extraPrefsFirefox: { 'network.dns.native-is-localhost': true },
  })
  try {
    const out: Captured[] = []
    // One page per origin, as for Chromium; every class has a path of its own.
    const pages = new Map<string, Page>()
    let lines: string[] = []
    for (const [i, cls] of servers.classes.entries()) {
      const origin = servers.originOf(i)
      const url = servers.urlOf(i)
      let page = pages.get(origin)
      if (!page) {
        page = await browser.newPage()
        page.on('console', (m) => lines.push(m.text()))
        page.on('pageerror', (e) => lines.push(e instanceof Error ? e.message : String(e)))
        await page.goto(servers.pageUrl(origin))
        pages.set(origin, page)
      }
      lines = []
      const blocked = await page.evaluate(
        (u, init) =>
          fetch(u, init as RequestInit).then(
            () => false,
            () => true,
          ),
        url,
        cls.init,
      )
      const mine = lines
      await settle(() => mine.some((l) => l.startsWith('Cross-Origin Request Blocked')), blocked ? 1000 : 100)
      // A failed preflight is followed by a second line ("CORS request did not succeed").
      await settle(() => false, blocked ? 150 : 0)
      out.push({ cls, url, origin, lines: mine, blocked })
    }
    return out
  } finally {
    await browser.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
