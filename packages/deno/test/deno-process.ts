/**
 * Runs the real Deno binary from the npm `deno` package, from Node, for the tests.
 *
 * Every process gets its own process group (`detached: true` calls setsid), a time bound,
 * and is stopped by PID, group included, so a test run never leaves Deno behind. The binary
 * is run directly: the `.bin/deno` wrapper would leave its child running when killed.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** packages/deno, absolute. */
export const packageDir: string = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** The native binary the npm `deno` package installs (from its optional platform dependency). */
export const denoBinary: string = join(packageDir, 'node_modules/deno/deno')

/**
 * Deno's cache lives under node_modules, so nothing lands in the repo. Deno runs in the OS
 * temp dir, outside the repo: when an `npm:` import fails to resolve and a pnpm-workspace.yaml
 * sits in the working directory or above, Deno 2.9 rewrites the root package.json
 * ("Migrated its workspace configuration"). Every path it gets is absolute.
 */
export function denoEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    DENO_DIR: join(packageDir, 'node_modules/.cache/deno'),
    NO_COLOR: '1',
    DENO_NO_UPDATE_CHECK: '1',
    DENO_NO_PROMPT: '1',
    ...extra,
  }
}

/** Where Deno processes run: outside any pnpm workspace (see {@link denoEnv}). */
export const denoCwd: string = process.env['TMPDIR'] ?? '/tmp'

/** The result of a finished Deno command. */
export interface DenoRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  timedOut: boolean
  ms: number
}

function start(args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(denoBinary, args, {
    cwd: denoCwd,
    env: denoEnv(env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Kills a process group by its leader's PID; a group already gone is fine. */
export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}

/** Whether any process of the group led by `pid` is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** Runs `deno <args>` to completion, killing its group after `timeoutMs`. */
export function runDeno(
  args: readonly string[],
  options: { timeoutMs: number; env?: Record<string, string> },
): Promise<DenoRun> {
  const began = Date.now()
  const child = start(args, options.env ?? {})
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    killGroup(child.pid!)
  }, options.timeoutMs)
  return new Promise((resolvePromise, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      killGroup(child.pid!) // anything the command started and left behind
      resolvePromise({ code, signal, stdout, stderr, timedOut, ms: Date.now() - began })
    })
  })
}

/** A Deno server running in its own process group. */
export interface DenoServer {
  pid: number
  port: number
  origin: string
  /** Output so far, for failure messages. */
  output(): string
  /** Stops the whole group (SIGTERM, then SIGKILL after 3 s); rejects if any of it survives. */
  stop(): Promise<void>
}

/**
 * Starts `deno <args>` as a server and resolves once it prints Deno.serve's
 * "Listening on http://127.0.0.1:PORT/" line. Fails after `timeoutMs`, killing it.
 */
export function startDenoServer(
  args: readonly string[],
  options: { timeoutMs: number; env?: Record<string, string> },
): Promise<DenoServer> {
  const child = start(args, options.env ?? {})
  const pid = child.pid!
  let output = ''
  const exited = new Promise<void>((done) => child.on('close', () => done()))
  const stop = async (): Promise<void> => {
    killGroup(pid, 'SIGTERM')
    const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 3000)
    await exited
    clearTimeout(timer)
    killGroup(pid, 'SIGKILL')
    if (groupAlive(pid)) throw new Error(`deno server group ${pid} is still running after SIGKILL`)
  }
  return new Promise((resolvePromise, reject) => {
    const fail = (why: string) => {
      const error = new Error(`${why}\n--- deno output ---\n${output}`)
      stop().then(() => reject(error), reject)
    }
    const timer = setTimeout(
      () => fail(`deno server did not listen within ${options.timeoutMs} ms`),
      options.timeoutMs,
    )
    const onData = (chunk: string) => {
      output += chunk
      const match = /Listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        const port = Number(match[1])
        resolvePromise({ pid, port, origin: `http://127.0.0.1:${port}`, output: () => output, stop })
      }
    }
    child.stdout!.setEncoding('utf8').on('data', onData)
    child.stderr!.setEncoding('utf8').on('data', onData)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      reject(new Error(`deno server exited with ${code} before listening\n${output}`))
    })
  })
}

/**
 * Serves `script` with `deno run --check`: type-checked, local imports only, network limited to
 * 127.0.0.1, on port 0 (the script reads PORT, or listens on port 0 itself).
 */
export function serveScript(
  script: string,
  options: { config: string; allowEnv?: readonly string[]; env?: Record<string, string> },
): Promise<DenoServer> {
  const args = ['run', '--check', '--no-remote', '--allow-net=127.0.0.1', `--config=${options.config}`]
  if (options.allowEnv) args.push(`--allow-env=${options.allowEnv.join(',')}`)
  return startDenoServer([...args, script], { timeoutMs: 45_000, env: { PORT: '0', ...options.env } })
}
