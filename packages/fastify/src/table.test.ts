/**
 * The shared table (and the preflightContinue and per-origin tables) over real HTTP through the plugin,
 * registered at the root of a Fastify 5 app: one app per case, served side by side on one
 * server on 127.0.0.1 (`/c/<n>/`), undici sending each case's request.
 */
import { adapterCases, checkOutcome } from '@corsica/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch, listen, type Running, sendCase } from '../../node/test/http.ts'
import { answer, fastifyApp } from '../test/app.ts'
import corsica from './index.ts'

// Per-origin rows register the plugin with a list of options objects.
const table = adapterCases

describe('corsica registered at the root of a Fastify 5 app, over HTTP', () => {
  let server: Running
  beforeAll(async () => {
    const listeners = await Promise.all(
      table.map(async (c) => {
        const { app, listener } = fastifyApp()
        await app.register(corsica, c.options)
        app.all('/*', (_request, reply) => answer(c, reply))
        return listener()
      }),
    )
    server = await listen(dispatch(listeners))
  })
  afterAll(() => server.close())

  it.each(table.map((c, i) => [c.name, c, i] as const))('%s', async (_, c, i) => {
    const observed = await sendCase(c, server.base, `/c/${i}`)
    expect(checkOutcome(c, observed)).toEqual([])
  })
})
