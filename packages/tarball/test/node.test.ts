/** @corsica/node's cors() in Express 5, from the tarball, over a real socket. */
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { expectCors, sendAll } from './cors.ts'
import { type Server, startServer } from './process.ts'

const app = inject('app')
let server: Server

beforeAll(async () => {
  server = await startServer(process.execPath, ['express.mjs'], { cwd: app, timeoutMs: 30_000 })
})
afterAll(() => server?.stop())

describe("@corsica/node's cors() in Express 5", () => {
  it('answers a preflight and an actual request', async () => {
    expectCors(await sendAll(`${server.url}/api/items`))
  })
})
