/**
 * @corsica/fastify registered at the root of a Fastify 5 app, one app per case (the plugin's
 * options are the app's), served side by side by one node:http server that picks the app by path.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createJournal } from '@corsica/demo/journal'
import corsica from '@corsica/fastify'
import { apiHandler } from '@corsica/testkit'
import Fastify from 'fastify'
import { matrixCases } from '../cases'
import { fetchRequestOf, journalAnswer, recordWhenSent } from './node-journal'
import type { Runtime } from './types'

type Listener = (req: IncomingMessage, res: ServerResponse) => void

export const fastifyNode: Runtime = {
  name: 'Fastify 5 (@corsica/fastify)',
  async start(pagePort) {
    const journal = createJournal()
    const apps = await Promise.all(
      matrixCases(pagePort).map(async (c) => {
        let handler: Listener | undefined
        const app = Fastify({
          serverFactory(h) {
            handler = h
            return createServer()
          },
        })
        await app.register(corsica, { ...c.options, onRefuse: journal.refused })
        app.all('/*', async (request, reply) => {
          journal.handlerRan(fetchRequestOf(request.raw))
          const answer = apiHandler()
          answer.headers.forEach((value, name) => {
            reply.header(name, value)
          })
          return reply.code(answer.status).send(await answer.text())
        })
        await app.ready()
        return handler!
      }),
    )
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/_journal')) return journalAnswer(journal, req, res)
      recordWhenSent(journal, req, res)
      const app = apps[Number(/^\/c\/(\d+)/.exec(req.url ?? '')?.[1] ?? -1)]
      if (app) app(req, res)
      else res.writeHead(404).end('no such case')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return {
      port: (server.address() as AddressInfo).port,
      stop: () =>
        new Promise<void>((done) => {
          server.close(() => done())
          server.closeAllConnections()
        }),
    }
  },
}
