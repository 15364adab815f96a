/** Debian's Chromium, driven by playwright-core over CDP, in a fresh (incognito) context. */
import { chromium } from 'playwright-core'
import { CHROMIUM, CHROMIUM_FLAGS } from '../chromium.ts'
import type { Driver } from './driver.ts'

export async function launchChromium(): Promise<Driver> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
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
