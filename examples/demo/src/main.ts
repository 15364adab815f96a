/**
 * `pnpm demo`: starts the demo, prints where to look, runs until Ctrl-C.
 *
 * Ports come from flags (`--app-port 5173 --other-port 5174 --api-port 8787`) or the
 * environment (`APP_PORT`, `OTHER_PORT`, `API_PORT`); 0 picks a free port.
 */
import { parseArgs } from 'node:util'
import { DEFAULTS, type DemoOptions, startDemo } from './demo'
import { PortInUseError } from './serve'

const USAGE = `Usage: pnpm demo [--app-port N] [--other-port N] [--api-port N]
  (or APP_PORT, OTHER_PORT, API_PORT in the environment; 0 picks a free port)`

function port(
  flag: string | undefined,
  env: string | undefined,
  fallback: number,
  names: [string, string],
): number {
  const text = flag ?? env
  const name = flag === undefined ? names[1] : names[0]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535, got '${text}'.\n${USAGE}`)
  }
  return value
}

function options(): Partial<DemoOptions> {
  const { values } = parseArgs({
    options: {
      'app-port': { type: 'string' },
      'other-port': { type: 'string' },
      'api-port': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const env = process.env
  return {
    appPort: port(values['app-port'], env['APP_PORT'], DEFAULTS.appPort, ['--app-port', 'APP_PORT']),
    otherPort: port(values['other-port'], env['OTHER_PORT'], DEFAULTS.otherPort, [
      '--other-port',
      'OTHER_PORT',
    ]),
    apiPort: port(values['api-port'], env['API_PORT'], DEFAULTS.apiPort, ['--api-port', 'API_PORT']),
  }
}

async function main(): Promise<void> {
  const demo = await startDemo(options())
  const { app, other, api } = demo.urls
  const width = Math.max(app.length, other.length, api.length)
  console.log(`
  Corsica demo: see CORS work, and fail for the right reasons.

    Open ${app}/ in Chrome, Edge or Firefox.

    front-end   ${app.padEnd(width)}   listed in the API's policy
    elsewhere   ${other.padEnd(width)}   a second origin the policy does not list
    API         ${api.padEnd(width)}   protected by @corsica/core

  Press Ctrl-C to stop.
`)
  let stopping = false
  const shutdown = async () => {
    if (stopping) return
    stopping = true
    await demo.stop()
    console.log('  Stopped.')
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  if (error instanceof PortInUseError) console.error(`\n  ${error.message}\n`)
  else console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
