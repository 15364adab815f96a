/**
 * Fastify apps for the tests: built once each (ready, not listening), then served together by one
 * node:http server on 127.0.0.1 that hands each request to its app's own request handler.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import { type Case, handlers } from '@corsica/testkit'
import Fastify, { type FastifyInstance } from 'fastify'

/**
 * A Fastify app that does not listen itself; `listener()` readies it (after the test registered
 * its plugins and routes) and returns the request handler a server would call.
 */
export function fastifyApp(): { app: FastifyInstance; listener(): Promise<RequestListener> } {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined
  const app = Fastify({
    serverFactory(h) {
      handler = h
      return createServer()
    },
  })
  // A body of any type (the table's POSTs send one without Content-Type) is read and ignored.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', (_request, _payload, done) => done(null))
  return {
    app,
    listener: async () => {
      await app.ready()
      return handler!
    },
  }
}

/** The case's handler (a testkit Fetch handler) answering through Fastify's reply. */
export async function answer(c: Pick<Case, 'handler'>, reply: import('fastify').FastifyReply): Promise<void> {
  const response = handlers[c.handler ?? 'ok'](new Request('http://api.test/'))
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  reply.code(response.status).headers(headers)
  return reply.send(await response.text())
}
