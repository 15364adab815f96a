/**
 * Debian's Chromium, driven by playwright-core, with a fresh profile each launch so no cookie,
 * HTTP cache or preflight cache survives from one run to the next.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM, CHROMIUM_FLAGS } from '@corsica/testkit/chromium'
import { type BrowserContext, chromium } from 'playwright-core'

/** A running browser; `close()` ends Chromium and removes its profile. */
export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

/** Launches headless Chromium with a new user-data-dir; `args` are added to the usual flags. */
export async function launchChromium(args: readonly string[] = []): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'corsica-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...args],
    viewport: { width: 1280, height: 900 },
  })
  return {
    context,
    async close() {
      // Playwright kills the browser's whole process group when the context closes.
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
