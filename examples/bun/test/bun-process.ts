/**
 * Runs the real Bun binary (see scripts/bun.mjs) from Node, for the tests: each process in its own
 * process group (`detached` calls setsid), with a time bound, stopped by PID, group included.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { bunBinary } from '../scripts/bun.mjs'

/** examples/bun, absolute: Bun runs here, so it resolves this package's node_modules. */
export const exampleDir: string = fileURLToPath(new URL('..', import.meta.url))

/** Output and outcome of a Bun process. */
export interface BunRun {
  code: number | null
  stdout: string
  stderr: string
  timedOut: boolean
}

function start(args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(bunBinary(), args, {
    cwd: exampleDir,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? '/tmp',
      NO_COLOR: '1',
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Kills a process group by its leader's PID; a group already gone is fine. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}

/** Runs `bun <args>` to completion; its group is killed after `timeoutMs`. */
export function runBun(args: readonly string[], timeoutMs: number): Promise<BunRun> {
  const child = start(args, {})
  const run: BunRun = { code: null, stdout: '', stderr: '', timedOut: false }
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (run.stdout += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk))
  const timer = setTimeout(() => {
    run.timedOut = true
    killGroup(child.pid!, 'SIGKILL')
  }, timeoutMs)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      killGroup(child.pid!, 'SIGKILL') // anything it left behind
      resolve({ ...run, code })
    })
  })
}

/** A Bun server running in its own process group. */
export interface BunServer {
  origin: string
  output(): string
  stop(): Promise<void>
}

/** Starts `bun <script>` with PORT=0 and resolves once it prints `Listening on http://127.0.0.1:PORT/`. */
export function startBunServer(script: string, timeoutMs = 30_000): Promise<BunServer> {
  const child = start([script], { PORT: '0' })
  const pid = child.pid!
  let output = ''
  const exited = new Promise<void>((done) => child.on('close', () => done()))
  const stop = async () => {
    killGroup(pid, 'SIGTERM')
    const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 3000)
    await exited
    clearTimeout(timer)
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => stop().then(() => reject(new Error(`bun did not listen:\n${output}`))),
      timeoutMs,
    )
    const onData = (chunk: string) => {
      output += chunk
      const match = /Listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ origin: match[1]!, output: () => output, stop })
      }
    }
    child.stdout!.setEncoding('utf8').on('data', onData)
    child.stderr!.setEncoding('utf8').on('data', onData)
    child.on('close', (code) => {
      clearTimeout(timer)
      reject(new Error(`bun exited with ${code} before listening:\n${output}`))
    })
  })
}
