/** Child processes for the tarball tests: each in its own process group, time-bounded, stopped by PID. */
import { spawn } from 'node:child_process'

/** The environment of a user's shell: pnpm's npm_config_* variables from `pnpm test` left out. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|PNPM_)/i.test(name)) env[name] = value
  }
  return { ...env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', ...extra }
}

/** The result of a finished command. */
export interface Run {
  code: number | null
  /** stdout and stderr, interleaved. */
  output: string
  stdout: string
  ms: number
}

/** Runs a command to completion; rejects (with its output) when it fails or outlasts `timeoutMs`. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv; allowFailure?: boolean },
): Promise<Run> {
  const began = Date.now()
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? userEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const timer = setTimeout(() => killGroup(child.pid!), options.timeoutMs)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      killGroup(child.pid!)
      const result = { code, output, stdout, ms: Date.now() - began }
      if (code === 0 || options.allowFailure) resolve(result)
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code} in ${options.cwd}:\n${output}`))
    })
  })
}

/** A started server: its base URL and a stop() that ends its whole process group. */
export interface Server {
  url: string
  stop(): Promise<void>
}

/** Starts a server; resolves with the URL once it prints `listening on <url>` (or Next's `Local: <url>`). */
export function startServer(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<Server> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? userEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    killGroup(child.pid!, 'SIGTERM')
    const timer = setTimeout(() => killGroup(child.pid!), 5_000)
    await exited
    clearTimeout(timer)
    killGroup(child.pid!) // anything it started and left behind
  }
  let output = ''
  return new Promise((resolve, reject) => {
    const fail = (why: string) => stop().then(() => reject(new Error(`${command} ${why}:\n${output}`)))
    const timer = setTimeout(() => fail(`was not ready in ${options.timeoutMs} ms`), options.timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk
      const url = /(?:listening on|Local:)\s+(http:\/\/[^\s/]+)/.exec(output)?.[1]
      if (url && (!output.includes('Local:') || output.includes('Ready in'))) {
        clearTimeout(timer)
        resolve({ url, stop })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`))
    })
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
