/**
 * WebKitGTK's MiniBrowser, driven by selenium-webdriver through Debian's WebKitWebDriver. The
 * MiniBrowser has no headless mode, so it draws on an Xvfb display of our own; the display and
 * the driver (which starts the MiniBrowser and its web processes) each run in their own process
 * group, ended as a whole on close.
 */
import { Builder, type WebDriver } from 'selenium-webdriver'
import { type Child, freePort, startChild } from '../process.ts'
import type { Driver } from './driver.ts'

export const WEBKIT_DRIVER = process.env['WEBKIT_DRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver'
export const MINIBROWSER =
  process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
export const XVFB = process.env['XVFB_PATH'] ?? '/usr/bin/Xvfb'

export async function launchWebKit(): Promise<Driver> {
  const started: Child[] = []
  const stopAll = async () => {
    for (const child of started.reverse()) await child.stop()
  }
  try {
    // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it accepts clients.
    const xvfb = await startChild(
      XVFB,
      ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x900x24'],
      {
        ready: /^(\d+)\n/,
        fd3: true,
      },
    )
    started.push(xvfb.child)
    const port = await freePort()
    const { child } = await startChild(WEBKIT_DRIVER, ['--host=127.0.0.1', `--port=${port}`], {
      env: { DISPLAY: `:${xvfb.match[1]}` },
    })
    started.push(child)
    const server = `http://127.0.0.1:${port}`
    await untilReady(server, child)
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build()
    await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 })
    return session(driver, stopAll)
  } catch (error) {
    await stopAll()
    throw error
  }
}

function session(driver: WebDriver, stopAll: () => Promise<void>): Driver {
  return {
    // WebKitWebDriver has no log endpoint: the console cannot be read.
    console: null,
    corsErrors: null,
    goto: (url) => driver.get(url),
    async run<R>(source: string, arg: unknown) {
      const result = (await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => (${source})(arguments[0])).then(
           (value) => done({ value }),
           (error) => done({ error: String(error) }))`,
        arg,
      )) as { value?: R; error?: string }
      if (result.error !== undefined) throw new Error(`in the page: ${result.error}`)
      return result.value as R
    },
    screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
    async close() {
      try {
        await driver.quit()
      } finally {
        await stopAll()
      }
    },
  }
}

/** Waits until the driver answers /status (it prints nothing when it listens). */
async function untilReady(server: string, child: Child): Promise<void> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    try {
      const status = (await (await fetch(`${server}/status`)).json()) as { value?: { ready?: boolean } }
      if (status.value?.ready) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`WebKitWebDriver did not answer on ${server} within 15 s:\n${child.output()}`)
}
