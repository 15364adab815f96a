/**
 * Each refusal class in WebKitGTK's MiniBrowser, through the launcher's console-capture mode: a
 * MiniBrowser of its own under Xvfb with its console on stdout (WebKit's WebDriver has no
 * console; see @corsica/testkit/engines). The page runs the class's call by itself and logs a
 * marker before each, which splits the output per class.
 */
import { launch } from '@corsica/testkit/engines'
import { type Captured, type ConsoleServers, settle } from './servers'

export { hasWebKit } from '@corsica/testkit/engines'

/** Captures the console lines of every class. */
export async function captureWebKit(servers: ConsoleServers): Promise<Captured[]> {
  const session = await launch('webkit', { captureConsole: true })
  try {
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
      const from = session.consoleLines().length
      const output = () => session.consoleLines().slice(from)
      await session.open(servers.pageUrl(origin, script))
      await settle(() => output().some((l) => l.includes('corsica-console: done')), 30_000)
      let current: number | null = null
      const lines = new Map<number, string[]>()
      const blocked = new Set<number>()
      for (const line of output()) {
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
    await session.close()
  }
}
