/**
 * The policy: createCors compiles the options once; each request then does only what it needs.
 *
 * Server side of the CORS protocol, Fetch standard §3.2 (https://fetch.spec.whatwg.org/#http-cors-protocol).
 */

import { CorsConfigError } from './errors.ts'
import { isToken, SAFELISTED_METHODS } from './fetch-spec.ts'
import type { CompiledOptions } from './options.ts'
import { compileOptions } from './options.ts'
import {
  fetchRequest,
  isThenable,
  listedSibling,
  matchOrigin,
  type OriginVerdict,
  type SubdomainCheck,
} from './origin.ts'
import { createPolicies } from './policies.ts'
import { describeRefusal, describeThrown, type RefusalDetails } from './reasons.ts'
import { RequestHeadersCheck } from './request-headers.ts'
import { applyToResponse } from './response-headers.ts'
import type {
  CorsAnswer,
  CorsDecision,
  CorsHeaders,
  CorsOptions,
  CorsOptionsList,
  CorsRequest,
  FetchHandler,
  FrameworkErrors,
  MaybePromise,
  RefusalCode,
} from './types.ts'

/**
 * A compiled CORS policy. Create it with {@link createCors}, once, at start-up. `Rest` is what
 * the origin function receives after the request: the wrapped handler's other arguments.
 */
export interface CorsPolicy<Rest extends unknown[] = any[]> {
  /**
   * Wraps a fetch handler: preflights are answered here (the handler never sees them, unless
   * `preflightContinue`), every other request runs the handler and gets the CORS headers on its
   * response. Extra arguments (env, ctx, Deno's info) pass through untouched, and reach the
   * origin function after the request. A handler's answer that switched protocols (a 101) and
   * a handler that answers nothing (Bun, after `server.upgrade(request)`) are passed back untouched.
   * @example export default { fetch: createCors({ origin: ['https://app.example.com'] }).wrap(handler) }
   */
  wrap<R extends Rest, Answer extends Response | undefined = Response>(
    handler: (request: Request, ...rest: R) => Answer | Promise<Answer>,
  ): (request: Request, ...rest: R) => Answer | Response | Promise<Answer | Response>
  /**
   * The answer to a CORS preflight, or null when `request` is not one (or when
   * `preflightContinue` hands preflights to the handler). `rest` reaches the origin function.
   */
  preflight(request: Request, ...rest: Rest): MaybePromise<Response | null>
  /**
   * The CORS headers the actual response to `request` needs, computed without seeing it; with
   * `preflightContinue`, those of the preflight's answer. `rest` reaches the origin function.
   */
  actualHeaders(request: Request, ...rest: Rest): MaybePromise<CorsHeaders>
  /** `response` with `headers` applied: changed in place, or a copy when its headers are immutable. */
  apply(response: Response, headers: CorsHeaders): Response
  /**
   * The policy's own answer to a request the handler must not see: a CORS preflight (unless
   * `preflightContinue`) or, with `csrf`, a refused cross-origin write or WebSocket handshake
   * (a 403). null: the handler runs. What adapters call in their earliest hook.
   */
  intercept(request: Request, ...rest: Rest): MaybePromise<Response | null>
  /**
   * Everything the policy decides about a request, without building a Response: for servers
   * that write answers themselves (node:http). Takes a Fetch Request or a thin view of one.
   */
  decide(request: CorsRequest, ...rest: Rest): MaybePromise<CorsDecision>
  /**
   * Whether the policy grants `origin` by name: listed, a pattern, a RegExp or the origin
   * function (which receives `request` and `rest` as given). Never for `'*'` (it grants reading
   * to everyone and trusts no one) nor for `'null'` (any sandboxed iframe has it). The one list
   * of trusted origins for other checks: a framework's CSRF check, a WebSocket route.
   */
  trusts(origin: string, request?: Request, ...rest: Rest | []): MaybePromise<boolean>
}

/**
 * Fetch: "A CORS-preflight request is a CORS request that checks to see if the CORS protocol
 * is understood. It uses `OPTIONS` as method and includes the following header:
 * `Access-Control-Request-Method`". A CORS request includes `Origin`. Any other OPTIONS
 * request is an ordinary request and goes to the handler.
 */
export function isPreflight(request: CorsRequest): boolean {
  const headers = request.headers
  return (
    request.method === 'OPTIONS' &&
    headers.get('origin') !== null &&
    headers.get('access-control-request-method') !== null
  )
}

const VARY_ORIGIN = 'Origin'
/**
 * Every request header a preflight answer depends on. Access-Control-Request-Private-Network
 * is listed whether or not privateNetworkAccess is on: off, a preflight carrying it is refused,
 * so the answer depends on it either way. Origin is listed for a public policy too: without
 * Origin the same OPTIONS request is not a preflight, and the handler answers it.
 */
