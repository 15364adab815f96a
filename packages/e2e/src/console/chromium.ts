/**
 * Each refusal class in real Chromium: playwright's `console` events carry Chromium's network
 * errors (the DevTools `Log` domain), the very lines a developer reads in DevTools.
 */
import type { Page } from 'playwright-core'
import { launchChromium } from '../browser'
import { type Captured, type ConsoleServers, settle } from './servers'

/** Captures the console lines of every class. */
export async function captureChromium(servers: ConsoleServers): Promise<Captured[]> {
  // The public pages' address counts as public, so a call from there to loopback is a
  // private network request (Chromium's Local Network Access).
  const browser = await launchChromium([
    `--ip-address-space-overrides=127.0.0.1:${servers.publicPort}=public`,
  ])
  try {
    const out: Captured[] = []
    // One page per origin (a new renderer per call would cost a second each); every class has a
    // path of its own, so no preflight cache entry serves another.
    const pages = new Map<string, Page>()
    let lines: string[] = []
    for (const [i, cls] of servers.classes.entries()) {
      const origin = servers.originOf(i)
      const url = servers.urlOf(i)
      let page = pages.get(origin)
      if (!page) {
        page = await browser.context.newPage()
        page.on('console', (m) => lines.push(m.text()))
        await page.goto(servers.pageUrl(origin))
        pages.set(origin, page)
      }
      lines = []
      const blocked = await page.evaluate(
        async ([u, init]) =>
          fetch(u, init as RequestInit).then(
            () => false,
            () => true,
          ),
        [url, cls.init] as const,
      )
      await settle(() => lines.some((l) => l.includes('CORS policy')), blocked ? 1000 : 100)
      const mine = lines
      // The failed-load line may trail the CORS line; let it land in this class, not the next.
      await settle(() => mine.some((l) => l.startsWith('Failed to load resource')), blocked ? 300 : 0)
      out.push({ cls, url, origin, lines: mine, blocked })
    }
    return out
  } finally {
    await browser.close()
  }
}
