/**
 * @module @corsica/core/lite: `@corsica/core` for bundles that count their bytes (Workers, edge
 * functions). The same API, options, refusals and messages, but no subdomain patterns
 * (`https://*.example.com`): they are refused at start-up, so the Public Suffix List that checks
 * them is not in the bundle. Exact origins, port patterns (`http://localhost:*`), RegExps and
 * origin functions work as in the full entry.
 */
import { perEnvWith } from './env.ts'
import type { EntryProblem, SubdomainCheck } from './origin.ts'
import { PortPatterns } from './pattern-index.ts'
import { type CorsPolicy, compilePolicy } from './policy.ts'
import type { CorsOptions, CorsOptionsList, FrameworkErrors } from './types.ts'

export * from './common.ts'

/** The lite entry's check of subdomain patterns: every one is refused, with the way to get them. */
function refuseSubdomainPattern(entry: string, scheme: string, base: string): EntryProblem {
  return {
    problem: `'${entry}' is a subdomain pattern, which the lite entry does not take: only the full entry checks a pattern against the Public Suffix List, so that it never covers sites other people register.`,
    fix: `use the full entry '@corsica/core' (or your adapter's, without /lite), which adds the Public Suffix List (~26 KiB gzipped); or list the origins, e.g. '${scheme}://www.${base}'.`,
  }
}

/**
 * The lite entry's {@link SubdomainCheck}: only port patterns get through, indexed without a tree
 * of labels. Pure, so that a bundle that imports this module but not createCors drops it.
 */
const subdomains: SubdomainCheck = /* @__PURE__ */ Object.assign(refuseSubdomainPattern, {
  patterns: () => new PortPatterns(),
})

/**
 * Validates `options` (an object, or a list of them for settings that differ per origin) and
 * compiles them into a policy. A subdomain pattern is refused (see the
 * module's summary).
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