const PREFLIGHT_VARY =
  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network'

/** The longest Access-Control-Request-Method read (or echoed, for methods: '*' with credentials). */
export const MAX_METHOD_LENGTH = 128

/**
 * The body of every entry point's `createCorsAt` (`@corsica/core` and `@corsica/core/lite`, which
 * differ only in `subdomains`): validates `options` (one object, or a list of them for settings
 * that differ per origin, see policies.ts) and compiles them into a policy. A CorsConfigError's
 * stack starts at the call to `entry`.
 */
export function compilePolicy<Rest extends unknown[]>(
  entry: (...args: never[]) => unknown,
  options: CorsOptions<Rest> | CorsOptionsList<Rest>,
  subdomains: SubdomainCheck,
  errors?: FrameworkErrors,
): CorsPolicy<Rest> {
  try {
    if (Array.isArray(options)) return createPolicies(options, subdomains, (o) => new Policy(o), errors)
    return new Policy(compileOptions(options as CorsOptions, subdomains, errors))
  } catch (error) {
    throw error instanceof CorsConfigError ? CorsConfigError.fromCall(error, entry) : error
  }
}

class Policy implements CorsPolicy<unknown[]> {
  readonly #o: CompiledOptions
  /** Headers for actual responses that do not depend on the origin. */
  readonly #public: CorsHeaders | null
  readonly #notGranted: CorsHeaders
  /** Precomputed actual-response headers for each exactly listed origin. */
  readonly #granted = new Map<string, CorsHeaders>()
  /**
   * Only exact origins and no onRefuse: an origin not in #granted is refused, and nothing needs
   * to know why (malformed or merely unlisted), so it is not examined further.
   */
  readonly #exactOnly: boolean
  /**
   * Origins whose refusal the default log has said already (a refusal that names the origin
   * only: its origin is not allowed, or malformed), kept when the verdict on an origin can never
   * change (no origin function, no onRefuse): a repeat is then answered after this one lookup,
   * as the log promises, without matching the origin again. At most QUIET_ORIGINS.
   */
  readonly #quiet: Set<string> | null
  readonly #requestHeaders: RequestHeadersCheck
  /**
   * Granted preflights' answers by what they say (the origin granted, the methods and headers
   * allowed, private network access), given again to the same question, so that each one's
   * Response is a clone (see toResponse). At most GRANTED_ANSWERS.
   */
  readonly #grantedAnswers = new Map<string, CorsAnswer>()

  constructor(o: CompiledOptions) {
    this.#o = o
    this.#requestHeaders = new RequestHeadersCheck(o.allowedHeaders)
    // A credential-less public policy answers every request alike: ACAO `*` whatever the
    // Origin, so no Vary is needed and shared caches keep one copy.
    this.#public = o.origin.any ? this.#grantedHeaders('*', false) : null
    // Every record handed out is frozen: one shared record decorated by a caller would
    // otherwise turn every later refusal into a grant.
    this.#notGranted = Object.freeze({ vary: VARY_ORIGIN })
    for (const origin of o.origin.exact) this.#granted.set(origin, this.#grantedHeaders(origin, true))
    const { patterns, regexps, fn } = o.origin
    this.#exactOnly =
      patterns.size === 0 &&
      regexps.length === 0 &&
      fn === null &&
      o.onRefuse === null &&
      o.refusalLog === null
    this.#quiet = fn === null && o.onRefuse === null && o.refusalLog !== null ? new Set() : null
  }

