/**
 * WebKitGTK's MiniBrowser, driven by selenium-webdriver through Debian's WebKitWebDriver. The
 * MiniBrowser has no headless mode, so it draws on an Xvfb display of our own; the display and
 * the driver (which starts the MiniBrowser and its web processes) each run in their own process
 * group, ended as a whole on close.
 *
 * Console-capture mode: WebDriver classic has no console, and Debian's WebKitWebDriver (2.50)
 * offers no WebDriver BiDi (`webSocketUrl: true` fails to match capabilities), and it does not
 * pass on what the MiniBrowser it starts prints. So in this mode MiniBrowser runs on its own, with
 * the `--enable-write-console-messages-to-stdout` WebKit setting, which prints every console
 * message (the network's CORS errors included) on stdout: each `goto()` starts one on the page,
 * which runs its own script.
 */
import { existsSync } from 'node:fs'
import { Builder, type WebDriver } from 'selenium-webdriver'
import { type Child, freePort, startChild } from '../process.ts'
import type { Driver, LaunchOptions } from './driver.ts'

export const WEBKIT_DRIVER = process.env['WEBKIT_DRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver'
export const MINIBROWSER =
  process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
export const XVFB = process.env['XVFB_PATH'] ?? '/usr/bin/Xvfb'

/** Whether WebKitGTK and Xvfb are installed (`apt-get install -y webkit2gtk-driver xvfb`). */
export const hasWebKit = existsSync(MINIBROWSER) && existsSync(XVFB)

export async function launchWebKit(options: LaunchOptions = {}): Promise<Driver> {
  const started: Child[] = []
  const stopAll = async () => {
    for (const child of started.reverse()) await child.stop()
  }
  try {
    const xvfb = await startXvfb()
    started.push(xvfb.child)
    if (options.captureConsole) return consoleSession(`:${xvfb.match[1]}`, stopAll)
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

/**
 * -displayfd: Xvfb picks a free display and writes its number to fd 3 once it accepts clients.
 * Two Xvfb starting at once (test files run in parallel) can pick the same display; the loser
 * exits ("server already running"), so try again.
 */
async function startXvfb(attempts = 5): ReturnType<typeof startChild> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startChild(XVFB, ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x900x24'], {
        ready: /^(\d+)\n/,
        fd3: true,
      })
    } catch (error) {
      if (attempt >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt))
    }
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

/** Console-capture mode (see the module's comment): a MiniBrowser per page, its stdout as the console. */
function consoleSession(display: string, stopAll: () => Promise<void>): Driver {
  const console: string[] = []
  let browser: Child | null = null
  const noScript = () =>
    Promise.reject(
      new Error('WebKit in console-capture mode runs no script from outside: give the page its own script'),
    )
  return {
    console,
    corsErrors: null,
    async goto(url) {
      await browser?.stop(0)
      let partial = ''
      const { child } = await startChild(
        MINIBROWSER,
        ['--enable-write-console-messages-to-stdout=true', url],
        {
          env: { DISPLAY: display },
        },
      )
      browser = child
      // Every complete line, as it comes (startChild keeps the whole output too).
      const onData = (chunk: Buffer) => {
        const parts = (partial + chunk.toString()).split('\n')
        partial = parts.pop()!
        console.push(...parts)
      }
      onData(Buffer.from(child.output())) // what it printed before this listener, if anything
      child.process.stdout!.on('data', onData)
      child.process.stderr!.on('data', onData)
    },
    run: noScript,
    screenshot: noScript,
    async close() {
      try {
        await browser?.stop(0)
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
