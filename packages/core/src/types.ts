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
}

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
  /** Only for a preflight handed to the handler (`preflightContinue`), as the next three. */
  'access-control-allow-methods'?: string
  'access-control-allow-headers'?: string
  'access-control-max-age'?: string
  'access-control-allow-private-network'?: string
  vary?: string
}

/** A value, or a promise of it when an async origin function is configured. */
export type MaybePromise<T> = T | Promise<T>

/** A fetch-style handler: a request and any platform arguments (env, ctx, info) in, a response out. */
export type FetchHandler<Rest extends unknown[] = unknown[]> = (
  request: Request,
  ...rest: Rest
) => Response | Promise<Response>