  #grantedHeaders(origin: string, vary: boolean): CorsHeaders {
    const h: CorsHeaders = { 'access-control-allow-origin': origin }
    if (this.#o.credentials) h['access-control-allow-credentials'] = 'true'
    if (this.#o.exposeHeaders) h['access-control-expose-headers'] = this.#o.exposeHeaders
    if (vary) h.vary = VARY_ORIGIN
    return Object.freeze(h)
  }

  wrap<Rest extends unknown[]>(
    upgrading: (request: Request, ...rest: Rest) => MaybePromise<Response | undefined>,
  ) {
    // Bun's handler answers nothing for a request it upgraded: applyToResponse passes that on.
    const handler = upgrading as FetchHandler<Rest>
    return (request: Request, ...rest: Rest): Response | Promise<Response> => {
      // The common case first, as #early and #continueHeaders would decide it: neither a
      // preflight nor a csrf check, so the handler runs and its answer gets the actual headers.
      if (this.#o.csrf === null && request.method !== 'OPTIONS') {
        return this.#run(handler, request, rest, this.#actualHeaders(request, rest))
      }
      const early = this.#early(request, rest)
      if (early === null) return this.#run(handler, request, rest, this.#continueHeaders(request, rest))
      if (!isThenable<CorsAnswer | null>(early)) return toResponse(early)
      return early.then((answer) =>
        answer !== null
          ? toResponse(answer)
          : this.#run(handler, request, rest, this.#continueHeaders(request, rest)),
      )
    }
  }

  /** Runs the handler, and puts `cors` on its answer, or on onError's when it throws. */
  #run<Rest extends unknown[]>(
    handler: FetchHandler<Rest>,
    request: Request,
    rest: Rest,
    cors: MaybePromise<CorsHeaders>,
  ): Response | Promise<Response> {
    let response: Response | Promise<Response>
    try {
      response = handler(request, ...rest)
    } catch (error) {
      response = this.#failed(error, request)
    }
    if (isThenable<Response>(response)) {
      const failed = (error: unknown) => this.#failed(error, request)
      // The origin function and the handler run side by side.
      if (isThenable<CorsHeaders>(cors)) {
        return Promise.all([cors, Promise.resolve(response).catch(failed)]).then(([h, res]) =>
          applyToResponse(res, h),
        )
      }
      // One reaction for both outcomes: a rejection costs nothing until it happens.
      return Promise.resolve(response).then(
        (res) => applyToResponse(res, cors),
        (error: unknown) => Promise.resolve(failed(error)).then((res) => applyToResponse(res, cors)),
      )
    }
    return isThenable<CorsHeaders>(cors)
      ? Promise.resolve(cors).then((h) => applyToResponse(response as Response, h))
      : applyToResponse(response, cors)
  }

