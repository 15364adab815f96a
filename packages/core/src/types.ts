/** Public types of @corsica/core. */

/** One entry of the `origin` option: an exact origin, a pattern, or a RegExp. */
export type OriginMatcher = string | RegExp

/**
 * Decides, per request, whether an origin is allowed. Only a returned `true` grants. After the
 * request come the arguments the wrapped handler receives (`Rest`): Workers' `env, ctx`, Deno's
 * `info`, Hono's `Context`, a Next middleware's `event`.
 */
export type OriginFunction<Rest extends unknown[] = any[]> = (
  origin: string,
  request: Request,
  ...rest: Rest
) => boolean | Promise<boolean>

/** Everything the `origin` option accepts. */
export type OriginOption<Rest extends unknown[] = any[]> =
  | '*'
  | true
  | OriginMatcher
  | readonly OriginMatcher[]
  | OriginFunction<Rest>

/**
 * Options of {@link createCors}. Names follow express `cors()`. `Rest` types the platform
 * arguments an origin function receives after the request.
 */
export interface CorsOptions<Rest extends unknown[] = any[]> {
  /**
   * Which origins may read responses. Required.
   * - `'*'`: any origin (a public API; not with `credentials`). `true` (express's "reflect the
   *   origin") is read as `'*'`, and refused with `credentials`.
   * - `'https://app.example.com'`: exactly that origin, as browsers serialize it.
   * - `'https://*.example.com'`: any subdomain (one or more labels), never the apex.
   * - `'http://localhost:*'`: any port, or none.
   * - a RegExp, anchored with `^` and `$`.
   * - an array of the above; `'null'` matches only when listed.
   * - a function `(origin, request, ...platform arguments) => boolean | Promise<boolean>`.
   *
   * **Security:** everything listed here can read responses with the user's cookies when
   * `credentials` is true.
   */
  origin: OriginOption<Rest>
  /**
   * Methods a preflight may ask for. GET, HEAD and POST never need a preflight, so browsers
   * allow them whatever this says. `'*'` allows any method.
   * @default ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE']
   */
  methods?: readonly string[] | '*'
  /**
   * Request headers a preflight may ask for, beyond the CORS-safelisted ones. Left out (or
   * `'*'`), whatever the page asks for is granted, each name echoed (so `authorization` is
   * covered, which a literal `*` never does); `[]` allows the safelisted ones only.
   * @default every requested header, echoed
   */
  allowedHeaders?: readonly string[] | '*'
  /**
   * Response headers script may read, beyond the CORS-safelisted ones. `'*'` exposes all (not
   * with `credentials`).
   * @default []
   */
  exposedHeaders?: readonly string[] | '*'
  /**
   * Lets cookies and HTTP authentication travel with cross-origin requests
   * (`Access-Control-Allow-Credentials: true`).
   *
   * **Security:** every allowed origin can then act as the signed-in user.
   * @default false
   */
  credentials?: boolean
  /**
   * Seconds a browser may cache a preflight answer (`Access-Control-Max-Age`). Browsers cap it
   * (Chromium: 7200, Firefox: 86400).
   * @default undefined (no header: browsers cache for 5 seconds)
   */
  maxAge?: number
  /**
   * Answers Private Network Access preflights (`Access-Control-Request-Private-Network: true`)
   * with `Access-Control-Allow-Private-Network: true`.
   * @default false
   */
  privateNetworkAccess?: boolean
  /**
   * Status of a granted preflight. Must be 2xx.
   * @default 204
   */
  optionsSuccessStatus?: number
  /**
   * Hands preflights to the handler (as express `cors()` does): it sees them (to log them, to
   * answer `OPTIONS` its own way), and a granted preflight's CORS headers go on its answer. A
   * refused preflight reaches the handler too, and its answer is granted nothing.
   * @default false (preflights are answered without the handler)
   */
  preflightContinue?: boolean
  /**
   * How a preflight from an **allowed** origin is answered when it asks for a method, a request
   * header or private network access the policy does not allow:
   * - `'explain'`: the success status, `Access-Control-Allow-Origin` (and `-Allow-Credentials`
   *   with `credentials`) and the policy's own `Access-Control-Allow-Methods` /
   *   `-Allow-Headers`, never what was refused. The browser still blocks the request, and its
   *   console names what was refused (Chromium: "Method DELETE is not allowed by
   *   Access-Control-Allow-Methods in preflight response."). An allowed origin can read the same
   *   lists from any granted preflight, so this reveals nothing.
   * - `'opaque'`: a 403 with no `Access-Control-*` header, as for a refused origin. The console
   *   then blames the origin ("No 'Access-Control-Allow-Origin' header is present").
   *
   * A preflight from a refused origin, or a malformed one, always gets the bare 403.
   * @default 'explain'
   */
  preflightRefusals?: 'explain' | 'opaque'
  /**
   * Called for every CORS request that is not granted, with the reason. It must not throw; an
   * exception or rejection it raises is reported with `console.error` and otherwise ignored.
   *
   * Left out, each distinct refusal (code, origin, method or header) is logged once with
   * `console.warn`, as one `[corsica] …` line with the fix (see `refusalLine`); the first 100,
   * then one line saying further ones are not logged. `false` logs nothing.
   * @default console.warn, once per distinct refusal
   */
  onRefuse?: ((refusal: CorsRefusal, request: Request) => void) | false
  /**
   * With `credentials`, also allows plain-`http://` origins that are not loopback
   * (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`). Off by default, and refused at start-up
   * when such an origin is listed.
   *
   * **Security:** anyone on the network path of such a page (public Wi-Fi, a hostile proxy) can
   * inject script into it and read every credentialed answer it is granted.
   * @default false
   */
  dangerouslyAllowInsecureOrigins?: boolean
  /**
   * Refuses cross-origin writes and WebSocket handshakes before the handler runs: CORS only
   * decides whether a page may **read** an answer, so without this a cross-site form post still
   * runs the handler with the user's cookies. A request reaches the handler when its method is
   * safe (GET, HEAD, OPTIONS: keep them free of side effects), its Origin is granted by name
   * (listed, a pattern, a RegExp or the origin function; never `'*'` or `'null'`),
   * `Sec-Fetch-Site` is `same-origin` or `none`, it carries neither `Sec-Fetch-Site` nor
   * `Origin` (not a browser), its Origin is the request URL's own, or `bypass` returns true.
   * Anything else gets a 403 and is reported like every refusal. A WebSocket handshake
   * (`GET` with `Upgrade: websocket`) passes only with no Origin, a trusted one, the server's
   * own, or `bypass`.
   *
   * `bypass(request, ...rest)` lets routes that must accept cross-site posts (OAuth
   * `form_post` and SAML callbacks, 3-D Secure returns) through.
   * @default false
   */
  csrf?: boolean | { bypass: (request: Request, ...rest: Rest) => boolean | Promise<boolean> }
  /**
   * What `wrap` (and `@corsica/astro`) answers when the handler throws or rejects. Left out: a
   * 500 carrying the CORS headers the request would have had (so the page reads the status, and
   * the console does not blame CORS), the error logged with `console.error`, once per occurrence.
   * A function shapes the answer (its CORS headers are added); `false` rethrows, as before.
   * Adapters whose framework answers errors itself (Hono's `app.onError`, Express's error
   * handlers, ...) never call it, and say so at start-up (see {@link FrameworkErrors}).
   * @default a 500 with CORS headers, the error logged
   */
  onError?: ((error: unknown, request: Request) => Response | Promise<Response>) | false
}

