/** @corsica/h3 from the tarball, in an h3 v2 app on h3's own `serve` (Node), over a real socket. */
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { expectCors, sendAll } from './cors.ts'
import { type Server, startServer } from './process.ts'

const app = inject('app')
let server: Server

beforeAll(async () => {
  server = await startServer(process.execPath, ['h3.mjs'], { cwd: app, timeoutMs: 30_000 })
})
afterAll(() => server?.stop())

describe('@corsica/h3 on Node', () => {
  it('answers a preflight and an actual request', async () => {
    expectCors(await sendAll(`${server.url}/api/items`))
  })
})
