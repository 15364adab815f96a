/**
 * The Node servers of the `node` suite, each answering `ok` behind one CORS layer (or none), under
 * the small policy every subject of the bench uses: Express 5 with `cors` or `@corsica/node`,
 * Fastify 5 with `@fastify/cors` or `@corsica/fastify`, node:http bare or wrapped in `withCors`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import corsica from '@corsica/fastify'
import { cors as corsicaNode, withCors } from '@corsica/node'
import fastifyCors from '@fastify/cors'
import expressCors from 'cors'
import express from 'express'
import Fastify from 'fastify'
import {
  allowedHeaders,
  allowedMethods,
  allowedOrigins,
  corsicaOptions,
  exposedHeaders,
  maxAge,
} from './policy.js'

/** The servers, by id: a bare one per framework and each CORS layer in it. */
export const nodeVariants = [
  'express-bare',
  'express-cors',
  'express-corsica',
  'fastify-bare',
  'fastify-cors',
  'fastify-corsica',
  'http-bare',
  'http-corsica',
] as const
export type NodeVariant = (typeof nodeVariants)[number]

/** Which bare server each variant is compared with, and which package a Corsica variant replaces. */
export const nodeBaseline: Record<NodeVariant, NodeVariant> = {
  'express-bare': 'express-bare',
  'express-cors': 'express-bare',
  'express-corsica': 'express-bare',
  'fastify-bare': 'fastify-bare',
  'fastify-cors': 'fastify-bare',
  'fastify-corsica': 'fastify-bare',
  'http-bare': 'http-bare',
  'http-corsica': 'http-bare',
}

/** The policy under the names `cors` and `@fastify/cors` share. */
function peerNodeOptions() {
  return {
    origin: [...allowedOrigins],
    methods: [...allowedMethods],
    allowedHeaders: [...allowedHeaders],
    exposedHeaders: [...exposedHeaders],
    credentials: true,
    maxAge,
  }
}

function ok(_req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('content-type', 'text/plain')
  res.end('ok')
}

/** A server of `variant`, not yet listening. */
export async function nodeServer(variant: NodeVariant): Promise<Server> {
  const corsicaPolicy = corsicaOptions('small')
  switch (variant) {
    case 'http-bare':
      return createServer(ok)
    case 'http-corsica':
      return createServer(withCors(corsicaPolicy, ok))
    case 'express-bare':
    case 'express-cors':
    case 'express-corsica': {
      const app = express()
      if (variant === 'express-cors') app.use(expressCors(peerNodeOptions()))
      if (variant === 'express-corsica') app.use(corsicaNode(corsicaPolicy))
      app.use((_req, res) => void res.type('text/plain').send('ok'))
      return createServer(app)
    }
    default: {
      let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined
      const app = Fastify({
        serverFactory(h) {
          handler = h
          return createServer((req, res) => handler!(req, res))
        },
      })
      if (variant === 'fastify-cors') await app.register(fastifyCors, peerNodeOptions())
      if (variant === 'fastify-corsica') await app.register(corsica, corsicaPolicy)
      app.get('/*', async (_request, reply) => reply.type('text/plain').send('ok'))
      await app.ready()
      return app.server
    }
  }
}
