/**
 * `pnpm --filter @corsica/e2e console-lines [chromium|firefox|webkit]`: prints, for each
 * refusal class, the lines a browser's console shows against a Corsica server, and what the
 * server's onRefuse received. docs/troubleshooting.md quotes these lines.
 */
import type { CorsOptions } from '@corsica/core'
import { captureChromium } from './chromium'
import { captureFirefox } from './firefox'
import { startConsoleServers } from './servers'
import { captureWebKit } from './webkit'

const engines = { chromium: captureChromium, firefox: captureFirefox, webkit: captureWebKit }
const names = process.argv.slice(2).filter((a) => a in engines) as (keyof typeof engines)[]
const extra: Partial<CorsOptions> = JSON.parse(process.env['CORSICA_OPTIONS'] ?? '{}')
for (const name of names.length > 0 ? names : (Object.keys(engines) as (keyof typeof engines)[])) {
  const servers = await startConsoleServers(extra)
  try {
    console.log(`# ${name}`)
    for (const [i, c] of (await engines[name](servers)).entries()) {
      console.log(`## ${c.cls.id} (${c.cls.title})${c.blocked ? '' : ': NOT BLOCKED'}`)
      for (const line of c.lines)
        console.log(`  ${line.replaceAll(c.url, '<url>').replaceAll(c.origin, '<origin>')}`)
      for (const r of servers.refusals[i]!) console.log(`  server: ${r.code}: ${r.message}. Fix: ${r.fix}`)
      servers.refusals[i]!.length = 0
    }
  } finally {
    await servers.close()
  }
}
