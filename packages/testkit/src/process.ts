/**
 * @module @corsica/testkit/process: child processes for the tests (Deno, workerd, nginx, Xvfb,
 * WebKitWebDriver): each in its own process group, so that
 * stopping it by PID also ends anything it started; never left running after a test.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** A started child process. */
export interface Child {
  process: ChildProcess
  /** Everything it printed so far (stdout and stderr), for error messages. */
  output(): string
  /** Ends the process group (SIGTERM, then SIGKILL after `graceMs`) and waits for the exit. */
  stop(graceMs?: number): Promise<void>
}

/**
 * Starts `command` and resolves once its output matches `ready` (with the match), or once it has
 * started when there is no `ready`; rejects with its output after `timeoutMs`.
 */
export function startChild(
  command: string,
  args: string[],
  options: {
    env?: Record<string, string>
    cwd?: string
    /** Matched against everything the child writes to stdout, stderr and (if any) fd 3. */
    ready?: RegExp
    timeoutMs?: number
    /** Give the child a pipe on fd 3 (workerd's --control-fd reports its ports there). */
    fd3?: boolean
  },
): Promise<{ child: Child; match: RegExpMatchArray }> {
  const proc = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: options.fd3 ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: kill(-pid) reaches its children too
  })
  let output = ''
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const child: Child = {
    process: proc,
    output: () => output,
    async stop(graceMs = 3000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return
      signalGroup(proc, 'SIGTERM')
      const timer = setTimeout(() => signalGroup(proc, 'SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(async () => {
      await child.stop()
      reject(new Error(`${command} did not become ready in ${options.timeoutMs ?? 30_000} ms:\n${output}`))
    }, options.timeoutMs ?? 30_000)
    if (!options.ready) {
      proc.once('spawn', () => {
        clearTimeout(timer)
        resolve({ child, match: ''.match(/^/)! })
      })
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = options.ready && output.match(options.ready)
      if (match) {
        clearTimeout(timer)
        resolve({ child, match })
      }
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', onData)
    if (options.fd3) (proc.stdio[3] as NodeJS.ReadableStream).on('data', onData)
    proc.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    proc.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`${command} exited (${signal ?? code}) before it was ready:\n${output}`))
    })
  })
}

function signalGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-proc.pid!, signal)
  } catch {
    // Already gone.
  }
}

/** A port that was free a moment ago, for servers that cannot listen on port 0 and report it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** An example's server, started: the process, and the URL it listens on. */
export interface StartedExample {
  child: Child
  url: string
}

/**
 * Runs an example as its README says, `pnpm start` in `dir`, on a free port (PORT=0); resolves once
 * it prints `listening on <url>`, with that URL.
 */
export async function startExample(dir: string): Promise<StartedExample> {
  const { child, match } = await startChild('pnpm', ['start'], {
    cwd: dir,
    env: { PORT: '0' },
    ready: /listening on (http:\/\/[^\s/]+)/,
  })
  return { child, url: match[1]! }
}
