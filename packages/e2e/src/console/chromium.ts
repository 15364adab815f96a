/**
 * Each refusal class in real Chromium: playwright's `console` events carry Chromium's network
 * errors (the DevTools `Log` domain), the very lines a developer reads in DevTools.
 */
import { launch } from '@corsica/testkit/engines'
import { type Captured, type ConsoleServers, captureInPages, settle } from './servers'

/** Captures the console lines of every class. */
export async function captureChromium(servers: ConsoleServers): Promise<Captured[]> {
  // The public pages' address counts as public, so a call from there to loopback is a
  // private network request (Chromium's Local Network Access).
  const session = await launch('chromium', {
    captureConsole: true,
    args: [`--ip-address-space-overrides=127.0.0.1:${servers.publicPort}=public`],
  })
  try {
    return await captureInPages(session, servers, async (lines, blocked) => {
      await settle(() => lines().some((l) => l.includes('CORS policy')), blocked ? 1000 : 100)
      // The failed-load line may trail the CORS line; let it land in this class, not the next.
      await settle(() => lines().some((l) => l.startsWith('Failed to load resource')), blocked ? 300 : 0)
    })
  } finally {
    await session.close()
  }
}