/**
 * What an adapter that leaves thrown errors to its framework says of an `onError` function, which
 * it never calls: one more line of the start-up warning for settings that do nothing (for
 * `@corsica/hono`: `{ problem: 'is never called: Hono answers what a route throws, and the CORS
 * headers are added.', fix: 'leave it out; shape error answers with app.onError((error, c) => ...).' }`).
 */
export interface FrameworkErrors {
  /** What becomes of a thrown error instead, starting `is never called: `. */
  problem: string
  /** Where users shape an error's answer instead. */
  fix: string
}

/**
 * Settings that differ per origin: a list of options objects. A request is decided by the first
 * entry whose `origin` grants its Origin, and by the first entry when none does (or it has no
 * Origin). `onRefuse`, `onError`, `csrf` and `preflightContinue` hold for the whole policy: they
 * are read from the first entry.
 */
export type CorsOptionsList<Rest extends unknown[] = any[]> = readonly CorsOptions<Rest>[]

/** Stable codes of the reasons a CORS request is not granted. */
export type RefusalCode =
  | 'origin-not-allowed'
  | 'origin-malformed'
  | 'origin-check-failed'
  | 'origin-function-invalid'
  | 'origin-insecure'
  | 'method-not-allowed'
  | 'method-malformed'
  | 'header-not-allowed'
  | 'headers-malformed'
  | 'private-network-not-allowed'
  | 'cross-origin-write'
  | 'cross-origin-websocket'

