/**
 * The test machinery of the example, kept out of the files users copy. Each variant is a copy of
 * the example in `.variants/<variant>/` with a few files swapped, built and served on its own:
 * - `node`: the example as it is, with proxy.ts (Next 16's proxy, Node runtime);
 * - `edge`: edge-runtime/middleware.ts as `middleware.ts` in place of proxy.ts;
 * - `bad-config`: the node variant with test/bad-config/lib/cors-options.ts, a policy that
 *   must stop `next build` and `next dev` before any traffic.
 * The `node` and `edge` variants also get test/overlay (the shared table, one policy per case on
 * /conformance/*), and an entry file that sends /conformance/mw/* to the case's middleware and
 * everything else to the example's own proxy or middleware.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
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

/** What each variant takes from the example. */
const VARIANTS = {
  node: { entry: 'proxy.ts', exportName: 'proxy', table: true, swap: {} },
  edge: { entry: 'edge-runtime/middleware.ts', exportName: 'middleware', table: true, swap: {} },
  'bad-config': {
    entry: 'proxy.ts',
    exportName: 'proxy',
    table: false,
    swap: { 'lib/cors-options.ts': 'test/bad-config/lib/cors-options.ts' },
  },
}

/** The environment `next build`, `next dev` and `next start` run with. */
function nextEnv() {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
}

/** The folder a variant is copied to, built in and served from. */
export function variantDir(variant) {
  return join(appDir, '.variants', variant)
}

/** Where the variant builds to. */
export function distDir(variant) {
  return join(variantDir(variant), '.next')
}

/** Copies the example into the variant's folder (its .next is kept as Next's build cache). */
export function stage(variant) {
  const v = VARIANTS[variant]
  const dir = variantDir(variant)
  mkdirSync(dir, { recursive: true })
  for (const entry of readdirSync(dir)) if (entry !== '.next') rmSync(join(dir, entry), { recursive: true })
  for (const path of ['app', 'lib', 'next.config.ts', 'package.json']) {
    cpSync(join(appDir, path), join(dir, path), { recursive: true })
  }
  for (const [target, source] of Object.entries(v.swap)) cpSync(join(appDir, source), join(dir, target))
  const tsconfig = JSON.parse(readFileSync(join(appDir, 'tsconfig.json'), 'utf8'))
  tsconfig.extends = '../../../../tsconfig.base.json'
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`)
  const entryName = `${v.exportName}.ts`
  const entry = readFileSync(join(appDir, v.entry), 'utf8')
  if (!v.table) {
    writeFileSync(join(dir, entryName), entry)
    return dir
  }
  cpSync(join(appDir, 'test/overlay'), dir, { recursive: true })
  // The shared table ships as TypeScript source, so Next must compile it.
  cpSync(join(dir, 'next.config.ts'), join(dir, 'next.config.app.ts'))
  writeFileSync(
    join(dir, 'next.config.ts'),
    `import config from './next.config.app'\n\nexport default { ...config, transpilePackages: ['@corsica/testkit'] }\n`,
  )
  // Next reads `config` from the entry file's source, so the matcher is written out again.
  const matcher = /export const config = \{ matcher: \[([^\]]*)\] \}/.exec(entry)?.[1]
  if (matcher === undefined) throw new Error(`no \`export const config = { matcher: [...] }\` in ${v.entry}`)
  writeFileSync(join(dir, 'app-entry.ts'), entry)
  writeFileSync(
    join(dir, entryName),
    `// Written by test/next-app.mjs: the shared table on /conformance/mw/*, the example elsewhere.
import type { NextFetchEvent, NextRequest } from 'next/server'
import * as app from './app-entry'
import { conformanceMiddleware } from './lib/conformance'

export function ${v.exportName}(request: NextRequest, event: NextFetchEvent) {
  // Called with Next's own arguments, as \`export const proxy = createCorsMiddleware(...)\` would be.
  const tableCase = conformanceMiddleware(request.nextUrl.pathname)
  if (tableCase) return tableCase(request, event)
  return app.${v.exportName}(request)
}

export const config = { matcher: [${matcher}, '/conformance/mw/:path*'] }
`,
  )
  return dir
}

/** The staged variant and the workspace packages it bundles: a change calls for a new build. */
function inputFiles(variant) {
  const files = [variantDir(variant)]
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
 * Runs `fn` holding the build lock of `variant` (a directory: mkdir is atomic), so that two test
 * runs in the same tree never stage or build the same folder at once. A lock older than 5
 * minutes was left by a build that was killed.
 */
async function withBuildLock(variant, fn) {
  const lock = join(appDir, '.variants', `${variant}.build-lock`)
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

/** Runs `next <command>` in `dir` to its end; resolves with its exit code and output. */
export function runNext(dir, args, { timeoutMs = 10 * 60_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], {
      cwd: dir,
      env: nextEnv(),
      detached: true, // its own process group, so a timeout ends it and anything it started
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output = []
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => output.push(chunk))
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {}
    }, timeoutMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, output: Buffer.concat(output).toString() })
    })
  })
}

/**
 * Stages `variant` and runs `next build` unless the last build had the same inputs.
 * @returns whether it built, and how long it took in ms
 */
export function buildIfNeeded(variant, options = {}) {
  // Checked under the lock: another run may have just built the same inputs.
  return withBuildLock(variant, () => build(variant, options))
}

async function build(variant, { log = process.stdout }) {
  const dir = stage(variant)
  const stamp = join(distDir(variant), STAMP)
  const inputs = hashInputs(inputFiles(variant))
  if (existsSync(join(distDir(variant), 'BUILD_ID')) && existsSync(stamp)) {
    if (readFileSync(stamp, 'utf8') === inputs) return { built: false, ms: 0 }
  }
  log.write(`[example-next] building the ${variant} variant (next build)\n`)
  const started = Date.now()
  const { code, output } = await runNext(dir, ['build'])
  if (code !== 0) throw new Error(`next build (${variant}) failed with ${code}:\n${output}`)
  writeFileSync(stamp, inputs)
  const ms = Date.now() - started
  log.write(`[example-next] built the ${variant} variant in ${(ms / 1000).toFixed(1)}s\n`)
  return { built: true, ms }
}

/**
 * Starts `next start` for `variant` in its own process group and resolves once it listens.
 * Port 0 (the default) lets the OS pick a free port; the URL Next prints is returned.
 * `maxHeaderSize` raises Node's 16 KB limit on a request's header section.
 */
export async function startNext(
  variant,
  { host = '127.0.0.1', port = 0, stdio = 'pipe', maxHeaderSize } = {},
) {
  const nodeFlags = maxHeaderSize === undefined ? [] : [`--max-http-header-size=${maxHeaderSize}`]
  const child = spawn(process.execPath, [...nodeFlags, nextBin, 'start', '-H', host, '-p', String(port)], {
    cwd: variantDir(variant),
    env: nextEnv(),
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
    child.on('exit', (code) => fail(new Error(`next start (${variant}) exited with ${code}`)))
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
