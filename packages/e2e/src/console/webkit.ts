/**
 * Each refusal class in WebKitGTK's MiniBrowser, under an Xvfb of our own.
 *
 * WebDriver classic has no console, and Debian's WebKitWebDriver (2.50) offers no WebDriver
 * BiDi (`webSocketUrl: true` fails to match capabilities), so the console is read another way:
 * MiniBrowser's `--enable-write-console-messages-to-stdout` WebKit setting prints every console
 * message (the network's CORS errors included) on stdout. The page runs the class's call by
 * itself and logs a marker before each, which splits the output per class.
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

/** Captures the console lines of every class. */
export async function captureWebKit(servers: ConsoleServers): Promise<Captured[]> {
  const display = `:${100 + (process.pid % 800)}`
  const xvfb = start(XVFB, [display, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'])
  try {
    await settle(() => existsSync(`/tmp/.X11-unix/X${display.slice(1)}`), 5000)
    // One MiniBrowser per page origin: its page makes that origin's calls one after the other,
    // logging a marker before each, which splits the output per class.
    const out: Captured[] = []
    const origins = [...new Set(servers.classes.map((_, i) => servers.originOf(i)))]
    for (const origin of origins) {
      const mine = servers.classes.flatMap((_, i) => (servers.originOf(i) === origin ? [i] : []))
      const calls = mine.map((i) => [i, servers.urlOf(i), servers.classes[i]!.init])
      const script = `(async () => {
        for (const [i, url, init] of ${JSON.stringify(calls)}) {
          console.log('corsica-console: begin ' + i)
          const blocked = await fetch(url, init).then(() => false, () => true)
          await new Promise((r) => setTimeout(r, 100))
          console.log('corsica-console: end ' + i + ' ' + (blocked ? 'blocked' : 'allowed'))
        }
        console.log('corsica-console: done')
      })()`
      const browser = start(
        MINIBROWSER,
        ['--enable-write-console-messages-to-stdout=true', servers.pageUrl(origin, script)],
        { DISPLAY: display },
      )
      try {
        await settle(() => browser.output().includes('corsica-console: done'), 30_000)
      } finally {
        await stop(browser.child)
      }
      let current: number | null = null
      const lines = new Map<number, string[]>()
      const blocked = new Set<number>()
      for (const line of browser.output().split('\n')) {
        const marker = /corsica-console: (begin|end) (\d+)(?: (blocked))?/.exec(line)
        if (marker) {
          current = marker[1] === 'begin' ? Number(marker[2]) : null
          if (marker[3]) blocked.add(Number(marker[2]))
          continue
        }
        const error = /CONSOLE (?:SECURITY|JS) ERROR (.*)$/.exec(line)?.[1]
        if (error !== undefined && current !== null)
          lines.set(current, [...(lines.get(current) ?? []), error])
      }
      for (const i of mine) {
        const cls = servers.classes[i]!
        out.push({ cls, url: servers.urlOf(i), origin, lines: lines.get(i) ?? [], blocked: blocked.has(i) })
      }
    }
    // In the classes' own order, as the other engines return them.
    out.sort((a, b) => servers.classes.indexOf(a.cls) - servers.classes.indexOf(b.cls))
    return out
  } finally {
    await stop(xvfb.child)
  }
}
