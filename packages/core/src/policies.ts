/**
 * Settings that differ per origin: `createCors([optionsA, optionsB, …])`. Each entry is checked
 * with every rule a single options object gets and compiled to its own policy, so its preflight
 * and actual answers stay precomputed. A request is decided by the first entry whose `origin`
 * grants its Origin; by the first entry when none does, or when it has no Origin.
 *
 * Finding that entry: one Map over every entry's exact origins (O(1) in their number), each
 * mapped at start-up to the first entry that grants it (an earlier entry's pattern or RegExp
 * may); patterns, RegExps and origin functions are asked entry by entry, in order.
 */
import { type ConfigProblem, CorsConfigError } from './errors.ts'
import { type CompiledOptions, compileOptions, copyList, propertyValue } from './options.ts'
import { isThenable, matchOrigin, type OriginPolicy, type SubdomainCheck } from './origin.ts'
import type { CorsPolicy } from './policy.ts'
import { applyToResponse } from './response-headers.ts'
import type {
  CorsDecision,
  CorsHeaders,
  CorsOptions,
  CorsRequest,
  FetchHandler,
  FrameworkErrors,
  MaybePromise,
  OriginFunction,
} from './types.ts'

/**
 * Options that hold for the whole policy, not per origin: they are read from the first entry. A
 * later entry may leave them out (it takes the first's) or repeat the first's value; any other
 * value is a problem, so that no one believes a later entry's `csrf: false` turns it off.
 */
export const POLICY_WIDE_OPTIONS = ['onRefuse', 'onError', 'csrf', 'preflightContinue'] as const

/**
 * Validates every entry of `list` and compiles it to a policy that decides each request by the
 * first entry granting its origin. `build` turns one entry's compiled options into a policy.
 * @throws CorsConfigError listing every problem of every entry, each named by entry (`[1].methods`).
 */
export function createPolicies(
  list: readonly unknown[],
  subdomains: SubdomainCheck,
  build: (options: CompiledOptions) => CorsPolicy<unknown[]>,
  errors?: FrameworkErrors,
): CorsPolicy<unknown[]> {
  const compiled = compileList(list, subdomains, errors)
  if (compiled.length === 1) return build(compiled[0]!)
  return new PolicyList(compiled, build)
}

/** Every entry compiled, or a CorsConfigError with the problems of all of them. */
function compileList(
  list: readonly unknown[],
  subdomains: SubdomainCheck,
  errors: FrameworkErrors | undefined,
): CompiledOptions[] {
  const entries = copyList(list)
  const problems: ConfigProblem[] = []
  if (entries.length === 0) {
    problems.push({
      option: 'options',
      problem: 'is an empty list, so no origin could ever be allowed.',
      fix: "pass one options object, or list them: createCors([{ origin: ['https://app.example.com'] }]).",
    })
  }
  const compiled = entries.map((entry, i): CompiledOptions | null => {
    try {
      // onError holds for the whole policy: a note on it comes from the first entry only.
      return compileOptions(entry as CorsOptions, subdomains, i === 0 ? errors : undefined)
    } catch (error) {
      if (!(error instanceof CorsConfigError)) throw error
      for (const p of error.problems) {
        problems.push(
          p.option === 'options'
            ? {
                ...p,
                option: `[${i}]`,
                fix: "make each entry an options object: { origin: ['https://app.example.com'] }.",
              }
            : { ...p, option: `[${i}].${p.option}` },
        )
      }
      return null
    }
  })
  problems.push(...policyWideProblems(entries))
  // An entry with problems elsewhere is still compared by its origin, when that one is valid.
  problems.push(...shadowProblems(compiled.map((c, i) => c?.origin ?? originOf(entries[i], subdomains))))
  if (problems.length > 0) throw new CorsConfigError(problems.sort((a, b) => entryOf(a) - entryOf(b)))
  return compiled as CompiledOptions[]
}

/**
 * The compiled origin of an entry with problems elsewhere: its origin and the two options that
 * change what it grants, compiled alone; null when those have problems too.
 */
function originOf(entry: unknown, subdomains: SubdomainCheck): OriginPolicy | null {
  if (!isObject(entry)) return null
  const names = ['origin', 'credentials', 'dangerouslyAllowInsecureOrigins'] as const
  try {
    const options = Object.fromEntries(names.map((n) => [n, ownValue(entry, n)]))
    return compileOptions(options as unknown as CorsOptions, subdomains).origin
  } catch {
    return null
  }
}

