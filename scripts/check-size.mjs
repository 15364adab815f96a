#!/usr/bin/env node
/**
 * The size budget: what each package entry adds to a tiny app, bundled as a Worker author would
 * (esbuild, ESM, minified, gzip -9), against the same app without it. Fails, with the figures,
 * when an entry adds more than its limit in scripts/size/budget.json.
 *
 *   node scripts/check-size.mjs          the built packages (dist/, as published: run `pnpm build` first)
 *   node scripts/check-size.mjs --src    the sources (packages/<name>/src), no build needed
 *   node scripts/check-size.mjs --json   the figures as JSON
 *
 * A row of the budget: { "entry": "@corsica/hono/lite", "app": "hono", "origins": "exact", "limit": 8 }
 * - entry: what the app imports; `@corsica/<name>[/sub]` resolves from packages/<name>, anything
 *   else (a peer, such as `hono/cors`) from `dir`.
 * - app: scripts/size/apps/<app>.txt (a JavaScript template), where `ENTRY` becomes the entry and `ORIGINS` the origins;
 *   lines ending in `// +corsica` are left out of the app without it, lines ending in
 *   `// -corsica` are only in that one.
 * - origins: `exact` (two origins) or `pattern` (an origin and a subdomain pattern).
 * - limit: KiB (1024 bytes) gzipped the entry may add; without one, the row is only reported
 *   (the figures the READMEs compare with, such as hono/cors).
 * - goal (optional): KiB the entry should come down to; reported (met or not), never failed on.
 * - docs (optional): READMEs that give the figure, in a table row that starts with the entry in
 *   backticks (`| \`@corsica/hono/lite\` | 14.6 KiB | refused at start-up |`): the first cell
 *   after it is the figure with two exact origins, the next with a subdomain pattern. A figure
 *   more than DOC_TOLERANCE KiB off what is measured fails, with the figure to write there.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sizeDir = join(root, 'scripts/size')
const fromSource = process.argv.includes('--src')
const asJson = process.argv.includes('--json')

export const ORIGINS = {
  exact: "['https://app.example.com', 'https://admin.example.com']",
  pattern: "['https://app.example.com', 'https://*.preview.example.com']",
}

/** The app's source, with or without the entry. */
function appSource(row, withEntry) {
  const template = readFileSync(join(sizeDir, 'apps', `${row.app}.txt`), 'utf8')
  const lines = template.split('\n').filter((line) => {
    if (line.trimEnd().endsWith('// +corsica')) return withEntry
    if (line.trimEnd().endsWith('// -corsica')) return !withEntry
    return true
  })
  const origins = ORIGINS[row.origins]
  if (origins === undefined) throw new Error(`${row.entry}: origins must be one of ${Object.keys(ORIGINS)}`)
  return lines.join('\n').replaceAll("'ENTRY'", JSON.stringify(row.entry)).replaceAll('ORIGINS', origins)
}

/** The folder the app is resolved from: the package of a @corsica entry, or `dir`. */
function resolveDir(row) {
  const m = /^@corsica\/([^/]+)/.exec(row.entry)
  const dir = join(root, row.dir ?? (m ? `packages/${m[1]}` : ''))
  if (!row.dir && !m) throw new Error(`${row.entry}: give "dir", the package folder it resolves from`)
  return dir
}

/** In --src mode, `@corsica/<name>[/sub]` is that package's src/<sub or index>.ts. */
const sourcePlugin = {
  name: 'corsica-source',
  setup(b) {
    b.onResolve({ filter: /^@corsica\/[^/]+(\/[^/]+)?$/ }, (args) => {
      const [, name, sub] = /^@corsica\/([^/]+)(?:\/(.+))?$/.exec(args.path)
      const file = join(root, 'packages', name, 'src', `${sub ?? 'index'}.ts`)
      return existsSync(file) ? { path: file } : undefined
    })
  },
}

