/**
 * @module `pnpm --filter @corsica/bench bench:before REV`: builds @corsica/core and @corsica/hono
 * as they were at git revision REV into bench-results/before/REV/ (one bundle each, core inside
 * hono's), for `pnpm bench --before REV`, which then measures them as two more subjects, in the
 * same processes as today's: a before/after in one run (Node only).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const rev = process.argv.slice(2).find((a) => a !== '--')
if (rev === undefined) {
  console.error('usage: pnpm --filter @corsica/bench bench:before REV   (a commit, branch or tag)')
  process.exit(2)
}
const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim()
const src = mkdtempSync(join(tmpdir(), 'corsica-before-'))
const out = fileURLToPath(new URL(`../bench-results/before/${rev}/`, import.meta.url))
try {
  const archive = execFileSync('git', ['archive', rev, 'packages/core/src', 'packages/hono/src'], {
    cwd: root,
  })
  execFileSync('tar', ['-x', '-C', src], { input: archive })
  mkdirSync(out, { recursive: true })
  const core = join(src, 'packages/core/src')
  await build({
    entryPoints: { core: join(core, 'index.ts'), hono: join(src, 'packages/hono/src/index.ts') },
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'warning',
    plugins: [
      {
        name: 'core-at-rev',
        setup(b) {
          // The adapter's imports of the core resolve to the core of the same revision.
          b.onResolve({ filter: /^@corsica\/core(\/lite)?$/ }, (args) => ({
            path: join(core, args.path.endsWith('/lite') ? 'lite.ts' : 'index.ts'),
          }))
        },
      },
    ],
  })
  console.log(`built ${rev} in ${out}; measure it with: pnpm bench --before ${rev}`)
} finally {
  rmSync(src, { recursive: true, force: true })
}