/** The entry a problem names (`[2].methods` → 2); sorting by it keeps each entry's problems together. */
function entryOf(problem: ConfigProblem): number {
  return problem.option.startsWith('[') ? Number.parseInt(problem.option.slice(1), 10) : -1
}

/**
 * A later entry that sets a policy-wide option to anything but the first entry's value (left out,
 * `false` and `undefined` are one value for csrf and preflightContinue; a csrf object is the same
 * when its bypass is the same function).
 */
function policyWideProblems(entries: readonly unknown[]): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  const first = entries[0]
  if (!isObject(first)) return problems
  entries.forEach((entry, i) => {
    if (i === 0 || !isObject(entry)) return
    for (const name of POLICY_WIDE_OPTIONS) {
      if (!Object.prototype.propertyIsEnumerable.call(entry, name)) continue
      if (sameSetting(name, ownValue(entry, name), ownValue(first, name))) continue
      problems.push({
        option: `[${i}].${name}`,
        problem: `differs from [0]'s; ${name} holds for the whole policy and is read from the first entry only.`,
        fix: `set ${name} in [0], and leave it out of [${i}] (a later entry takes the first's).`,
      })
    }
  })
  return problems
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An own enumerable property's value (a getter is called), else undefined. */
function ownValue(object: object, name: string): unknown {
  const d = Reflect.getOwnPropertyDescriptor(object, name)
  return d?.enumerable ? propertyValue(d, object) : undefined
}

function sameSetting(name: (typeof POLICY_WIDE_OPTIONS)[number], a: unknown, b: unknown): boolean {
  if (name === 'onRefuse' || name === 'onError') return a === b
  const off = (v: unknown) => (v === undefined ? false : v)
  if (name === 'csrf' && isObject(a) && isObject(b)) return ownValue(a, 'bypass') === ownValue(b, 'bypass')
  return off(a) === off(b)
}

/**
 * An entry that never decides a request: an earlier entry is `'*'`, or it lists exact origins
 * only and an earlier entry grants every one of them (by its list, a pattern or a RegExp).
 * Origin functions answer per request, so an entry behind one is never reported.
 */
function shadowProblems(origins: readonly (OriginPolicy | null)[]): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  origins.forEach((o, i) => {
    if (i === 0 || o === null) return
    const star = origins.findIndex((e, j) => j < i && e?.any === true)
    if (star !== -1) {
      problems.push({
        option: `[${i}].origin`,
        problem: `is never used: [${star}] comes first with origin: '*', which grants every origin.`,
        fix: `remove [${i}], or move it before [${star}].`,
      })
      return
    }
    if (o.any || o.fn !== null || o.patterns.size > 0 || o.regexps.length > 0 || o.exact.size === 0) return
    const by = new Set<number>()
    for (const origin of o.exact) {
      const j = firstStaticGrant(origins, origin, i)
      if (j === i) return
      by.add(j)
    }
    const earlier = [...by].sort((a, b) => a - b)
    problems.push({
      option: `[${i}].origin`,
      problem: `is never used: every origin it lists is granted by an earlier entry (${earlier.map((j) => `[${j}]`).join(', ')}), and the first entry that grants an origin decides its requests.`,
      fix: `remove [${i}], or move it before [${earlier[0]}].`,
    })
  })
  return problems
}

/**
 * The first entry up to `limit` that grants `origin` whatever the request: by its exact list, a
 * pattern, a RegExp, or `'*'`. An origin function is not asked; `limit` when none grants it.
 */
function firstStaticGrant(origins: readonly (OriginPolicy | null)[], origin: string, limit: number): number {
  for (let j = 0; j < limit; j++) {
    const o = origins[j]
    if (o != null && (o.any || matchOrigin({ ...o, fn: null }, origin, undefined, []) === true)) return j
  }
  return limit
}

/** A request with no headers: what a public entry's actual answer is computed from, once. */
const NO_ORIGIN: CorsRequest = { method: 'GET', url: 'http://corsica.invalid/', headers: { get: () => null } }

