/**
 * Options computed from a platform's env (Workers' `env`, Hono's `c.env`): validated and
 * compiled once per env object, never per request. workerd passes the same `env` object to
 * every request of an isolate, so this is once per isolate.
 *
 * A bad env-derived configuration cannot be refused at start-up (env does not exist yet), so
 * the adapters answer every request 500, granting nothing, and the error is logged once per
 * env object rather than once per request.
 */
import type { CorsPolicy } from './policy.ts'
import type { CorsOptions, CorsOptionsList } from './types.ts'

/**
 * The body of every entry point's `perEnv`, `create` being that entry's createCors: returns
 * `env => build(policy)`, where the policy is compiled from `options(env)` the first time an env
 * object is seen and kept (a WeakMap keyed by env). `null` when those options are invalid, or
 * `options(env)` throws: the error is reported with `console.error`, once for that env.
 */
export function perEnvWith<Env, Rest extends unknown[], T>(
  create: (options: CorsOptions<Rest> | CorsOptionsList<Rest>) => CorsPolicy<Rest>,
  options: (env: Env) => CorsOptions<Rest> | CorsOptionsList<Rest>,
  build: (policy: CorsPolicy<Rest>) => T,
): (env: Env) => T | null {
  const byObject = new WeakMap<object, T | null>()
  // An env that is not an object or function (none at all, in a test): a few values at most.
  const byValue = new Map<unknown, T | null>()
  let distinct = 0
  let last: T | null = null
  const compile = (env: Env): T | null => {
    try {
      return build(create(options(env)))
    } catch (error) {
      console.error(
        '[corsica] the CORS options computed from env are invalid: every request is answered 500 until they are fixed.\n',
        error,
      )
      return null
    }
  }
  return (env) => {
    const cache = (typeof env === 'object' && env !== null) || typeof env === 'function' ? byObject : byValue
    const key = env as object
    const found = cache.get(key)
    if (found !== undefined || cache.has(key)) return found ?? null
    // A platform that builds a new env object for every request (@hono/node-server's
    // `{ incoming, outgoing }`) would compile the policy per request: past a bound, the last
    // compiled policy serves every new env, and one line says so.
    if (distinct === ENV_BOUND) {
      console.warn(ENV_WARNING)
      distinct++
    }
    if (distinct > ENV_BOUND) return last
    distinct++
    last = compile(env)
    cache.set(key, last)
    return last
  }
}

/** Distinct env values compiled for; workerd passes one env per isolate, tests a few. */
export const ENV_BOUND = 16

const ENV_WARNING = `[corsica] the CORS options function was called with ${ENV_BOUND} different env objects: this platform builds env per request (as @hono/node-server does), so the options are no longer compiled per env; the last policy serves every request. Pass fixed options (read your environment once, at start-up) instead of a function of env.`

/** The answer to every request, preflights included, while the CORS options from env are bad. */
export function configErrorResponse(): Response {
  return new Response('CORS configuration error: see the server log.', {
    status: 500,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
}
