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
import type { CorsOptions } from './types.ts'

/**
 * The body of every entry point's `perEnv`, `create` being that entry's createCors: returns
 * `env => build(policy)`, where the policy is compiled from `options(env)` the first time an env
 * object is seen and kept (a WeakMap keyed by env). `null` when those options are invalid, or
 * `options(env)` throws: the error is reported with `console.error`, once for that env.
 */
export function perEnvWith<Env, Rest extends unknown[], T>(
  create: (options: CorsOptions<Rest>) => CorsPolicy<Rest>,
  options: (env: Env) => CorsOptions<Rest>,
  build: (policy: CorsPolicy<Rest>) => T,
): (env: Env) => T | null {
  const byObject = new WeakMap<object, T | null>()
  // An env that is not an object (none at all, in a test): a few values at most.
  const byValue = new Map<unknown, T | null>()
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
    const cache = typeof env === 'object' && env !== null ? byObject : byValue
    const key = env as object
    let found = cache.get(key)
    if (found === undefined && !cache.has(key)) {
      found = compile(env)
      cache.set(key, found)
    }
    return found ?? null
  }
}

/** The answer to every request, preflights included, while the CORS options from env are bad. */
export function configErrorResponse(): Response {
  return new Response('CORS configuration error: see the server log.', {
    status: 500,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
}
