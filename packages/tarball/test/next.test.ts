/**
 * @corsica/next from the tarball in a minimal Next app: `next build && next start`. proxy.js
 * covers /api (the route has no CORS code), app/wrapped uses withCors.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { expectCors, sendAll } from './cors.ts'
import { run, type Server, startServer } from './process.ts'

const app = inject('app')
const next = join(app, 'node_modules/next/dist/bin/next')
let server: Server

beforeAll(async () => {
  const built = await run(process.execPath, [next, 'build'], { cwd: app, timeoutMs: 240_000 })
  console.log(`[tarball] next build took ${(built.ms / 1000).toFixed(1)} s`)
  server = await startServer(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', '0'], {
    cwd: app,
    timeoutMs: 30_000,
  })
})
afterAll(() => server?.stop())

describe('@corsica/next in next build && next start', () => {
  it('createCorsMiddleware in proxy.js answers a preflight and an actual request', async () => {
    expectCors(await sendAll(`${server.url}/api/items`))
  })

  it('withCors on a route answers a preflight and an actual request', async () => {
    expectCors(await sendAll(`${server.url}/wrapped`))
  })
})
