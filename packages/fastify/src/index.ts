/** @module A Fastify 5 plugin for CORS, backed by @corsica/core. */
import {
  applyCorsHeaders,
  type CorsDecision,
  type CorsHeaders,
  type CorsOptions,
  type CorsOptionsList,
  type CorsPolicy,
  createCorsAt,
  isThenable,
  type ListedHeaderStore,
  writeAnswerHeaders,
} from '@corsica/core'
import { RequestView } from '@corsica/node'
import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify'

export type {
  CorsOptions,
  CorsOptionsList,
  CorsRefusal,
  OriginFunction,
  OriginMatcher,
  OriginOption,
  RefusalCode,
} from '@corsica/core'
export { CorsConfigError } from '@corsica/core'

/**
 * The options (an object, or a list of them for settings that differ per origin: each request
 * is decided by the first entry whose `origin` grants it); an origin function receives
 * `(origin, request, fastifyRequest, reply)`.
 */
export type FastifyCorsOptions =
  | CorsOptions<[request: FastifyRequest, reply: FastifyReply]>
  | CorsOptionsList<[request: FastifyRequest, reply: FastifyReply]>

/** Where onRequest leaves the decided headers for onSend. */
const CORS = Symbol('corsica.headers')
type WithCors = FastifyRequest & { [CORS]: CorsHeaders | null }

/**
 * The plugin: preflights are answered from an `onRequest` hook (no route is needed for them),
 * every other reply gets its CORS headers in `onSend`, Fastify's error replies and 404s included.
 * Like `@fastify/cors` (which wraps itself in fastify-plugin), it is not encapsulated: its hooks
 * belong to the context that registers it, the whole app when that is the root.
 * @example await app.register(corsica, { origin: ['https://app.example.com'], credentials: true })
 */
export const corsica: FastifyPluginCallback<FastifyCorsOptions> = Object.assign(
  function corsica(fastify: FastifyInstance, options: FastifyCorsOptions, done: (error?: Error) => void) {
    let policy: CorsPolicy<[FastifyRequest, FastifyReply]>
    try {
      policy = createCorsAt(corsica, options, {
        problem: 'is never called: Fastify answers what a route throws, and the CORS headers are added.',
        fix: 'leave it out; shape error answers with fastify.setErrorHandler((error, request, reply) => ...).',
      })
    } catch (error) {
      // The registration fails (`await app.register(...)`, `ready()`, `listen()` reject with it).
      done(error as Error)
      return
    }
    if (!fastify.hasRequestDecorator(CORS as never)) fastify.decorateRequest(CORS as never, null as never)

    fastify.addHook('onRequest', function corsOnRequest(request, reply, next) {
      const decision = policy.decide(new RequestView(request.raw), request, reply)
      if (isThenable<CorsDecision>(decision)) decision.then((d) => act(d, request, reply, next), next)
      else act(decision, request, reply, next)
    })

    fastify.addHook('onSend', function corsOnSend(request, reply, payload, next) {
      const cors = (request as WithCors)[CORS]
      if (cors !== null) applyCorsHeaders(new ReplyHeaders(reply), cors)
      next(null, payload)
    })

    // Fastify routes a request that matches no route to the not-found handler of the context that
    // set it, the root's unless the app set its own, and only that context's hooks run. At the
    // root, our onRequest hook is among them, so preflights need no route. In a child context
    // (`register(async (child) => child.register(corsica), { prefix })`), a hidden `OPTIONS *`
    // route under its prefix brings them to this context's hooks, as @fastify/cors's does; an
    // OPTIONS that is no preflight gets the not-found answer it would get without the plugin.
    // Routes are global: two sibling contexts without a prefix share one (the first one's).
    if (!isRoot(fastify) && firstAt(fastify))
      fastify.options('*', { schema: { hide: true } } as never, (_request, reply) => {
        reply.callNotFound()
      })
    done()
  },
  {
    // fastify-plugin's markers, without the dependency: hooks go to the registering context.
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: '@corsica/fastify',
    [Symbol.for('plugin-meta')]: { fastify: '5.x', name: '@corsica/fastify' },
  },
)

export default corsica

function act(decision: CorsDecision, request: FastifyRequest, reply: FastifyReply, next: () => void): void {
  if (decision.respond) {
    // A preflight (or, with csrf, a refused cross-origin write): no route runs. onSend still
    // does, and finds nothing to add. What earlier hooks set stays, except CORS and body headers
    // (an earlier `Access-Control-Allow-Origin: *` must not grant a refused preflight).
    writeAnswerHeaders(new ReplyHeaders(reply), decision)
    reply.code(decision.status).send(decision.body ?? undefined)
    return
  }
  ;(request as WithCors)[CORS] = decision.headers
  next()
}

/** The reply's headers as the core's HeaderStore: the core writes them, Vary merged, no Fetch Headers. */
class ReplyHeaders implements ListedHeaderStore {
  readonly #reply: FastifyReply

  constructor(reply: FastifyReply) {
    this.#reply = reply
  }

  get(name: string): string | null {
    const value = this.#reply.getHeader(name)
    if (value === undefined) return null
    return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value)
  }

  set(name: string, value: string): void {
    this.#reply.header(name, value)
  }

  delete(name: string): void {
    this.#reply.removeHeader(name)
  }

  has(name: string): boolean {
    return this.#reply.hasHeader(name)
  }

  keys(): string[] {
    return Object.keys(this.#reply.getHeaders())
  }
}

/** Prefixes that have the hidden OPTIONS route, per app (routes are added later, so hasRoute cannot tell). */
const routed = new WeakMap<object, Set<string>>()

function firstAt(fastify: FastifyInstance): boolean {
  let prefixes = routed.get(fastify.server)
  if (prefixes === undefined) {
    prefixes = new Set()
    routed.set(fastify.server, prefixes)
  }
  if (prefixes.has(fastify.prefix)) return false
  prefixes.add(fastify.prefix)
  return true
}

/** The root instance has no Fastify instance as its prototype; every child context does. */
function isRoot(fastify: FastifyInstance): boolean {
  const parent = Object.getPrototypeOf(fastify) as object | null
  return parent === null || !('addHook' in parent)
}
