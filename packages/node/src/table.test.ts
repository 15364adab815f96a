/**
 * The shared table (and the preflightContinue and per-origin tables) over real HTTP, through `cors()` in
 * Express 5, Express 4 and Connect, and through `withCors()` on node:http: one server per
 * framework on 127.0.0.1, one app per case on it (`/c/<n>/`), undici sending each case's request.
 */
import type { RequestListener } from 'node:http'
import { type AdapterCase, adapterCases, checkOutcome } from '@corsica/testkit'
import connect from 'connect'
import express5 from 'express'
import express4 from 'express4'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answer, dispatch, listen, type Running, sendCase } from '../test/http.ts'
import { cors, withCors } from './index.ts'

// Per-origin rows pass a list of options objects to the same cors().
const table = adapterCases

/** How each framework puts `cors(options)` before the case's handler. */
const frameworks: Record<string, (c: AdapterCase) => RequestListener> = {
  'Express 5': (c) => {
    const app = express5()
    app.use(cors(c.options))
    app.use((req, res) => void answer(c, req, res))
    return app
  },
  'Express 4': (c) => {
    const app = express4()
    app.use(cors(c.options))
    app.use((req: any, res: any) => void answer(c, req, res))
    return app as unknown as RequestListener
  },
  Connect: (c) => {
    const app = connect()
    app.use(cors(c.options))
    app.use((req: any, res: any) => void answer(c, req, res))
    return app as unknown as RequestListener
  },
  'node:http (res.setHeader)': (c) => withCors(c.options, (req, res) => void answer(c, req, res)),
  'node:http (res.writeHead with headers)': (c) =>
    withCors(c.options, (req, res) => void answer(c, req, res, 'writeHead')),
}

for (const [name, build] of Object.entries(frameworks)) {
  describe(`cors() in ${name}, over HTTP`, () => {
    let server: Running
    beforeAll(async () => {
      const apps = table.map(build)
      server = await listen(dispatch(apps))
    })
    afterAll(() => server.close())

    it.each(table.map((c, i) => [c.name, c, i] as const))('%s', async (_, c, i) => {
      const observed = await sendCase(c, server.base, `/c/${i}`)
      expect(checkOutcome(c, observed)).toEqual([])
    })
  })
}
