/**
 * The middleware of both entries, `@corsica/hono` and `@corsica/hono/lite`: each passes its own
 * core entry's createCorsAt and perEnv (with or without the Public Suffix List). Everything else
 * comes from `@corsica/core/lite`, which never reaches the list.
 */
import {
  type CorsAnswer,
  type CorsDecision,
  type CorsHeaders,
  type CorsOptions,
  type CorsOptionsList,
  type CorsPolicy,
  configErrorResponse,
  type createCorsAt,
  isThenable,
  type perEnv,
  writeAnswer,
} from '@corsica/core/lite'
import type { Context, Env, MiddlewareHandler, Next } from 'hono'
import type { StatusCode } from 'hono/utils/http-status'

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

/** What becomes of a thrown error: Hono answers it, so `onError` is never called. */
const HONO_ERRORS = {
  problem: 'is never called: Hono answers what a route throws, and the CORS headers are added.',
  fix: 'leave it out; shape error answers with app.onError((error, c) => ...).',
}

/** `cors` built on one core entry's createCorsAt and perEnv. */
export function corsWith(core: { createCorsAt: typeof createCorsAt; perEnv: typeof perEnv }): HonoCors {
  return function cors<E extends Env = any>(options: HonoCorsOptions<E>): MiddlewareHandler<E> {
    // a bad config fails at start-up
    if (typeof options !== 'function') return middleware(core.createCorsAt(cors, options, HONO_ERRORS))
    const middlewareFor = core.perEnv(options, middleware, HONO_ERRORS)
    return function corsFromEnv(c, next) {
      const handle = middlewareFor(c.env)
      return handle === null ? Promise.resolve(configErrorResponse()) : handle(c, next)
    }
  }
}

function middleware<E extends Env>(policy: CorsPolicy<[c: Context<E>]>): MiddlewareHandler<E> {
  // Not an async function: awaiting values that are rarely promises (the origin option is
  // seldom a function) costs a microtask each, a measurable share of a middleware's price.
  // Decided once, before the route: the same decision gives a preflight's answer or the
  // headers for the route's response.
  return function corsMiddleware(c, next) {
    const decision = policy.decide(c.req.raw, c)
    return isThenable(decision) ? decision.then((d) => follow(c, next, d)) : follow(c, next, decision)
  }

  function follow(c: Context<E>, next: Next, decision: CorsDecision): Promise<Response | undefined> {
    // A preflight never reaches the route (Fetch standard, CORS-preflight fetch).
    if (decision.respond) return Promise.resolve(respond(c, decision))
    return next().then(() => {
      store(c, decision.headers)
      return undefined
    })
  }

  // Headers that earlier middleware set (c.header(), c.res.headers) stay on the policy's answer,
  // but its CORS headers are the policy's alone. c.newResponse() builds the Response with them
  // (without reading c.res, which would build one more); it is stored with the setter cleared
  // first, as below, so that Hono does not copy the earlier headers back over the policy's.
  function respond(c: Context<E>, answer: CorsAnswer): Response {
    const response = writeAnswer(c.newResponse(answer.body, answer.status as StatusCode), answer)
    c.res = undefined
    c.res = response
    return response
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
