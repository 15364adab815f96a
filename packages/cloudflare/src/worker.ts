/**
 * The `withCors` of both entries, `@corsica/cloudflare` and `@corsica/cloudflare/lite`: each
 * passes its own core entry's createCorsAt and perEnv (with or without the Public Suffix List).
 * Everything else comes from `@corsica/core/lite`, which never reaches the list.
 */
import {
  type CorsOptions,
  type CorsOptionsList,
  type CorsPolicy,
  configErrorResponse,
  type createCorsAt,
  type perEnv,
} from '@corsica/core/lite'

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

/** The `withCors` of an entry (see index.ts for what it does). */
export interface WithCors {
  <F extends WorkerFetch>(options: WorkerCorsOptions<EnvOf<F>>, handler: F): F
  <C extends WorkerEntrypointClass>(options: WorkerCorsOptions<EnvOfClass<C>>, entrypoint: C): C
  <H extends WorkerHandlers>(options: WorkerCorsOptions<EnvOf<H['fetch']>>, handler: H): H
}

/** The core entry's functions `withCors` is built on. */
interface Core {
  createCorsAt: typeof createCorsAt
  perEnv: typeof perEnv
}

/** `withCors` built on one core entry's createCorsAt and perEnv. */
export function withCorsOn(core: Core): WithCors {
  return function withCors(
    options: WorkerCorsOptions<unknown>,
    handler: WorkerFetch | WorkerHandlers | WorkerEntrypointClass,
  ): any {
    const policyFor = <T>(build: (policy: CorsPolicy) => T) => policyOf(core, withCors, options, build)
    if (isClass(handler))
      return entrypointWithCors(
        policyFor((policy) => policy),
        handler,
      )
    if (typeof handler === 'function') return corsFetch(policyFor, handler as WorkerFetch)
    const { fetch } = handler
    if (typeof fetch !== 'function')
      throw new TypeError(
        'withCors: the worker object has no fetch method. Pass { fetch(request, env, ctx) { … } } or a fetch function.',
      )
    // The other handlers are inherited, untouched. `this` in each of them, fetch included, is the
    // exported object, as the runtime would make it without withCors.
    const worker: WorkerHandlers = Object.create(handler)
    worker.fetch = corsFetch(policyFor, (request: Request, ...rest: unknown[]) =>
      fetch.call(worker, request, ...rest),
    )
    return worker
  }
}

/** `env => T`: one T for fixed options (built now, so bad options throw at start-up), else one per env. */
function policyOf<T>(
  core: Core,
  withCors: (...args: never[]) => unknown,
  options: WorkerCorsOptions<unknown>,
  build: (policy: CorsPolicy) => T,
): (env: unknown) => T | null {
  if (typeof options !== 'function') {
    const built = build(core.createCorsAt(withCors, options))
    return () => built
  }
  return core.perEnv(options, build)
}

function corsFetch(
  policyFor: <T>(build: (policy: CorsPolicy) => T) => (env: unknown) => T | null,
  inner: WorkerFetch,
): WorkerFetch {
  const fetchFor = policyFor((policy) => policy.wrap(inner))
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
