/**
 * After `changeset version`: gives each JSR manifest (packages/core/jsr.json,
 * packages/deno/deno.json) the version its package.json now has, and points @corsica/deno's
 * import of the core at the core's new version. Only those strings change; the layout stays.
 * Run by `pnpm version-packages`.
 */
import { readFileSync, writeFileSync } from 'node:fs'

const file = (path) => new URL(`../packages/${path}`, import.meta.url)
const versionOf = (name) => JSON.parse(readFileSync(file(`${name}/package.json`), 'utf8')).version
const core = versionOf('core')

const sync = (path, version, extra = (text) => text) => {
  const text = readFileSync(file(path), 'utf8')
  writeFileSync(file(path), extra(text.replace(/"version": "[^"]*"/, `"version": "${version}"`)))
}

sync('core/jsr.json', core)
sync('deno/deno.json', versionOf('deno'), (text) =>
  text.replace(/"npm:@corsica\/core@\^[^"]*"/, `"npm:@corsica/core@^${core}"`),
)
