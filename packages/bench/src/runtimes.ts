/**
 * The runtimes the bench measures in, and how to start a process in each: Node itself, Deno and Bun
 * from their npm packages' binaries (run directly, no wrapper), workerd through Miniflare.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the micro benchmark can run. */
export const runtimeIds = ['node', 'deno', 'bun', 'workerd'] as const
export type RuntimeId = (typeof runtimeIds)[number]

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)

/** The Bun binary of the `bun` package's platform package (bun's own install script is not run). */
function bunBinary(): string {
  const fromBun = createRequire(require.resolve('bun/package.json'))
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch
  return join(dirname(fromBun.resolve(`@oven/bun-${process.platform}-${arch}/package.json`)), 'bin/bun')
}

/** A runtime's version, for the report. */
export function runtimeVersion(runtime: RuntimeId): string {
  if (runtime === 'node') return `node ${process.version.slice(1)}`
  if (runtime === 'workerd') return `workerd ${require('miniflare/package.json').version.split('.')[1]}`
  const pkg = runtime === 'deno' ? 'deno/package.json' : 'bun/package.json'
  return `${runtime} ${require(pkg).version}`
}

/**
 * Starts `script` (a file in dist/) with `args` in Node, Deno or Bun, in its own process group
 * (stop it with {@link killGroup}). Deno and Bun run the self-contained bundles in dist/portable/,
 * from the temp dir, so they resolve no package and read no project file (.env, bunfig, deno.json).
 */
export function spawnIn(
  runtime: Exclude<RuntimeId, 'workerd'>,
  script: string,
  args: string[],
): ChildProcess {
  const file = join(packageDir, 'dist', script)
  const [command, argv] =
    runtime === 'node'
      ? [process.execPath, ['--expose-gc', file, ...args]]
      : runtime === 'deno'
        ? [join(packageDir, 'node_modules/deno/deno'), ['run', '-A', '--v8-flags=--expose-gc', file, ...args]]
        : [bunBinary(), [file, ...args]]
  return spawn(command, argv, {
    cwd: runtime === 'node' ? packageDir : tmpdir(),
    env: {
      ...process.env,
      NO_COLOR: '1',
      DENO_NO_UPDATE_CHECK: '1',
      DENO_DIR: join(packageDir, 'node_modules/.cache/deno'),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
}

/** Kills a process group by its leader's PID; a group already gone is fine. */
export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/** A process's CPU time so far (user + system), in ns, from /proc (Linux). */
export async function processCpuNs(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces, so split after its closing paren).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15)
  return (ticks / 100) * 1e9 // USER_HZ is 100 on Linux
}