/** The list's policy: selects an entry per request, and lets that entry's policy decide. */
class PolicyList implements CorsPolicy<unknown[]> {
  readonly #policies: readonly CorsPolicy<unknown[]>[]
  readonly #origins: readonly OriginPolicy[]
  /** Every entry's exact origins → the first entry that grants each. */
  readonly #exact = new Map<string, number>()
  /** The entries with a pattern, a RegExp, an origin function or `'*'`, in order. */
  readonly #asked: readonly number[]
  /** The first entry with an origin function (entries.length when none): it is asked before an exact hit after it. */
  readonly #firstFunction: number
  /**
   * Per entry, for `'*'` entries only: its actual answer's headers with `Vary: Origin`. Alone, a
   * public policy answers every origin alike and sends no Vary; in a list, whether a request gets
   * `'*'` or an earlier entry's grant depends on its Origin, and a shared cache must know.
   */
  readonly #publicVaried: readonly (CorsHeaders | null)[]
  readonly #csrf: boolean
  readonly #preflightContinue: boolean

  constructor(
    compiled: readonly CompiledOptions[],
    build: (options: CompiledOptions) => CorsPolicy<unknown[]>,
  ) {
    const first = compiled[0]!
    // The policy-wide options are the first entry's, its refusal log included (one budget).
    const shared = {
      onRefuse: first.onRefuse,
      refusalLog: first.refusalLog,
      onError: first.onError,
      csrf: first.csrf,
      preflightContinue: first.preflightContinue,
    }
    const entries = compiled.map((c) => ({ ...c, ...shared, origin: askedOnce(c.origin) }))
    this.#origins = entries.map((e) => e.origin)
    this.#policies = entries.map(build)
    entries.forEach((e, i) => {
      for (const origin of e.origin.exact) {
        if (!this.#exact.has(origin)) this.#exact.set(origin, firstStaticGrant(this.#origins, origin, i))
      }
    })
    this.#asked = entries.flatMap((e, i) => {
      const o = e.origin
      return o.any || o.fn !== null || o.patterns.size > 0 || o.regexps.length > 0 ? [i] : []
    })
    const fn = entries.findIndex((e) => e.origin.fn !== null)
    this.#firstFunction = fn === -1 ? entries.length : fn
    this.#publicVaried = entries.map((e, i) =>
      e.origin.any
        ? Object.freeze({
            ...(this.#policies[i]!.actualHeaders(NO_ORIGIN as Request) as CorsHeaders),
            vary: 'Origin',
          })
        : null,
    )
    this.#csrf = first.csrf !== null
    this.#preflightContinue = first.preflightContinue
  }

  /** The entry that decides `request`: the first whose origin grants its Origin, else the first. */
  #select(request: CorsRequest, rest: readonly unknown[]): MaybePromise<number> {
    const origin = request.headers.get('origin')
    if (origin === null) return 0
    const hit = this.#exact.get(origin)
    if (hit !== undefined && hit < this.#firstFunction) return hit
    const limit = hit ?? this.#policies.length
    return this.#first(0, limit, hit ?? 0, (j) => {
      const o = this.#origins[j]!
      // '*' grants every Origin, as a single public policy does (matchOrigin knows lists only).
      if (o.any) return true
      const verdict = matchOrigin(o, origin, request, rest)
      return isThenable(verdict) ? Promise.resolve(verdict).then((v) => v === true) : verdict === true
    })
  }

  /** The first entry of #asked (from position `from`, below `limit`) that passes `test`, else `fallback`. */
  #first(
    from: number,
    limit: number,
    fallback: number,
    test: (entry: number) => MaybePromise<boolean>,
  ): MaybePromise<number> {
    const asked = this.#asked
    for (let a = from; a < asked.length && asked[a]! < limit; a++) {
      const j = asked[a]!
      const passed = test(j)
      if (isThenable<boolean>(passed)) {
        return Promise.resolve(passed).then((yes) => (yes ? j : this.#first(a + 1, limit, fallback, test)))
      }
      if (passed) return j
    }
    return fallback
  }

  /** `then(entry)` once the entry deciding `request` is known. */
  #decidedBy<T>(request: CorsRequest, rest: readonly unknown[], then: (entry: number) => MaybePromise<T>) {
    const entry = this.#select(request, rest)
    return isThenable<number>(entry) ? Promise.resolve(entry).then(then) : then(entry)
  }

  /** A public entry's actual answer, with the Vary a list needs (see #publicVaried). */
  #varied(entry: number, headers: CorsHeaders): CorsHeaders {
    const varied = this.#publicVaried[entry]
    return varied != null && !Object.hasOwn(headers, 'vary') ? varied : headers
  }

  wrap<R extends unknown[]>(upgrading: (request: Request, ...rest: R) => MaybePromise<Response | undefined>) {
    // Bun's handler answers nothing for a request it upgraded: the entry's wrap passes that on.
    const handler = upgrading as FetchHandler<R>
    const wrapped = this.#policies.map(
      (p) => p.wrap(handler) as (request: Request, ...rest: R) => MaybePromise<Response>,
    )
    const run = (entry: number, request: Request, rest: R): MaybePromise<Response> => {
      const response = wrapped[entry]!(request, ...rest)
      const varied = this.#publicVaried[entry]
      // Preflights and other OPTIONS answers already vary on Origin.
      if (varied == null || request.method === 'OPTIONS') return response
      return isThenable<Response>(response)
        ? Promise.resolve(response).then((r) => applyToResponse(r, varied))
        : applyToResponse(response, varied)
    }
    return (request: Request, ...rest: R): Response | Promise<Response> =>
      this.#decidedBy(request, rest, (entry) => run(entry, request, rest))
  }

  preflight(request: Request, ...rest: unknown[]): MaybePromise<Response | null> {
    if (request.method !== 'OPTIONS') return null
    return this.#decidedBy(request, rest, (entry) => this.#policies[entry]!.preflight(request, ...rest))
  }

  intercept(request: Request, ...rest: unknown[]): MaybePromise<Response | null> {
    // What no entry would answer, answered at once (the same test each entry's policy makes).
    if (request.method === 'OPTIONS' ? this.#preflightContinue : !this.#csrf) return null
    return this.#decidedBy(request, rest, (entry) => this.#policies[entry]!.intercept(request, ...rest))
  }

  decide(request: CorsRequest, ...rest: unknown[]): MaybePromise<CorsDecision> {
    return this.#decidedBy(request, rest, (entry) => {
      const decision = this.#policies[entry]!.decide(request, ...rest)
      const vary = (d: CorsDecision): CorsDecision =>
        d.respond ? d : { respond: false, headers: this.#varied(entry, d.headers) }
      return isThenable<CorsDecision>(decision) ? Promise.resolve(decision).then(vary) : vary(decision)
    })
  }

  actualHeaders(request: CorsRequest, ...rest: unknown[]): MaybePromise<CorsHeaders> {
    return this.#decidedBy(request, rest, (entry) => {
      const headers = this.#policies[entry]!.actualHeaders(request as Request, ...rest)
      return isThenable<CorsHeaders>(headers)
        ? Promise.resolve(headers).then((h) => this.#varied(entry, h))
        : this.#varied(entry, headers)
    })
  }

  apply(response: Response, headers: CorsHeaders): Response {
    return applyToResponse(response, headers)
  }

  /** True when any entry trusts `origin` (see CorsPolicy.trusts): the trust `csrf` uses too. */
  trusts(origin: string, request?: Request, ...rest: unknown[]): MaybePromise<boolean> {
    if (origin === 'null') return false
    const hit = this.#exact.get(origin)
    // An exact origin is granted by name by the entry it maps to ('*' is never in the map: an
    // entry after a '*' entry is refused at start-up).
    if (hit !== undefined) return true
    const found = this.#first(0, this.#policies.length, -1, (j) =>
      this.#policies[j]!.trusts(origin, request, ...(rest as [])),
    )
    return isThenable<number>(found) ? Promise.resolve(found).then((j) => j !== -1) : found !== -1
  }
}

