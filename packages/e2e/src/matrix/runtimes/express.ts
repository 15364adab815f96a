/** @corsica/node's cors() in an Express 5 app: one `app.use('/c/<n>', cors(options))` per case. */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createJournal } from '@corsica/demo/journal'
import { cors } from '@corsica/node'
import { apiHandler } from '@corsica/testkit'
import express from 'express'
import { matrixCases } from '../cases'
import { fetchRequestOf, journalAnswer, recordWhenSent, writeAnswer } from './node-journal'
import type { Runtime } from './types'

export const expressNode: Runtime = {
  name: 'Express 5 (@corsica/node)',
  async start(pagePort) {
    const journal = createJournal()
    const app = express()
    app.get('/_journal', (req, res) => journalAnswer(journal, req, res))
    app.use((req, res, next) => {
      recordWhenSent(journal, req, res)
      next()
    })
    matrixCases(pagePort).forEach((c, n) => {
      app.use(`/c/${n}`, cors({ ...c.options, onRefuse: journal.refused }), (req, res) => {
        journal.handlerRan(fetchRequestOf(req))
        void writeAnswer(apiHandler(), res)
      })
    })
    app.use((_req, res) => void res.status(404).send('no such case'))
    const server = createServer(app)
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