  /** onError's answer to a request whose handler threw; rethrows without onError. */
  #failed(error: unknown, request: Request): Response | Promise<Response> {
    const onError = this.#o.onError
    if (onError === null) throw error
    return onError(error, request)
  }

  preflight(request: Request, ...rest: unknown[]): MaybePromise<Response | null> {
    if (request.method !== 'OPTIONS') return null
    const answer = this.#preflight(request, rest)
    return answer === null ? null : mapMaybe(answer, toResponse)
  }

  intercept(request: Request, ...rest: unknown[]): MaybePromise<Response | null> {
    const early = this.#early(request, rest)
    if (early === null) return null
    return isThenable<CorsAnswer | null>(early)
      ? early.then((answer) => (answer === null ? null : toResponse(answer)))
      : toResponse(early)
  }

  decide(request: CorsRequest, ...rest: unknown[]): MaybePromise<CorsDecision> {
    const early = this.#early(request, rest)
    if (early === null) return mapMaybe(this.#continueHeaders(request, rest), toContinue)
    if (!isThenable<CorsAnswer | null>(early)) return early
    return early.then((answer) =>
      answer !== null ? answer : mapMaybe(this.#continueHeaders(request, rest), toContinue),
    )
  }

  trusts(origin: string, request?: Request, ...rest: unknown[]): MaybePromise<boolean> {
    return mapMaybe(this.#trustVerdict(origin, request, rest), (verdict) => verdict === true)
  }

  /**
   * Whether the policy grants `origin` by name (see `trusts`): `'*'` grants everyone, so it
   * trusts no one; `'null'` is never trusted, even when listed.
   */
  #trustVerdict(
    origin: string,
    request: CorsRequest | undefined,
    rest: readonly unknown[],
  ): MaybePromise<OriginVerdict> {
    if (origin === 'null' || this.#o.origin.any) return 'origin-not-allowed'
    if (this.#granted.has(origin)) return true
    return matchOrigin(this.#o.origin, origin, request as CorsRequest, rest)
  }

  /**
   * What the policy answers before any handler: a preflight (unless preflightContinue), or with
   * csrf a refused cross-origin write or WebSocket handshake. null (the common case, at once):
   * the handler runs.
   */
  #early(request: CorsRequest, rest: readonly unknown[]): MaybePromise<CorsAnswer | null> | null {
    const method = request.method
    if (method === 'OPTIONS') return this.#preflight(request, rest)
    return this.#o.csrf === null ? null : this.#csrfCheck(request, method, rest)
  }

  /** The headers for the handler's answer to a request the policy did not answer itself. */
  #continueHeaders(request: CorsRequest, rest: readonly unknown[]): MaybePromise<CorsHeaders> {
    return request.method === 'OPTIONS'
      ? this.#optionsHeaders(request, rest)
      : this.#actualHeaders(request, rest)
  }

  /**
   * The policy's answer to an OPTIONS request that is a CORS preflight (see isPreflight), or
   * null when it is not one, or when `preflightContinue` hands preflights to the handler.
   */
  #preflight(request: CorsRequest, rest: readonly unknown[]): MaybePromise<CorsAnswer> | null {
    return this.#o.preflightContinue ? null : this.#preflightAnswer(request, rest)
  }

  /** The policy's answer to an OPTIONS request if it is a CORS preflight, whatever `preflightContinue`. */
  #preflightAnswer(request: CorsRequest, rest: readonly unknown[]): MaybePromise<CorsAnswer> | null {
    const headers = request.headers
    const origin = headers.get('origin')
    if (origin === null) return null
    const method = headers.get('access-control-request-method')
    return method === null ? null : this.#answerPreflight(request, origin, method, rest)
  }

  /**
   * Cross-origin request protection (`csrf`), in the order of Go's net/http
   * CrossOriginProtection.Check, with the trusted origins first, as Corsica's own list:
   * 1. safe methods pass (Fetch: GET, HEAD and OPTIONS are "safe"), except a WebSocket
   *    handshake, which is a GET that opens a channel both ways (RFC 6455 §4.1, §10.2: the
   *    server must check Origin);
   * 2. an Origin the policy grants by name passes;
   * 3. Fetch Metadata (https://w3c.github.io/webappsec-fetch-metadata/): `Sec-Fetch-Site` is
   *    the browser's own verdict, so `same-origin` and `none` (typed, bookmarked) pass and any
   *    other value is refused; when it is present, the Origin fallback below is not consulted;
   * 4. neither Sec-Fetch-Site nor Origin: not a browser, so not a cross-site forgery;
   * 5. an Origin that is the server's own: the request URL's origin, or its host is the Host
   *    header, as Go compares (older browsers send no Sec-Fetch-Site);
   * 6. `bypass(request, ...rest)` returns true.
   * A WebSocket handshake is decided by Origin alone (2, 5, 6); without Origin it passes.
   */
  #csrfCheck(
    request: CorsRequest,
    method: string,
    rest: readonly unknown[],
  ): MaybePromise<CorsAnswer | null> | null {
    const headers = request.headers
    const websocket = method === 'GET' && isWebSocketUpgrade(headers.get('upgrade'))
    if (!websocket && SAFE_METHODS.has(method)) return null
    const origin = headers.get('origin')
    const site = websocket ? null : headers.get('sec-fetch-site')
    if (origin === null && site === null) return null
    const refuse = (): MaybePromise<CorsAnswer | null> =>
      this.#csrfBypass(request, origin, method, websocket, rest)
    const decideBy = (trusted: OriginVerdict): MaybePromise<CorsAnswer | null> => {
      if (trusted === true) return null
      if (site !== null) return site === 'same-origin' || site === 'none' ? null : refuse()
      return isOwnOrigin(request, origin!) ? null : refuse()
    }
    const verdict: MaybePromise<OriginVerdict> =
      origin === null ? 'origin-not-allowed' : this.#trustVerdict(origin, request, rest)
    return isThenable<OriginVerdict>(verdict) ? verdict.then(decideBy) : decideBy(verdict)
  }

  /** Rule 6, then the refusal: a 403 before the handler, reported like every refusal. */
  #csrfBypass(
    request: CorsRequest,
    origin: string | null,
    method: string,
    websocket: boolean,
    rest: readonly unknown[],
  ): MaybePromise<CorsAnswer | null> {
    const refuse = (): CorsAnswer => {
      const code = websocket ? 'cross-origin-websocket' : 'cross-origin-write'
      this.#refuse(request, code, { origin: origin ?? '(none)', preflight: false, method, csrf: true })
      return this.#public === null ? CSRF_REFUSED : this.#csrfRefusedPublic
    }
    const bypass = this.#o.csrf?.bypass
    if (bypass == null) return refuse()
    let passed: unknown
    try {
      passed = bypass(fetchRequest(request), ...rest)
    } catch (error) {
      reportBypassError(error)
      return refuse()
    }
    if (!isThenable(passed)) return passed === true ? null : refuse()
    return Promise.resolve(passed).then(
      (value) => (value === true ? null : refuse()),
      (error: unknown) => {
        reportBypassError(error)
        return refuse()
      },
    )
  }

  /** A public policy's csrf refusal: readable by the page (ACAO `*`), so it can show the 403. */
  get #csrfRefusedPublic(): CorsAnswer {
    return { ...CSRF_REFUSED, headers: { ...CSRF_REFUSED.headers, ...this.#public } }
  }

  apply(response: Response, headers: CorsHeaders): Response {
    return applyToResponse(response, headers)
  }

  actualHeaders(request: CorsRequest, ...rest: unknown[]): MaybePromise<CorsHeaders> {
    return this.#continueHeaders(request, rest)
  }

  /** The CORS headers of an OPTIONS request's answer from the handler. */
  #optionsHeaders(request: CorsRequest, rest: readonly unknown[]): MaybePromise<CorsHeaders> {
    if (this.#o.preflightContinue) {
      // The headers the preflight's own answer would carry, for the handler's answer. A refused
      // preflight's carry no Access-Control-Allow-Origin, so nothing is granted.
      const answer = this.#preflightAnswer(request, rest)
      if (answer !== null) return mapMaybe(answer, corsHeadersOf)
    }
    // An OPTIONS request that is not a preflight gets the handler's answer, a preflight gets
    // the policy's: a cache must tell them apart by Access-Control-Request-Method. (GET, POST…
    // are answered alike with or without it.)
    return mapMaybe(this.#actualHeaders(request, rest), varyOnMethod)
  }

  #actualHeaders(request: CorsRequest, rest: readonly unknown[]): MaybePromise<CorsHeaders> {
    if (this.#public !== null) return this.#public
    const origin = request.headers.get('origin')
    // No Origin: not a CORS request; the answer still depends on Origin, hence Vary.
    if (origin === null) return this.#notGranted
    const exact = this.#granted.get(origin)
    if (exact !== undefined) return exact
    if (this.#exactOnly) return this.#notGranted
    // A write's refusal names its method too: only a safe request's repeat is quiet.
    if (this.#quiet?.has(origin) && SAFE_METHODS.has(request.method)) return this.#notGranted
    const verdict = matchOrigin(this.#o.origin, origin, request, rest)
    if (isThenable<OriginVerdict>(verdict)) return verdict.then((v) => this.#actualFor(request, origin, v))
    return this.#actualFor(request, origin, verdict)
  }

  #actualFor(request: CorsRequest, origin: string, verdict: OriginVerdict): CorsHeaders {
    if (verdict === true) return this.#grantedHeaders(origin, true)
    const method = request.method
    // A write the handler ran (no csrf, or its bypass): the log says so, not merely "refused".
    const details: RefusalDetails = SAFE_METHODS.has(method)
      ? { origin, preflight: false, cause: causeOf(verdict) }
      : { origin, preflight: false, cause: causeOf(verdict), method, ran: true, csrf: this.#o.csrf !== null }
    this.#refuse(request, verdictCode(verdict), details)
    return this.#notGranted
  }

  /**
   * Answers a preflight, never with null: `origin` and `method` are its Origin and
   * Access-Control-Request-Method.
   */
  #answerPreflight(
    request: CorsRequest,
    origin: string,
    method: string,
    rest: readonly unknown[],
  ): MaybePromise<CorsAnswer> {
    if (this.#o.origin.any || this.#granted.has(origin))
      return this.#preflightFor(request, origin, method, true)
    if (this.#exactOnly || this.#quiet?.has(origin)) return REFUSED_ANSWER
    const verdict = matchOrigin(this.#o.origin, origin, request, rest)
    if (isThenable<OriginVerdict>(verdict)) {
      return verdict.then((v) => this.#preflightFor(request, origin, method, v))
    }
    return this.#preflightFor(request, origin, method, verdict)
  }

  /** Fetch §3.2.3 and the CORS-preflight fetch: what a preflight response must carry to pass. */
  #preflightFor(request: CorsRequest, origin: string, method: string, verdict: OriginVerdict): CorsAnswer {
    const o = this.#o
    if (verdict !== true) {
      return this.#refusePreflight(request, verdictCode(verdict), {
        origin,
        preflight: true,
        cause: causeOf(verdict),
      })
    }
    // Everything is decided before the response exists: a refusal builds no granted headers.
    // CORS-preflight fetch step: the request's method must be in Access-Control-Allow-Methods
    // or be a CORS-safelisted method (or `*` matches, for requests without credentials).
    // Methods compare byte-case-sensitively: `patch` is not `PATCH`. Configured methods were
    // checked to be tokens at start-up, so a listed one needs no check.
    let allowMethods: string
    if (o.methods !== null && (o.methods.has(method) || SAFELISTED_METHODS.has(method))) {
      allowMethods = o.allowMethods
    } else if (method.length > MAX_METHOD_LENGTH || !isToken(method)) {
      const shown =
        method.length > MAX_METHOD_LENGTH ? `${method.slice(0, 32)}… (${method.length} characters)` : method
      return this.#refusePreflight(request, 'method-malformed', { origin, preflight: true, method: shown })
    } else if (o.methods === null) {
      // '*' with credentials would be read as a method named "*": echo the method instead.
      allowMethods = o.credentials ? method : '*'
    } else {
      const caseMismatch = o.methods.has(method.toUpperCase())
      const details = { origin, preflight: true, method, caseMismatch }
      return this.#refuseExplained(request, 'method-not-allowed', details, o.allowMethods, o.allowHeaders)
    }

    // CORS-preflight fetch step: every CORS-unsafe request-header name must be in
    // Access-Control-Allow-Headers (compared case-insensitively). `*` never covers
    // `Authorization` and means nothing with credentials, so '*' echoes the names instead.
    const asked = this.#requestHeaders.check(request.headers.get('access-control-request-headers'))
    if (!asked.ok) {
      const details = { origin, preflight: true, header: asked.header }
      // A malformed list gets the bare 403; a header merely not listed gets the policy's list.
      if (asked.code === 'headers-malformed') return this.#refusePreflight(request, asked.code, details)
      return this.#refuseExplained(request, asked.code, details, allowMethods, o.allowHeaders)
    }
    const allowHeaders = o.allowedHeaders === null ? asked.names : o.allowHeaders

    // Private Network Access: a preflight with `Access-Control-Request-Private-Network: true`
    // succeeds only with `Access-Control-Allow-Private-Network: true`.
    const privateNetwork = request.headers.get('access-control-request-private-network') === 'true'
    if (privateNetwork && !o.privateNetworkAccess) {
      const details = { origin, preflight: true }
      return this.#refuseExplained(
        request,
        'private-network-not-allowed',
        details,
        allowMethods,
        allowHeaders,
      )
    }

    const key = `${o.origin.any ? '*' : origin}\n${allowMethods}\n${allowHeaders}\n${privateNetwork}`
    const known = this.#grantedAnswers.get(key)
    if (known !== undefined) return known
    const headers = this.#listsHeaders(origin, allowMethods, allowHeaders)
    if (o.maxAge !== '') headers['access-control-max-age'] = o.maxAge
    if (privateNetwork) headers['access-control-allow-private-network'] = 'true'
    const granted = answer(o.optionsSuccessStatus, headers)
    if (this.#grantedAnswers.size < GRANTED_ANSWERS) this.#grantedAnswers.set(key, lasting(granted))
    return granted
  }

  /**
   * The part of a preflight answer an allowed origin may read: the origin (and credentials) and
   * the lists of what may be asked, with the preflight's Vary.
   */
  #listsHeaders(origin: string, allowMethods: string, allowHeaders: string): Record<string, string> {
    const o = this.#o
    const headers: Record<string, string> = {
      vary: PREFLIGHT_VARY,
      'access-control-allow-origin': o.origin.any ? '*' : origin,
    }
    if (o.credentials) headers['access-control-allow-credentials'] = 'true'
    // A list that ends up empty sends no header at all (an empty value is a header that says nothing).
    if (allowMethods !== '') headers['access-control-allow-methods'] = allowMethods
    if (allowHeaders !== '') headers['access-control-allow-headers'] = allowHeaders
    return headers
  }

  /** A refused preflight grants nothing: no Access-Control-Allow-* at all, and a 403. */
  #refusePreflight(request: CorsRequest, code: RefusalCode, details: RefusalDetails): CorsAnswer {
    this.#refuse(request, code, details)
    return REFUSED_ANSWER
  }

  /**
   * A preflight from an allowed origin that asks for a method, a header or private network
   * access the policy does not allow. The CORS-preflight fetch fails it either way; answered
   * with the origin and the policy's own lists (which never hold what was refused, and which
   * the origin could read from any granted preflight), it fails on the method or the header,
   * and the browser's console names it. No Max-Age: nothing here is worth caching.
   * `preflightRefusals: 'opaque'` keeps the bare 403.
   */
  #refuseExplained(
    request: CorsRequest,
    code: RefusalCode,
    details: RefusalDetails,
    allowMethods: string,
    allowHeaders: string,
  ): CorsAnswer {
    if (!this.#o.explainRefusals) return this.#refusePreflight(request, code, details)
    this.#refuse(request, code, { ...details, explained: true })
    const headers = this.#listsHeaders(details.origin, allowMethods, allowHeaders)
    return answer(this.#o.optionsSuccessStatus, headers)
  }

  #hush(code: RefusalCode, details: RefusalDetails): void {
    const quiet = this.#quiet
    if (quiet !== null && quiet.size < QUIET_ORIGINS && quietable(code, details)) quiet.add(details.origin)
  }

  #refuse(request: CorsRequest, code: RefusalCode, details: RefusalDetails): void {
    const { onRefuse, refusalLog } = this.#o
    // The default log's repeats cost one lookup, first of all.
    if (onRefuse === null && (refusalLog === null || refusalLog.said(code, details))) {
      this.#hush(code, details)
      return
    }
    // Same-origin requests carry Origin too (Fetch: "append a request `Origin` header") but
    // need no CORS headers: not granting them is not a refusal worth reporting (csrf on or off).
    // A csrf 403 is, whatever its Origin: Sec-Fetch-Site said cross-site.
    const csrf403 = code === 'cross-origin-write' || code === 'cross-origin-websocket'
    if (!details.preflight && !csrf403 && isSameOrigin(request, details.origin)) return
    // The fix of an unlisted origin offers a pattern only over a parent one of its siblings is listed under.
    const sibling = listedSibling(this.#o.origin, details.origin)
    if (sibling !== undefined) details = { ...details, listedSibling: sibling }
    if (onRefuse === null) {
      refusalLog!.log(code, details)
      this.#hush(code, details)
      return
    }
    try {
      const result: unknown = onRefuse(describeRefusal(code, details), fetchRequest(request))
      // A thenable's `then` is read inside the try: a hostile getter cannot escape it.
      if (isThenable(result)) Promise.resolve(result).catch(reportHookError)
    } catch (error) {
      reportHookError(error)
    }
  }
}

/**
 * Remembers an origin whose refusal the log has now said (see #quiet): from then on `said` is
 * true for it for good (the log forgets nothing until its budget is spent, and then says nothing).
 * Only a refusal that names the origin alone: one naming a method or a header is a different line.
 */
function quietable(code: RefusalCode, details: RefusalDetails): boolean {
  return (
    details.method === undefined &&
    details.header === undefined &&
    details.csrf === undefined &&
    code.startsWith('origin-')
  )
}

/** How many origins a policy answers quietly at most (see #quiet); beyond, a repeat is matched again. */
const QUIET_ORIGINS = 256

/** How many granted preflights' answers a policy keeps (see #grantedAnswers); beyond, each is built anew. */
const GRANTED_ANSWERS = 256

/** Fetch: "A method is safe if it is `GET`, `HEAD`, `OPTIONS`, or `TRACE`" (RFC 9110 §9.2.1). */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])

