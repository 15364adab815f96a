/**
 * Elysia on Bun with @corsica/elysia: each case of the matrix is its own Elysia app,
 * `new Elysia().use(cors(options))` with one route for every path and method, as a user writes
 * it. The Bun binary is the npm `bun` package's (see ./bun.ts), and Bun runs the TypeScript of the
 * matrix API as it is. One Bun.serve passes each request to its case's app (`app.handle`, what
 * `listen()` serves), since Elysia's onRequest hooks belong to a whole app.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChild } from '@corsica/testkit/process'
import type { Runtime } from './types'

const fromBun = createRequire(createRequire(import.meta.url).resolve('bun/package.json'))
const BUN = join(dirname(fromBun.resolve(`@oven/bun-linux-x64/package.json`)), 'bin/bun')

const entry = `
import { cors } from '@corsica/elysia'
import { Elysia } from 'elysia'
import { matrixApp } from ${JSON.stringify(fileURLToPath(new URL('../app.ts', import.meta.url)))}
const app = matrixApp(Number(process.env.PAGE_PORT), (options, handler) => {
  const elysia = new Elysia().use(cors(options)).all('/*', ({ request }) => handler(request))
  return (request) => elysia.handle(request)
})
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (request) => app(request) })
console.log('listening on ' + server.port)
`

export const elysia: Runtime = {
  name: 'Elysia on Bun (@corsica/elysia)',
  async start(pagePort) {
    const { child, match } = await startChild(BUN, ['--eval', entry], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      env: { PAGE_PORT: String(pagePort), NO_COLOR: '1' },
      ready: /listening on (\d+)/,
    })
    return { port: Number(match[1]), stop: () => child.stop() }
  },
}
