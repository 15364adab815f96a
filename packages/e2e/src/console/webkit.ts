/**
 * Each refusal class in WebKitGTK's MiniBrowser, under an Xvfb of our own.
 *
 * WebDriver classic has no console, and Debian's WebKitWebDriver (2.50) offers no WebDriver
 * BiDi (`webSocketUrl: true` fails to match capabilities), so the console is read another way:
 * MiniBrowser's `--enable-write-console-messages-to-stdout` WebKit setting prints every console
 * message (the network's CORS errors included) on stdout. The page runs the class's call by
 * itself and logs a marker before and after, which splits the output per class.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { type Captured, type ConsoleServers, settle } from './servers'

export const MINIBROWSER =
  process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
const XVFB = '/usr/bin/Xvfb'

/** Whether WebKitGTK and Xvfb are installed (`apt-get install -y webkit2gtk-driver xvfb`). */
export const hasWebKit = existsSync(MINIBROWSER) && existsSync(XVFB)

function start(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    detached: true, // its own process group: stopping it ends its web and network processes too
  })
  let output = ''
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  return { child, output: () => output }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      resolve()
    }
  })
}

/** Captures the console lines of every class, one MiniBrowser per class (a fresh preflight cache). */
export async function captureWebKit(servers: ConsoleServers): Promise<Captured[]> {
  const display = `:${100 + (process.pid % 800)}`
  const xvfb = start(XVFB, [display, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'])
  try {
    await settle(() => existsSync(`/tmp/.X11-unix/X${display.slice(1)}`), 5000)
    const out: Captured[] = []
    for (const [i, cls] of servers.classes.entries()) {
      const origin = servers.originOf(i)
      const url = servers.urlOf(i)
      const script = `fetch(${JSON.stringify(url)}, ${JSON.stringify(cls.init)}).then(
        () => console.log('corsica-console: allowed'), () => console.log('corsica-console: blocked'))`
      const browser = start(
        MINIBROWSER,
        ['--enable-write-console-messages-to-stdout=true', servers.pageUrl(origin, script)],
        { DISPLAY: display },
      )
      try {
        await settle(() => browser.output().includes('corsica-console: '), 15_000)
        await settle(() => false, 200) // the last lines of the failed load
      } finally {
        await stop(browser.child)
      }
      const lines = browser
        .output()
        .split('\n')
        .map((l) => /CONSOLE (?:SECURITY|JS) ERROR (.*)$/.exec(l)?.[1])
        .filter((l): l is string => l !== undefined)
      out.push({ cls, url, origin, lines, blocked: browser.output().includes('corsica-console: blocked') })
    }
    return out
  } finally {
    await stop(xvfb.child)
  }
}
