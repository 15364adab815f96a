/**
 * Builds the workspace packages a package depends on (directly or not) when one of them has no
 * dist/ yet. `pnpm install` builds only what the demo needs; an example's `prestart` and
 * `pnpm corsica` call this so they work right after install, and cost nothing once built.
 *
 * usage: node scripts/ensure-built.mjs [name…]   the named workspace packages and what they need;
 *        without names, what the package in the current folder needs
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))

const folders = {}
for (const group of ['packages', 'examples']) {
  for (const name of readdirSync(join(root, group))) {
    const dir = join(root, group, name)
    if (existsSync(join(dir, 'package.json'))) folders[read(dir).name] = dir
  }
}

const seen = new Set()
const visit = (pkg) => {
  for (const [name, spec] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (!spec.startsWith('workspace:') || seen.has(name)) continue
    seen.add(name)
    visit(read(folders[name]))
  }
}
const names = process.argv.slice(2)
for (const name of names) {
  if (!folders[name]) throw new Error(`${name} is not a package of this workspace`)
  seen.add(name)
  visit(read(folders[name]))
}
if (names.length === 0) visit(read(resolve('.')))

const unbuilt = [...seen].filter(
  (name) => read(folders[name]).scripts?.build && !existsSync(join(folders[name], 'dist')),
)
if (unbuilt.length > 0) {
  console.error(`[ensure-built] building ${unbuilt.join(', ')}`)
  // Every unbuilt package is in the list, dependencies included; pnpm builds them in order.
  const filters = unbuilt.flatMap((name) => ['--filter', name])
  const run = spawnSync('pnpm', [...filters, 'run', 'build'], { cwd: root, stdio: 'inherit' })
  process.exit(run.status ?? 1)
}
