/**
 * Elysia on Bun with @corsica/elysia: each case of the matrix is its own Elysia app,
 * `new Elysia().use(cors(options))` with one route for every path and method, as a user writes
 * it. The Bun binary is the npm `bun` package's (see ./bun.ts), and Bun runs the TypeScript of the
 * matrix API as it is. One Bun.serve passes each request to its case's app (`app.handle`, what
 * `listen()` serves), since Elysia's onRequest hooks belong to a whole app.
 */
import { fileURLToPath } from 'node:url'
import { bunRuntime } from './bun'

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

export const elysia = bunRuntime('Elysia on Bun (@corsica/elysia)', entry)
