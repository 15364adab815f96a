/** @corsica/core's own `wrap`, on node:http through the demo's Request/Response bridge. */
import { createCors } from '@corsica/core'
import { serve } from '@corsica/demo'
import { matrixApp } from '../app'
import type { Runtime } from './types'

export const coreNode: Runtime = {
  name: 'core on Node (node:http)',
  async start(pagePort) {
    const app = matrixApp(pagePort, (options, handler) => createCors(options).wrap(handler))
    const server = await serve((request) => app(request), { port: 0, what: 'matrix API' })
    return { port: server.port, stop: server.close }
  },
}