/** `Upgrade: websocket` (RFC 6455 §4.1: the value is compared ASCII case-insensitively). */
function isWebSocketUpgrade(upgrade: string | null): boolean {
  return upgrade !== null && WEBSOCKET_TOKEN.test(upgrade)
}

const WEBSOCKET_TOKEN = /(?:^|,)[ \t]*websocket[ \t]*(?:,|$)/i

/** A refused cross-origin write: one line that says why, never echoing the request. */
const CSRF_REFUSED: CorsAnswer = Object.freeze({
  respond: true,
  status: 403,
  headers: Object.freeze({
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    vary: VARY_ORIGIN,
  }),
  body: 'Cross-origin request refused: its origin is not trusted by this server (csrf).\n',
} as const)

function reportBypassError(error: unknown): void {
  console.error(`[corsica] csrf.bypass threw; the request was refused: ${describeThrown(error)}`)
}

/**
 * Whether `origin` is the server's own: the request URL's origin, as the URL parser normalises
 * both (scheme, host, port: `https://api.example:443` is `https://api.example`), or, as Go's
 * CrossOriginProtection compares, its host is the request's `Host` (a server behind a proxy, or
 * a framework that rebuilds the URL, sees another URL than the browser used). A malformed
 * Origin is neither.
 */
function isOwnOrigin(request: CorsRequest, origin: string): boolean {
  if (isSameOrigin(request, origin)) return true
  if (!ORIGIN_SHAPE.test(origin)) return false
  try {
    const parsed = new URL(origin)
    return parsed.origin === new URL(request.url).origin || parsed.host === request.headers.get('host')
  } catch {
    return false
  }
}

