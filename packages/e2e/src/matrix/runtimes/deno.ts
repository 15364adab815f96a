/** Deno.serve with @corsica/deno, run by the npm `deno` binary directly (not its .bin wrapper). */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChild } from '@corsica/testkit/process'
import { bundle } from './bundle'
import type { Runtime } from './types'

// The wrapper in node_modules/.bin leaves the real binary running when it is killed.
const DENO = fileURLToPath(new URL('../../../node_modules/deno/deno', import.meta.url))

export const deno: Runtime = {
  name: 'Deno.serve (@corsica/deno)',
  async start(pagePort) {
    const dir = await mkdtemp(join(tmpdir(), 'corsica-deno-'))
    const script = join(dir, 'server.js')
    await bundle(fileURLToPath(new URL('./deno-entry.ts', import.meta.url)), script)
    const { child, match } = await startChild(
      DENO,
      ['run', '--quiet', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env=PAGE_PORT', script],
      {
        env: { PAGE_PORT: String(pagePort), NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
        ready: /listening on (\d+)/,
      },
    )
    return {
      port: Number(match[1]),
      async stop() {
        await child.stop()
        await rm(dir, { recursive: true, force: true })
      },
    }
  },
}
