/**
 * Run by Bun (`bun run test/servers.ts`, from test/global-setup.ts): every case of the shared
 * table as its own Elysia app, `new Elysia().use(cors(options))…listen()` on 127.0.0.1 port 0 as
 * a user writes it, and the apps of the named pitfalls. Prints one line `READY {json}` with the
 * port of each.
 */
import {
  type Case,
  cases,
  continueCases,
  csrfCases,
  handlers,
  type PerOriginCase,
  perOriginCases,
} from '@corsica/testkit'
import { Elysia, status } from 'elysia'
import { cors } from '../src/index.ts'

export const APP = 'https://app.test'

function tableApp(c: Case | PerOriginCase) {
  const handler = handlers[c.handler ?? 'ok']
  return new Elysia()
    .use(cors(c.options))
    .all('/', ({ request }) => handler(request))
    .all('/*', ({ request }) => handler(request))
    .listen({ hostname: '127.0.0.1', port: 0 })
}

class Teapot extends Error {}

/** The pitfalls: values, errors and 404s behind one policy. */
const pitfalls = new Elysia()
  .use(
    cors({
      origin: [APP],
      credentials: true,
      allowedHeaders: ['content-type'],
      exposedHeaders: ['x-request-id'],
    }),
  )
  .error({ TEAPOT: Teapot })
  .onError(({ code }) => {
    if (code === 'TEAPOT') return Response.json({ error: 'teapot' }, { status: 418 })
  })
  .get('/json', () => ({ notes: [] }))
  .get('/text', () => 'plain')
  .get('/vary', ({ set }) => {
    set.headers.vary = 'Accept-Encoding'
    return 'varies'
  })
  .get('/status', () => status(409, { error: 'conflict' }))
  .get('/throw-status', () => {
    throw status(401, 'who are you')
  })
  .get('/throw', () => {
    throw new Error('boom')
  })
  .get('/on-error', () => {
    throw new Teapot()
  })
  .get('/redirect', () => Response.redirect('https://elsewhere.test/', 302))
  .get('/own-cors', () => new Response('own', { headers: { 'access-control-allow-origin': '*' } }))
  .post('/notes', ({ body }) => body)
  .listen({ hostname: '127.0.0.1', port: 0 })

/** An earlier onRequest hook (a request-id plugin, a badly written CORS one) sets headers first. */
const earlier = new Elysia()
  .onRequest(({ set }) => {
    set.headers['x-request-id'] = 'req-1'
    set.headers['access-control-allow-origin'] = '*'
  })
  .use(cors({ origin: [APP] }))
  .get('/', () => 'ok')
  .listen({ hostname: '127.0.0.1', port: 0 })

const ports = {
  table: cases.map((c) => tableApp(c).server!.port),
  continue: continueCases.map((c) => tableApp(c).server!.port),
  csrf: csrfCases.map((c) => tableApp(c).server!.port),
  perOrigin: perOriginCases.map((c) => tableApp(c).server!.port),
  pitfalls: pitfalls.server!.port,
  earlier: earlier.server!.port,
}
console.log(`READY ${JSON.stringify(ports)}`)