/**
 * The entry's origin policy, its origin function asked once per request: selecting the entry
 * asks it, and the entry's policy then reads the same answer (a promise stays one promise), so
 * a lookup in a database is made once. Keyed by the Request the function receives and the
 * origin; a server that builds a new Request for each hook (a thin view whose `toRequest` does
 * not keep it) gets the function asked again, as a single policy would.
 */
function askedOnce(origin: OriginPolicy): OriginPolicy {
  const fn = origin.fn
  if (fn === null) return origin
  const answers = new WeakMap<object, { origin: string; threw: boolean; value: unknown }>()
  const once: OriginFunction = (o, request, ...rest) => {
    if (typeof request !== 'object' || request === null) return fn(o, request, ...rest)
    const seen = answers.get(request)
    if (seen !== undefined && seen.origin === o) {
      if (seen.threw) throw seen.value
      return seen.value as boolean | Promise<boolean>
    }
    try {
      const value = fn(o, request, ...rest)
      answers.set(request, { origin: o, threw: false, value })
      return value
    } catch (error) {
      answers.set(request, { origin: o, threw: true, value: error })
      throw error
    }
  }
  // The same arity: an express-style (origin, callback) function is told by it (see origin.ts).
  Object.defineProperty(once, 'length', { value: fn.length })
  return { ...origin, fn: once }
}
