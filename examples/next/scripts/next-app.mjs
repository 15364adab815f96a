/**
 * Builds (when its inputs changed) and starts the example app, in one of two variants:
 * `node` (proxy.node.ts, Next 16's proxy on the Node runtime) or `edge` (middleware.edge.ts on
 * the edge runtime). Used by `pnpm start` and by the tests.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The example's folder. */
export const appDir = dirname(dirname(fileURLToPath(import.meta.url)))
const nextBin = join(appDir, 'node_modules/next/dist/bin/next')
const STAMP = 'corsica-inputs.sha256'

/** The environment `next build` and `next start` run with for `runtime`. */
function nextEnv(runtime) {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CORSICA_NEXT_RUNTIME: runtime }
}

/** Where the variant builds to (next.config.ts reads CORSICA_NEXT_RUNTIME the same way). */
export function distDir(runtime) {
  return join(appDir, `.next/${runtime}`)
}

/** Files whose change calls for a new build: the app and the workspace packages it bundles. */
function inputFiles() {
  const roots = ['app', 'lib', 'proxy.node.ts', 'middleware.edge.ts', 'next.config.ts', 'package.json']
  const files = roots.map((root) => join(appDir, root))
  for (const name of ['@corsica/next', '@corsica/testkit']) {
    const pkg = join(appDir, 'node_modules', name)
    if (existsSync(pkg)) files.push(realpathSync(pkg))
  }
  const core = join(appDir, 'node_modules/@corsica/next/node_modules/@corsica/core')
  if (existsSync(core)) files.push(realpathSync(core))
  return files
}

/** A hash of every file under `paths`, skipping node_modules and dot-folders. */
function hashInputs(paths) {
  const hash = createHash('sha256')
  const visit = (path) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue
        visit(join(path, entry))
      }
    } else {
      hash.update(path).update('\0').update(readFileSync(path))
    }
  }
  for (const path of paths) visit(path)
  return hash.digest('hex')
}

/**
 * Runs `fn` holding the build lock of `runtime` (a directory: mkdir is atomic), so that two test
 * runs in the same tree never build into the same folder at once. A lock older than 5 minutes
 * was left by a build that was killed.
 */
async function withBuildLock(runtime, fn) {
  const lock = join(appDir, '.next', `${runtime}.build-lock`)
  mkdirSync(dirname(lock), { recursive: true })
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0
      if (age > 5 * 60_000) rmSync(lock, { recursive: true, force: true })
      else if (Date.now() > deadline) throw new Error(`waited 10 minutes for ${lock}`)
      else await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  try {
    return await fn()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/**
 * Runs `next build` for `runtime` unless the last build had the same inputs.
 * @returns whether it built, and how long it took in ms
 */
export function buildIfNeeded(runtime, options = {}) {
  // Checked under the lock: another run may have just built the same inputs.
  return withBuildLock(runtime, () => build(runtime, options))
}

async function build(runtime, { log = process.stdout }) {
  const stamp = join(distDir(runtime), STAMP)
  const inputs = hashInputs(inputFiles())
  if (existsSync(join(distDir(runtime), 'BUILD_ID')) && existsSync(stamp)) {
    if (readFileSync(stamp, 'utf8') === inputs) return { built: false, ms: 0 }
  }
  log.write(`[example-next] building the ${runtime} variant (next build)\n`)
  const started = Date.now()
  const output = []
  const child = spawn(process.execPath, [nextBin, 'build'], {
    cwd: appDir,
    env: nextEnv(runtime),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => output.push(chunk))
  const code = await new Promise((resolve) => child.on('close', resolve))
  if (code !== 0) {
    throw new Error(`next build (${runtime}) failed with ${code}:\n${Buffer.concat(output).toString()}`)
  }
  writeFileSync(stamp, inputs)
  const ms = Date.now() - started
  log.write(`[example-next] built the ${runtime} variant in ${(ms / 1000).toFixed(1)}s\n`)
  return { built: true, ms }
}

/**
 * Starts `next start` for `runtime` in its own process group and resolves once it listens.
 * Port 0 (the default) lets the OS pick a free port; the URL Next prints is returned.
 * `maxHeaderSize` raises Node's 16 KB limit on a request's header section.
 */
export async function startNext(
  runtime,
  { host = '127.0.0.1', port = 0, stdio = 'pipe', maxHeaderSize } = {},
) {
  const nodeFlags = maxHeaderSize === undefined ? [] : [`--max-http-header-size=${maxHeaderSize}`]
  const child = spawn(process.execPath, [...nodeFlags, nextBin, 'start', '-H', host, '-p', String(port)], {
    cwd: appDir,
    env: nextEnv(runtime),
    detached: true, // its own process group, so stop() ends it and anything it started
    stdio: ['ignore', stdio, stdio],
  })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  // If this process ends without calling stop() (an uncaught error, process.exit), the server
  // must not outlive it.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {}
  }
  process.on('exit', killOnExit)
  child.on('exit', () => process.off('exit', killOnExit))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {}
    }, 5000)
    await exited
    clearTimeout(timer)
  }
  if (stdio !== 'pipe') return { url: `http://${host}:${port}`, pid: child.pid, stop, exited }
  const output = []
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('next start did not get ready within 30s')), 30_000)
    const fail = (error) => {
      clearTimeout(timer)
      reject(new Error(`${error.message}\n${output.join('')}`))
    }
    child.on('exit', (code) => fail(new Error(`next start (${runtime}) exited with ${code}`)))
    child.stderr.on('data', (chunk) => output.push(chunk.toString()))
    child.stdout.on('data', (chunk) => {
      output.push(chunk.toString())
      const text = output.join('')
      const local = /Local:\s+(http:\/\/\S+)/.exec(text)
      if (local && /Ready in/.test(text)) {
        clearTimeout(timer)
        resolve(local[1])
      }
    })
  }).catch(async (error) => {
    await stop()
    throw error
  })
  return { url, pid: child.pid, stop, exited }
}
