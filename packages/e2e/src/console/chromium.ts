/**
 * Each refusal class in real Chromium: playwright's `console` events carry Chromium's network
 * errors (the DevTools `Log` domain), the very lines a developer reads in DevTools.
 */
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
    for (const [i, cls] of servers.classes.entries()) {
      const origin = servers.originOf(i)
      const url = servers.urlOf(i)
      const page = await browser.context.newPage()
      const lines: string[] = []
      page.on('console', (m) => lines.push(m.text()))
      await page.goto(servers.pageUrl(origin))
      const blocked = await page.evaluate(
        async ([u, init]) =>
          fetch(u, init as RequestInit).then(
            () => false,
            () => true,
          ),
        [url, cls.init] as const,
      )
      await settle(() => lines.some((l) => l.includes('CORS policy')))
      await page.close()
      out.push({ cls, url, origin, lines, blocked })
    }
    return out
  } finally {
    await browser.close()
  }
}