async function bundledSize(source, dir) {
  const result = await build({
    stdin: { contents: source, resolveDir: dir, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    external: ['next', 'next/*'],
    minify: true,
    target: 'es2022',
    logLevel: 'silent',
    plugins: fromSource ? [sourcePlugin] : [],
  })
  const code = result.outputFiles[0].contents
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length }
}

export async function measure(row) {
  const dir = resolveDir(row)
  const [bare, full] = await Promise.all([
    bundledSize(appSource(row, false), dir),
    bundledSize(appSource(row, true), dir),
  ])
  return { ...row, min: full.min - bare.min, gzip: full.gzip - bare.gzip }
}

const kib = (bytes) => (bytes / 1024).toFixed(1)

/** How far a README's figure may be from the measured one: a rounding, and a few bytes of change. */
const DOC_TOLERANCE = 0.15

/** What the READMEs of `docs` say that this run does not measure: one line per stale or missing figure. */
function staleDocs(results) {
  const problems = []
  for (const r of results) {
    for (const doc of r.docs ?? []) {
      const lines = readFileSync(join(root, doc), 'utf8').split('\n')
      const row = lines.find((line) => line.startsWith(`| \`${r.entry}\``))
      const cell = row?.split('|')[r.origins === 'exact' ? 2 : 3]
      const said = cell === undefined ? null : /(\d+(?:\.\d+)?) KiB/.exec(cell)
      if (said === null) {
        problems.push(`${doc}: no table row \`| \`${r.entry}\` | …\` with its figure (${r.origins} origins)`)
      } else if (Math.abs(Number(said[1]) - r.gzip / 1024) > DOC_TOLERANCE) {
        problems.push(
          `${doc}: says ${said[1]} KiB for ${r.entry} (${r.origins} origins); measured ${kib(r.gzip)} KiB: write that`,
        )
      }
    }
  }
  return problems
}

const budget = JSON.parse(readFileSync(join(sizeDir, 'budget.json'), 'utf8'))
const results = []
for (const row of budget) {
  try {
    results.push(await measure(row))
  } catch (error) {
    console.error(
      `size: cannot bundle ${row.entry} (${row.app} app)${fromSource ? '' : '; are the packages built? Run `pnpm build`, or pass --src'}\n${error.message}`,
    )
    process.exit(1)
  }
}
if (asJson) {
  console.log(JSON.stringify(results, null, 2))
} else {
  console.log(
    `What each entry adds to its app (esbuild, ESM, minified; gzip -9), from ${fromSource ? 'src' : 'dist'}:`,
  )
  for (const r of results) {
    const limit =
      r.limit === undefined ? '' : `  limit ${r.limit} KiB ${r.gzip <= r.limit * 1024 ? 'ok' : 'EXCEEDED'}`
    const goal =
      r.goal === undefined ? '' : `, goal ${r.goal} KiB ${r.gzip <= r.goal * 1024 ? 'met' : 'not met'}`
    console.log(
      `  ${r.entry.padEnd(26)} ${r.app.padEnd(10)} ${r.origins.padEnd(7)} ${kib(r.gzip).padStart(5)} KiB gzipped (${r.gzip} B; ${kib(r.min)} KiB minified)${limit}${goal}`,
    )
  }
}
// The READMEs are checked against the published build, which is what their readers bundle.
const stale = fromSource ? [] : staleDocs(results)
for (const line of stale) console.error(`size figure out of date: ${line}`)
if (stale.length > 0) process.exitCode = 1
const over = results.filter((r) => r.limit !== undefined && r.gzip > r.limit * 1024)
if (over.length > 0) {
  for (const r of over) {
    console.error(
      `size budget exceeded: ${r.entry} (${r.app} app, ${r.origins} origins) adds ${kib(r.gzip)} KiB gzipped (${r.gzip} bytes), over its limit of ${r.limit} KiB (scripts/size/budget.json)`,
    )
  }
  process.exitCode = 1
}
