/**
 * @module Runs the Bun binary that the npm `bun` package installed, from its platform package
 * (`@oven/bun-linux-x64` here). `bun`'s own install script, which would put that binary in
 * `node_modules/.bin`, is not run (pnpm-workspace.yaml: ignoredBuiltDependencies), so nothing
 * is downloaded. With Bun installed globally, `bun src/main.ts` does the same.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The path of the Bun binary for this platform, from the `bun` package's optional dependencies. */
export function bunBinary() {
  const fromBun = createRequire(createRequire(import.meta.url).resolve('bun/package.json'))
  const libc = process.report?.getReport().header.glibcVersionRuntime ? '' : '-musl'
  const platform = `@oven/bun-${process.platform}-${process.arch === 'arm64' ? 'aarch64' : process.arch}`
  const suffix = process.platform === 'linux' ? libc : ''
  return join(dirname(fromBun.resolve(`${platform}${suffix}/package.json`)), 'bin', 'bun')
}

// `node scripts/bun.mjs <args>`: run Bun with the arguments, and exit as it exits.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const child = spawn(bunBinary(), process.argv.slice(2), { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
