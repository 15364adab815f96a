/** Runs an example's `pnpm start` in its own process group, as a reader of its README would, and sends it requests. */
import { spawn } from 'node:child_process'
import { request } from 'undici'

/** A started example: its base URL and a stop() that ends the whole process group. */
export interface Started {
  url: string
  stop(): Promise<void>
}

/** Starts `pnpm start` in `cwd` on a free port; resolves when it prints `listening on <url>`. */
export function startExample(cwd: string, timeoutMs = 30_000): Promise<Started> {
  const child = spawn('pnpm', ['start'], {
    cwd,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // kill(-pid) then reaches pnpm, its shell and the server
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {} // already gone
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    signal('SIGTERM')
    const timer = setTimeout(() => signal('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => stop().then(() => reject(new Error(`not ready in ${timeoutMs} ms:\n${output}`))),
      timeoutMs,
    )
    const onData = (chunk: Buffer) => {
      output += chunk
      const url = /listening on (http:\/\/[^\s/]+)/.exec(output)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve({ url, stop })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`pnpm start exited (${code}) before it was ready:\n${output}`))
    })
  })
}

/** What a test reads of a response: status, a header getter (lines joined as Fetch does) and the body. */
export interface Answer {
  status: number
  header(name: string): string | null
  text: string
}

/** Sends one request with undici, headers exactly as given. */
export async function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const res = await request(url, { method, headers, body })
  const text = await res.body.text()
  const header = (name: string) => {
    const value = res.headers[name]
    return Array.isArray(value) ? value.join(', ') : (value ?? null)
  }
  return { status: res.statusCode, header, text }
}