/** scheme://host[:port] and nothing more: no path, query, fragment or userinfo. */
const ORIGIN_SHAPE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@\\]+$/i

/** The CORS headers (and Vary) of a preflight answer, as a record: every preflight-only header named. */
function corsHeadersOf(answer: CorsAnswer): CorsHeaders {
  const headers: Record<string, string> = { ...PREFLIGHT_ONLY_ABSENT }
  for (const name of Object.keys(answer.headers)) {
    if (name === 'vary' || name.startsWith('access-control-')) headers[name] = answer.headers[name]!
  }
  return headers
}

/** A preflight-only header the policy does not send is removed from the handler's answer. */
const PREFLIGHT_ONLY_ABSENT: Readonly<Record<string, string>> = Object.freeze({
  'access-control-allow-methods': '',
  'access-control-allow-headers': '',
  'access-control-max-age': '',
  'access-control-allow-private-network': '',
})

function mapMaybe<T, U>(value: MaybePromise<T>, f: (v: T) => U): MaybePromise<U> {
  return isThenable<T>(value) ? Promise.resolve(value).then(f) : f(value)
}

function toContinue(headers: CorsHeaders): CorsDecision {
  return { respond: false, headers }
}

/** Vary of an OPTIONS request's actual answer: with Origin and this header it was a preflight. */
const OPTIONS_VARY = 'Origin, Access-Control-Request-Method'

