/**
 * Each refusal class in Firefox ESR, driven by puppeteer-core over WebDriver BiDi. Firefox
 * reports a blocked load as a script error of the page ("Cross-Origin Request Blocked: …"),
 * which BiDi's `log.entryAdded` carries and the launcher's console-capture mode reads.
 */
import { existsSync } from 'node:fs'
import { FIREFOX, launch } from '@corsica/testkit/engines'
import { type Captured, type ConsoleServers, captureInPages, settle } from './servers'

/** Whether Firefox is installed (`apt-get install -y firefox-esr`). */
export const hasFirefox = existsSync(FIREFOX)

/** Captures the console lines of every class. */
export async function captureFirefox(servers: ConsoleServers): Promise<Captured[]> {
  const session = await launch('firefox', { captureConsole: true })
  try {
    return await captureInPages(session, servers, async (lines, blocked) => {
      await settle(
        () => lines().some((l) => l.startsWith('Cross-Origin Request Blocked')),
        blocked ? 1000 : 100,
      )
      // A failed preflight is followed by a second line ("CORS request did not succeed").
      await settle(() => false, blocked ? 150 : 0)
    })
  } finally {
    await session.close()
  }
}
