/**
 * @module @corsica/testkit/built-app: a framework's app built the way its users build it, once per
 * change of its inputs, and served the way they serve it (SvelteKit's `node build`, Astro's
 * `node dist/server/entry.mjs`, `react-router-serve`). The app is copied to a folder of its own
 * (`.variants/…`, which git and biome skip), so build outputs never land among the sources.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { freePort, startChild } from './process.ts'

export interface AppBuild {
  /** For log lines and errors. */
  name: string
  /** The app's sources. */
  source: string
  /** Where they are copied, built and served from. Wiped on every rebuild. */
  dir: string
  /** Other folders or files the build bundles (the adapter's src, the testkit): a change rebuilds. */
  inputs: string[]
  /** The build command, run in `dir`: the framework's CLI as a Node script and its arguments. */
  build: [script: string, ...args: string[]]
  /** A file the build writes, relative to `dir`: without it the build runs again. */
  output: string
  /** Names of files or folders of `source` left out, at any depth, besides node_modules and dot-folders. */
  skip?: string[]
}

const STAMP = '.corsica-inputs.sha256'

/** Builds `app` unless its last build had the same inputs. Resolves with how long it took (0: cached). */
export async function buildOnce(app: AppBuild): Promise<number> {
  const skipped = (name: string) =>
    name === 'node_modules' || name.startsWith('.') || !!app.skip?.includes(name)
  const inputs = hashInputs([app.source, ...app.inputs], skipped)
  const stamp = join(app.dir, STAMP)
  if (existsSync(join(app.dir, app.output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs)
    return 0
  const started = Date.now()
  rmSync(app.dir, { recursive: true, force: true })
  mkdirSync(app.dir, { recursive: true })
  // Entry by entry: `dir` may sit inside `source` (an example's .variants/), which cpSync refuses.
  for (const entry of readdirSync(app.source)) {
    if (skipped(entry)) continue
    cpSync(join(app.source, entry), join(app.dir, entry), {
      recursive: true,
      filter: (path) => !skipped(basename(path)),
    })
  }
  const [script, ...args] = app.build
  const { code, output } = await run(process.execPath, [script, ...args], app.dir)
  if (code !== 0) throw new Error(`building ${app.name} failed (${code}):\n${output}`)
  if (!existsSync(join(app.dir, app.output)))
    throw new Error(`building ${app.name} wrote no ${app.output}:\n${output}`)
  writeFileSync(stamp, inputs)
  return Date.now() - started
}

/** A running app: its base URL and how to stop it (its whole process group). */
export interface ServedApp {
  url: string
  output(): string
  stop(): Promise<void>
}

/**
 * Starts `node <args>` in `cwd` with HOST=127.0.0.1 and a free PORT (the three servers read
 * both), resolving once it prints `ready`. `env` may be a function of the app's URL. Node's 16 KB limit on a request's headers is raised
 * to 64 KB: the table has a 16 KB Access-Control-Request-Headers, which the CORS layer must see.
 */
export async function serveApp(
  cwd: string,
  args: string[],
  {
    ready,
    env = {},
  }: { ready: RegExp; env?: Record<string, string> | ((url: string) => Record<string, string>) },
): Promise<ServedApp> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const { child } = await startChild(process.execPath, ['--max-http-header-size=65536', ...args], {
    cwd,
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      ...(typeof env === 'function' ? env(url) : env),
    },
    ready,
  })
  return { url, output: child.output, stop: () => child.stop() }
}

/** Runs `command` to its end in its own process group. */
function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString() }))
  })
}

/** A hash of every file under `paths` (names and contents), but those `skipped` says. */
function hashInputs(paths: string[], skipped: (name: string) => boolean): string {
  const hash = createHash('sha256')
  const visit = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (skipped(entry)) continue
        visit(join(path, entry))
      }
    } else hash.update(path).update('\0').update(readFileSync(path))
  }
  for (const path of paths) visit(path)
  return hash.digest('hex')
}