function varyOnMethod(h: CorsHeaders): CorsHeaders {
  return Object.freeze({ ...h, vary: OPTIONS_VARY })
}

function verdictCode(verdict: Exclude<OriginVerdict, true>): RefusalCode {
  return typeof verdict === 'string' ? verdict : verdict.code
}

function causeOf(verdict: OriginVerdict): unknown {
  return typeof verdict === 'object' ? verdict.cause : undefined
}

/**
 * Whether `origin` is the origin of the request's URL, without parsing it again. A Request's URL
 * is serialized (URL standard) and holds no credentials (Fetch: the Request constructor refuses
 * them), so an http(s) one is `scheme://host[:port]`, serialized as its origin is, then the path
 * from the first `/`. Any other scheme's origin is opaque, never the same as another.
 */
function isSameOrigin(request: CorsRequest, origin: string): boolean {
  const url = request.url
  if (!url.startsWith('https://') && !url.startsWith('http://')) return false
  return url.startsWith(origin) && url.indexOf('/', url.indexOf('//') + 2) === origin.length
}

function reportHookError(error: unknown): void {
  console.error(`[corsica] onRefuse threw; the request was handled anyway: ${describeThrown(error)}`)
}

/**
 * A bodiless answer, its headers given at once: one copy into the Response, where setting them
 * one by one would cross into the runtime's Headers once per header (Bun, measured).
 */
