#!/usr/bin/env node
/**
 * The `corsica` bin inside the workspace (the published package's bin is dist/cli.js, see
 * publishConfig.bin). It is a committed file, so the first `pnpm install` links it before
 * anything is built (with dist/cli.js as the bin, pnpm printed "Failed to create bin" for the
 * demo, twice); it builds the doctor on first use when dist/cli.js is missing, as
 * scripts/ensure-built.mjs does for the examples, with the build's output on stderr.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/cli.js', import.meta.url)
if (!existsSync(cli)) {
  const ensure = fileURLToPath(new URL('../../../scripts/ensure-built.mjs', import.meta.url))
  const built = spawnSync(process.execPath, [ensure, '@corsica/doctor'], { stdio: ['ignore', 2, 2] })
  if (built.status !== 0 || !existsSync(cli)) {
    process.stderr.write('corsica: could not build the doctor (run pnpm build)\n')
    process.exit(2)
  }
}
await import(cli.href)
