/** Starts the csrf API (server-entry.ts) in Deno, bundled like the matrix's Deno runtime. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChild } from '@corsica/testkit/process'
import { bundle } from '../matrix/runtimes/bundle'

const DENO = fileURLToPath(new URL('../../node_modules/deno/deno', import.meta.url))

/** The running csrf API. */
export interface CsrfApi {
  port: number
  /** Per submission id: whether the handler ran, and the status of the answer. */
  seen(): Promise<Record<string, { ran: boolean; status?: number }>>
  /** What the server printed (the default refusal log among it). */
  log(): string
  stop(): Promise<void>
}

export async function startCsrfApi(): Promise<CsrfApi> {
  const dir = await mkdtemp(join(tmpdir(), 'corsica-csrf-'))
  const script = join(dir, 'server.js')
  await bundle(fileURLToPath(new URL('./server-entry.ts', import.meta.url)), script)
  const { child, match } = await startChild(
    DENO,
    ['run', '--quiet', '--no-prompt', '--allow-net=127.0.0.1', script],
    { env: { NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' }, ready: /listening on (\d+)/ },
  )
  const port = Number(match[1])
  return {
    port,
    async seen() {
      return (await (await fetch(`http://127.0.0.1:${port}/_seen`)).json()) as Record<
        string,
        { ran: boolean; status?: number }
      >
    },
    log: () => child.output(),
    async stop() {
      await child.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
