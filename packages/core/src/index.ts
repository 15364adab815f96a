/**
 * @module @corsica/core: a spec-exact, zero-dependency CORS engine for Fetch API Request/Response.
 * Subdomain patterns (`https://*.example.com`) are checked against the embedded Public Suffix
 * List; `@corsica/core/lite` is the same without them, and without the list.
 */
import { perEnvWith } from './env.ts'
import { fullCheck } from './full-check.ts'
import { type CorsPolicy, compilePolicy } from './policy.ts'
import { publicSuffixCheck } from './public-suffix.ts'
import type { CorsOptions, CorsOptionsList, FrameworkErrors } from './types.ts'

export * from './common.ts'

/**
 * The full entry's check of subdomain patterns (the Public Suffix List), which also probes
 * RegExps for names anyone can register under a public suffix, and finds the siblings a pattern
 * in a refusal's fix may cover (see full-check.ts).
 */
const subdomains = /* @__PURE__ */ fullCheck(publicSuffixCheck)

/**
 * Validates `options` and compiles them into a policy. A list of options objects sets what
 * differs per origin: each request is decided by the first entry whose `origin` grants it.
 * @throws CorsConfigError listing every problem in the options, each with its fix.
 * @example
 * const cors = createCors({ origin: ['https://app.example.com'], credentials: true })
 * export default { fetch: cors.wrap(handler) }
 */
export function createCors<Rest extends unknown[] = any[]>(
  options: CorsOptions<Rest> | CorsOptionsList<Rest>,
): CorsPolicy<Rest> {
  return compilePolicy(createCors, options, subdomains)
}

/**
 * {@link createCors} for adapters: a CorsConfigError's stack starts at the call to `entry`, the
 * adapter's own function, so that its first line is the user's `cors({...})` call. An adapter
 * whose framework answers thrown errors itself passes `errors` (see {@link FrameworkErrors}).
 * @example export function cors(options) { const policy = createCorsAt(cors, options); ... }
 */
export function createCorsAt<Rest extends unknown[] = any[]>(
  entry: (...args: never[]) => unknown,
  options: CorsOptions<Rest> | CorsOptionsList<Rest>,
  errors?: FrameworkErrors,
): CorsPolicy<Rest> {
  return compilePolicy(entry, options, subdomains, errors)
}

/**
 * Returns `env => build(policy)`, where the policy is compiled from `options(env)` the first
 * time an env object is seen and kept (a WeakMap keyed by env). `null` when those options are
 * invalid, or `options(env)` throws: the error is reported with `console.error`, once for that env.
 * `errors` as for {@link createCorsAt}.
 */
export function perEnv<Env, Rest extends unknown[], T>(
  options: (env: Env) => CorsOptions<Rest> | CorsOptionsList<Rest>,
  build: (policy: CorsPolicy<Rest>) => T,
  errors?: FrameworkErrors,
): (env: Env) => T | null {
  return perEnvWith((o) => compilePolicy(createCors, o, subdomains, errors), options, build)
}
