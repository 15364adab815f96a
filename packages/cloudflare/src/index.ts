/** @module Cloudflare Workers adapter for CORS, backed by @corsica/core. */
import {
  type CorsOptions,
  type CorsOptionsList,
  type CorsPolicy,
  configErrorResponse,
  createCorsAt,
  perEnv,
} from '@corsica/core'

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

/** A Workers fetch handler: `(request, env, ctx)`; the platform's own argument types are kept. */
export type WorkerFetch = (request: Request, ...rest: any[]) => Response | Promise<Response>

/** A module worker's default export: a `fetch` handler plus any others (`scheduled`, `queue`…). */
export interface WorkerHandlers {
  fetch?(request: Request, ...rest: any[]): Response | Promise<Response>
}

/**
 * A class-based entrypoint (`class extends WorkerEntrypoint`) with a `fetch(request)` method;
 * workerd gives each instance `this.env` and `this.ctx`.
 */
export type WorkerEntrypointClass = abstract new (
  ctx: any,
  env: any,
) => { fetch(request: Request): Response | Promise<Response> }

/**
 * The options (an object, or a list of them for settings that differ per origin), or a function
 * of `env` that returns them: called once per env object (workerd passes the same `env` to every
 * request of an isolate), its result validated and compiled then and kept. The origin function
 * receives `(origin, request, env, ctx)`.
 */
export type WorkerCorsOptions<Env> =
  | CorsOptions<[env: Env, ctx: any]>
  | CorsOptionsList<[env: Env, ctx: any]>
  | ((env: Env) => CorsOptions<[env: Env, ctx: any]> | CorsOptionsList<[env: Env, ctx: any]>)

/** The handler's `env` type; `any` when it takes no env (the options function's own type then holds). */
type EnvOf<F> = F extends (...args: infer A) => any ? (A extends [any, infer E, ...any[]] ? E : any) : any
type EnvOfClass<C> = C extends abstract new (
  ...args: infer A
) => any
  ? A extends [any, infer E, ...any[]]
    ? E
    : any
  : any

/**
 * Adds CORS to a module worker (`{ fetch, scheduled, … }`), a bare fetch function, or a
 * `WorkerEntrypoint` class with a `fetch` method. Preflights are answered without calling
 * `fetch` (unless `preflightContinue`); other responses get CORS headers. `env` and `ctx` pass
 * through, and reach the origin function; handlers other than `fetch` are kept as they are.
 *
 * Fixed options are checked here, at start-up: bad ones throw a `CorsConfigError` listing every
 * problem. Options from env are checked on the first request of each env: bad ones answer every
 * request 500, granting nothing, and the `CorsConfigError` is logged once per env.
 * @example export default withCors({ origin: ['https://app.example.com'] }, { fetch: (request, env, ctx) => … })
 * @example export default withCors((env: Env) => ({ origin: env.ALLOWED_ORIGINS.split(' ') }), { fetch })
 */
export function withCors<F extends WorkerFetch>(options: WorkerCorsOptions<EnvOf<F>>, handler: F): F
export function withCors<C extends WorkerEntrypointClass>(
  options: WorkerCorsOptions<EnvOfClass<C>>,
  entrypoint: C,
): C
export function withCors<H extends WorkerHandlers>(
  options: WorkerCorsOptions<EnvOf<H['fetch']>>,
  handler: H,
): H
export function withCors(
  options: WorkerCorsOptions<unknown>,
  handler: WorkerFetch | WorkerHandlers | WorkerEntrypointClass,
): WorkerFetch | WorkerHandlers | WorkerEntrypointClass {
  if (isClass(handler))
    return entrypointWithCors(
      policyFor(options, (policy) => policy),
      handler,
    )
  if (typeof handler === 'function') return corsFetch(options, handler as WorkerFetch)
  const { fetch } = handler
  if (typeof fetch !== 'function')
    throw new TypeError(
      'withCors: the worker object has no fetch method. Pass { fetch(request, env, ctx) { … } } or a fetch function.',
    )
  // The other handlers are inherited, untouched. `this` in each of them, fetch included, is the
  // exported object, as the runtime would make it without withCors.
  const worker: WorkerHandlers = Object.create(handler)
  worker.fetch = corsFetch(options, (request: Request, ...rest: unknown[]) =>
    fetch.call(worker, request, ...rest),
  )
  return worker
}

/** `env => T`: one T for fixed options (built now, so bad options throw at start-up), else one per env. */
function policyFor<T>(
  options: WorkerCorsOptions<unknown>,
  build: (policy: CorsPolicy) => T,
): (env: unknown) => T | null {
  if (typeof options !== 'function') {
    const built = build(createCorsAt(withCors, options))
    return () => built
  }
  return perEnv(options, build)
}

function corsFetch(options: WorkerCorsOptions<unknown>, inner: WorkerFetch): WorkerFetch {
  const fetchFor = policyFor(options, (policy) => policy.wrap(inner))
  return (request, env, ctx) => {
    const fetch = fetchFor(env)
    return fetch === null ? configErrorResponse() : fetch(request, env, ctx)
  }
}

/** A subclass whose `fetch` goes through the policy; workerd dispatches to it as to the original. */
function entrypointWithCors(
  policyOf: (env: unknown) => CorsPolicy | null,
  Entrypoint: WorkerEntrypointClass,
): WorkerEntrypointClass {
  if (typeof Entrypoint.prototype.fetch !== 'function') {
    throw new TypeError(
      `withCors: the class ${Entrypoint.name || '(anonymous)'} has no fetch method. Give it one: class extends WorkerEntrypoint { fetch(request) { … } }.`,
    )
  }
  abstract class WithCors extends Entrypoint {
    declare env: unknown
    declare ctx: unknown
    override fetch(request: Request): Response | Promise<Response> {
      const policy = policyOf(this.env)
      if (policy === null) return configErrorResponse()
      return policy.wrap((req: Request, _env: unknown, _ctx: unknown) => super.fetch(req))(
        request,
        this.env,
        this.ctx,
      )
    }
  }
  Object.defineProperty(WithCors, 'name', { value: Entrypoint.name })
  return WithCors
}

/** A class, told from a fetch function by its source (`class …`): both are functions. */
function isClass(value: unknown): value is WorkerEntrypointClass {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value))
}
