/**
 * The middleware of both entries, `@corsica/hono` and `@corsica/hono/lite`: each passes its own
 * core entry's createCorsAt and perEnv (with or without the Public Suffix List). Everything else
 * comes from `@corsica/core/lite`, which never reaches the list.
 */
import {
  type CorsHeaders,
  type CorsOptions,
  type CorsOptionsList,
  type CorsPolicy,
  configErrorResponse,
  type createCorsAt,
  isThenable,
  type perEnv,
  withEarlierHeaders,
} from '@corsica/core/lite'
import type { Context, Env, MiddlewareHandler } from 'hono'

/**
 * The options (an object, or a list of them for settings that differ per origin), or a function
 * of `c.env` (the platform's bindings: Workers' `env`) that returns them, called once per env
 * object and its result compiled then and kept. The origin function receives `(origin, request, c)`.
 */
export type HonoCorsOptions<E extends Env = any> =
  | CorsOptions<[c: Context<E>]>
  | CorsOptionsList<[c: Context<E>]>
  | ((env: E['Bindings']) => CorsOptions<[c: Context<E>]> | CorsOptionsList<[c: Context<E>]>)

/** The `cors` function of an entry. */
export type HonoCors = <E extends Env = any>(options: HonoCorsOptions<E>) => MiddlewareHandler<E>

/** `cors` built on one core entry's createCorsAt and perEnv. */
export function corsWith(core: { createCorsAt: typeof createCorsAt; perEnv: typeof perEnv }): HonoCors {
  return function cors<E extends Env = any>(options: HonoCorsOptions<E>): MiddlewareHandler<E> {
    if (typeof options !== 'function') return middleware(core.createCorsAt(cors, options)) // a bad config fails at start-up
    const middlewareFor = core.perEnv(options, middleware)
    return function corsFromEnv(c, next) {
      const handle = middlewareFor(c.env)
      return handle === null ? Promise.resolve(configErrorResponse()) : handle(c, next)
    }
  }
}

function middleware<E extends Env>(policy: CorsPolicy<[c: Context<E>]>): MiddlewareHandler<E> {
  // Not an async function: awaiting values that are rarely promises (the origin option is
  // seldom a function) costs a microtask each, a measurable share of a middleware's price.
  return function corsMiddleware(c, next) {
    const answer = policy.intercept(c.req.raw, c)
    if (isThenable(answer))
      return answer.then((res) => (res ? respond(c, res) : next().then(() => finish(c))))
    if (answer) return Promise.resolve(respond(c, answer)) // a preflight never reaches the route (Fetch standard, CORS-preflight fetch)
    return next().then(() => finish(c))
  }

  // Headers that earlier middleware set (c.header(), c.res.headers) stay on the preflight
  // answer, but its CORS headers are the policy's alone. Stored with the setter cleared first,
  // as below, so that Hono does not copy the earlier headers back over the policy's.
  function respond(c: Context<E>, answer: Response): Response {
    const response = withEarlierHeaders(answer, c.res.headers)
    c.res = undefined
    c.res = response
    return response
  }

  function finish(c: Context<E>): void | Promise<void> {
    const cors = policy.actualHeaders(c.req.raw, c)
    if (isThenable(cors)) return cors.then((headers) => store(c, headers))
    store(c, cors)
  }

  // c.res is whatever the app produced, app.onError's response included: Hono catches a
  // handler's Error inside next() and stores the error response before we get here.
  function store(c: Context<E>, headers: CorsHeaders): void {
    const response = policy.apply(c.res, headers)
    if (response !== c.res) {
      // The headers were immutable (e.g. a fetch() response), so apply() made a copy. Hono's
      // setter merges the old response's headers into a new one, which would undo the policy;
      // clearing it first stores the copy as it is.
      c.res = undefined
      c.res = response
    }
  }
}
