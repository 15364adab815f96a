/** @corsica/hono's middleware in a Hono app, on @hono/node-server. */
import type { AddressInfo } from 'node:net'
import { cors } from '@corsica/hono'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { matrixApp } from '../app'
import type { Runtime } from './types'

export const honoNode: Runtime = {
  name: 'Hono on Node (@corsica/hono)',
  async start(pagePort) {
    const app = matrixApp(pagePort, (options, handler) => {
      const hono = new Hono()
      hono.use(cors(options))
      hono.all('*', (c) => handler(c.req.raw))
      return (request) => hono.fetch(request)
    })
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: (request) => app(request), port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    const { port } = server.address() as AddressInfo
    return {
      port,
      stop: () =>
        new Promise<void>((done) => {
          server.close(() => done())
          if ('closeAllConnections' in server) server.closeAllConnections()
        }),
    }
  },
}
