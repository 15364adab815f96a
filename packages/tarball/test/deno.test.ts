/**
 * @corsica/deno from the tarball under `deno run`, started in the project: Deno resolves the
 * package through the project's package.json and node_modules, as npm installed it.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { expectCors, sendAll } from './cors.ts'
import { type Server, startServer, userEnv } from './process.ts'

const app = inject('app')
const deno = fileURLToPath(new URL('../node_modules/deno/deno', import.meta.url))
let server: Server

beforeAll(async () => {
  server = await startServer(deno, ['run', '--allow-net=127.0.0.1', 'deno.ts'], {
    cwd: app,
    timeoutMs: 60_000,
    env: userEnv({ DENO_DIR: join(app, '.deno'), DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' }),
  })
})
afterAll(() => server?.stop())

describe('@corsica/deno under deno run', () => {
  it('answers a preflight and an actual request', async () => {
    expectCors(await sendAll(`${server.url}/api/items`))
  })
})
