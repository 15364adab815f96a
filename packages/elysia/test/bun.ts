/** The Bun binary the npm `bun` package installed (its platform package), run directly. */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * `bun`'s install script, which would link the binary into node_modules/.bin, is not run
 * (pnpm-workspace.yaml: ignoredBuiltDependencies), so nothing is downloaded; the binary is in
 * `@oven/bun-<platform>`, an optional dependency of `bun`.
 */
export function bunBinary(): string {
  const fromBun = createRequire(createRequire(import.meta.url).resolve('bun/package.json'))
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined
  const libc = report?.header?.glibcVersionRuntime ? '' : '-musl'
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch
  const suffix = process.platform === 'linux' ? libc : ''
  return join(
    dirname(fromBun.resolve(`@oven/bun-${process.platform}-${arch}${suffix}/package.json`)),
    'bin',
    'bun',
  )
}