/** Why a CORS request was not granted, in words a developer can act on. */
export interface CorsRefusal {
  /** Stable code, e.g. `header-not-allowed`. */
  code: RefusalCode
  /** What is wrong, e.g. "request header x-api-key is not in allowedHeaders". */
  message: string
  /** How to fix it, e.g. "add 'x-api-key' to allowedHeaders". */
  fix: string
  /**
   * The reason name MDN and Firefox use for what the browser then reports, e.g.
   * `CORSMissingAllowOrigin`, or `CORSMethodNotFound` for a method refused with the policy's lists.
   */
  browserReason: string
  /** The request's Origin header, as received. */
  origin: string
  /** Whether the refused request was a preflight. */
  preflight: boolean
  /** The thrown value, for `origin-check-failed`; what the function returned (or threw), for `origin-function-invalid`. */
  cause?: unknown
}

/**
 * The CORS headers an actual (non-preflight) response needs, computed from the request alone.
 * A header absent here is removed from the response: the policy owns the CORS headers.
 * `vary` is merged into the response's own Vary, never replacing it.
 */
export interface CorsHeaders {
  'access-control-allow-origin'?: string
  'access-control-allow-credentials'?: string
  'access-control-expose-headers'?: string
  /**
   * Only for a preflight handed to the handler (`preflightContinue`), as the next three. Such a
   * record names all four, `''` for one the policy does not send: a preflight's answer carries
   * only the policy's Access-Control-* headers, whoever wrote the rest of it.
   */
  'access-control-allow-methods'?: string
  'access-control-allow-headers'?: string
  'access-control-max-age'?: string
  'access-control-allow-private-network'?: string
  vary?: string
}

/**
 * What the policy reads of a request. A Fetch `Request` is one; a server without Fetch requests
 * (node:http) passes a thin view, so that no Request is built for a CORS decision.
 */
export interface CorsRequest {
  readonly method: string
  /** The absolute request URL, e.g. `http://api.example:8080/path`: its origin is the server's own. */
  readonly url: string
  /** Header values by lower-case name, several lines joined with `, `; null when absent. */
  readonly headers: { get(name: string): string | null }
  /**
   * Builds the Fetch Request an origin function, `onRefuse` or `csrf.bypass` is promised; called
   * only when one of them runs. A Fetch Request needs none.
   */
  toRequest?(): Request
}

/** An answer the policy gives itself, as a record: a preflight's, or a refused cross-origin write's. */
export interface CorsAnswer {
  readonly respond: true
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | null
}

/**
 * What the policy does with a request, without building a Response: answer it itself (the
 * handler must not run), or let the handler run and put `headers` on its answer.
 */
export type CorsDecision = CorsAnswer | { readonly respond: false; readonly headers: CorsHeaders }

/** Headers that can be read and written: a Fetch `Headers`, or a view over Node's ServerResponse. */
export interface HeaderStore {
  get(name: string): string | null
  set(name: string, value: string): void
  delete(name: string): void
  has(name: string): boolean
}

/** A value, or a promise of it when an async origin function is configured. */
export type MaybePromise<T> = T | Promise<T>

/** A fetch-style handler: a request and any platform arguments (env, ctx, info) in, a response out. */
export type FetchHandler<Rest extends unknown[] = unknown[]> = (
  request: Request,
  ...rest: Rest
) => Response | Promise<Response>