function answer(status: number, headers: Readonly<Record<string, string>>): CorsAnswer {
  return { respond: true, status, headers, body: null }
}

/**
 * Answers given again and again (a refused preflight's, a granted one's per origin), each with
 * the Response that its Responses are cloned from, once one is built (null until then), where
 * cloning is the cheaper (see CLONES).
 */
const templates = /* @__PURE__ */ new WeakMap<CorsAnswer, Response | null>()

/**
 * Whether a Response is cloned cheaper than it is built, measured per runtime (the bench, a
 * refused preflight's 403 and a granted one's six headers, cloned against built; issue 21). Deno,
 * Bun and workerd copy the header list as it is, where a build validates every name and value
 * again: Deno 2.9 115 vs 540 ns and 230 vs 1,350 ns, Bun 1.4 253 vs 615 ns and 410 vs 1,300 ns,
 * workerd a refused preflight at 0.55x the floor instead of 1.7x to 2.0x. Node 20's undici clones
 * at about twice a build's cost (a refused preflight 1,994 vs 1,082 ns): there, and in any
 * runtime not measured, Responses are built.
 */
const CLONES = /* @__PURE__ */ clonesCheaply()

function clonesCheaply(): boolean {
  const g = globalThis as { Deno?: unknown; Bun?: unknown; navigator?: { userAgent?: unknown } }
  return g.Deno !== undefined || g.Bun !== undefined || g.navigator?.userAgent === 'Cloudflare-Workers'
}

/** `a`, frozen (it is handed out again) and kept among the answers whose Responses are cloned. */
function lasting(a: CorsAnswer): CorsAnswer {
  Object.freeze(a.headers)
  templates.set(Object.freeze(a), null)
  return a
}

/** A refused preflight's answer: a 403 whose only header is Vary. */
const REFUSED_ANSWER: CorsAnswer = /* @__PURE__ */ lasting(answer(403, { vary: PREFLIGHT_VARY }))

/** The Response for an answer: a clone of its template when the answer lasts (see templates), else built. */
function toResponse(a: CorsAnswer): Response {
  const template = CLONES ? templates.get(a) : undefined
  if (template === undefined) return build(a)
  if (template !== null) return template.clone()
  // The first of a lasting answer's Responses: the template stays here, never handed out.
  const built = build(a)
  templates.set(a, built)
  return built.clone()
}

/**
 * An answer's Response, built. Every member of the init is given, so none is read through
 * `Object.prototype`, where a polluting bug elsewhere could have put `headers` or `status` (undici
 * copies the init into a plain object, and reads `headers` through the prototype when it is
 * absent); a header record is read by its own keys only, as WebIDL converts a record.
 * The headers are written on the Response's own Headers, after an init whose `headers` is an
 * empty list: undici converts a record through WebIDL's generic record conversion, which costs
 * more than the writes (Node 20, a granted preflight's six headers: 1.93 us as a record, 1.74 us
 * so; a refused preflight's one: 0.71 vs 0.60 us; Bun and Deno within 0.03 us either way; issue
 * 21). The list is a frozen array, not a shared Headers, which a Response may adopt as its own
 * (@hono/node-server's does). Without a body the Headers start empty and each name of a record
 * is distinct, so `append` is `set`; a body's default Content-Type must be replaced, so `set`.
 */
function build(a: CorsAnswer): Response {
  const response = new Response(a.body, { status: a.status, statusText: '', headers: NO_HEADERS })
  const headers = response.headers
  const record = a.headers
  if (a.body === null) for (const name of Object.keys(record)) headers.append(name, record[name]!)
  else for (const name of Object.keys(record)) headers.set(name, record[name]!)
  return response
}

// Frozen: nothing can add to it, whoever holds it (HeadersInit's type is not readonly).
const NO_HEADERS = Object.freeze([]) as unknown as [string, string][]
