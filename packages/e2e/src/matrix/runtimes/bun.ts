/**
 * Bun.serve with @corsica/core's own `wrap()` (no adapter: Bun calls fetch(request, server) and
 * wrap hands both through), run by the Bun binary of the npm `bun` package's platform package.
 * Bun runs the TypeScript of the matrix API as it is, no bundle needed.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChild } from '@corsica/testkit/process'
import type { Runtime } from './types'

// The platform package's binary, not `node_modules/.bin/bun`: bun's install script (which puts
// the binary there) does not run here, and a wrapper would outlive a kill.
const fromBun = createRequire(createRequire(import.meta.url).resolve('bun/package.json'))
const BUN = join(dirname(fromBun.resolve(`@oven/bun-linux-x64/package.json`)), 'bin/bun')

const entry = `
import { createCors } from '@corsica/core'
import { matrixApp } from ${JSON.stringify(fileURLToPath(new URL('../app.ts', import.meta.url)))}
const app = matrixApp(Number(process.env.PAGE_PORT), (options, handler) => createCors(options).wrap(handler))
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (request, bun) => app(request, bun) })
console.log('listening on ' + server.port)
`

export const bun: Runtime = bunRuntime('Bun.serve (@corsica/core wrap)', entry)

/** A runtime that runs `entry` (TypeScript, as Bun takes it) with `bun --eval`, started once. */
export function bunRuntime(name: string, entry: string): Runtime {
  return {
    name,
    async start(pagePort) {
      const { child, match } = await startChild(BUN, ['--eval', entry], {
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
        env: { PAGE_PORT: String(pagePort), NO_COLOR: '1' },
        ready: /listening on (\d+)/,
      })
      return { port: Number(match[1]), stop: () => child.stop() }
    },
  }
}
