/** @corsica/hono from the tarball, in a Hono app on @hono/node-server, over a real socket. */
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { expectCors, sendAll } from './cors.ts'
import { type Server, startServer } from './process.ts'

const app = inject('app')

describe.each(['hono.mjs', 'hono-lite.mjs'])('@corsica/hono on @hono/node-server, %s', (file) => {
  let server: Server
  beforeAll(async () => {
    server = await startServer(process.execPath, [file], { cwd: app, timeoutMs: 30_000 })
  })
  afterAll(() => server?.stop())

  it('answers a preflight and an actual request', async () => {
    expectCors(await sendAll(`${server.url}/api/items`))
  })
})
