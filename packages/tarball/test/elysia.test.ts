/**
 * @corsica/elysia from the tarball, in an Elysia app run by Bun over a real socket. Bun is the
 * workspace's (the npm `bun` package's platform binary, as packages/elysia runs it); the
 * packages, elysia included, are the fresh project's.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { expectCors, sendAll } from './cors.ts'
import { type Server, startServer } from './process.ts'

const fromBun = createRequire(createRequire(import.meta.url).resolve('bun/package.json'))
const BUN = join(dirname(fromBun.resolve('@oven/bun-linux-x64/package.json')), 'bin/bun')
const app = inject('app')
let server: Server

beforeAll(async () => {
  server = await startServer(BUN, ['run', 'elysia.mjs'], { cwd: app, timeoutMs: 30_000 })
})
afterAll(() => server?.stop())

describe('@corsica/elysia on Bun', () => {
  it('answers a preflight and an actual request', async () => {
    expectCors(await sendAll(`${server.url}/api/items`))
  })
})
