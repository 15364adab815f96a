/**
 * Why a CORS request was not granted: one vocabulary of codes, messages and fixes, shared by
 * the server's `onRefuse` hook and `corsica doctor`, so the log line and the diagnosis read alike.
 */
import type { CorsRefusal, RefusalCode } from './types.ts'

/** Details of one refusal, as the policy saw them. */
export interface RefusalDetails {
  origin: string
  preflight: boolean
  /** The requested method, for method refusals. */
  method?: string
  /** The offending header name (or a length), for header refusals. */
  header?: string
  /** What the origin function threw (or, for `origin-function-invalid`, returned). */
  cause?: unknown
  /**
   * For `origin-not-allowed`: a listed origin with the same scheme, port and parent domain as the
   * refused one (`https://us.app.example.com` for `https://eu.app.example.com`). The fix suggests
   * a pattern over their parent only then: a stranger's domain is never offered as a pattern.
   */
  listedSibling?: string
  /** Whether an upper-cased `method` would have been allowed (a `patch` vs `PATCH` mistake). */
  caseMismatch?: boolean
  /** Whether the refused preflight was answered with the policy's lists (`preflightRefusals: 'explain'`). */
  explained?: boolean
  /** A write from a refused origin that the handler ran: the browser hides its answer, not its effect. */
  ran?: boolean
  /** Whether `csrf` is on (a refused write it did not stop was let through by its bypass). */
  csrf?: boolean
}

/**
 * For each code, what is wrong and how to fix it, in words a developer can act on.
 */
export const REFUSAL_REASONS: Readonly<
  Record<RefusalCode, { message(d: RefusalDetails): string; fix(d: RefusalDetails): string }>
> = {
  'origin-not-allowed': {
    message: (d) =>
      d.ran
        ? `${d.method} from ${d.origin} ran the handler; the browser hides the answer, but not the write (origin ${d.origin} is not allowed by the origin option)`
        : `origin ${d.origin} is not allowed by the origin option`,
    fix: (d) =>
      d.ran && !d.csrf
        ? `set csrf: true to refuse such requests before the handler runs; ${addOriginFix(d.origin, d.listedSibling)}`
        : d.origin === 'null'
          ? "the page has an opaque origin (sandboxed iframe, file: URL or a cross-origin redirect); list 'null' in origin only if you accept requests from any such page"
          : addOriginFix(d.origin, d.listedSibling),
  },
  'origin-malformed': {
    message: (d) =>
      `Origin header ${JSON.stringify(d.origin.slice(0, 100))} is not one serialized origin (scheme://host[:port])`,
    fix: () =>
      'send exactly one Origin header such as https://app.example.com; browsers always do, so this request was not made by a browser page',
  },
  'origin-check-failed': {
    message: (d) => `the origin function threw for origin ${d.origin}: ${describeThrown(d.cause)}`,
    fix: () => 'make the origin function return true or false (or a promise of it) without throwing',
  },
  'origin-function-invalid': {
    message: (d) =>
      isThrownError(d.cause)
        ? `the origin function threw ${describeThrown(d.cause)} for origin ${d.origin}: it looks like an express-style (origin, callback) function, but Corsica passes the request second, not a callback`
        : `the origin function returned ${describeReturned(d.cause)} for origin ${d.origin}, not true or false`,
    fix: () =>
      'return true to grant, false to refuse (or a promise of one): Corsica writes the header itself, so a hono/cors-style function returning the origin or null becomes (origin) => list.includes(origin), and an express-style (origin, callback) function returns the boolean it passed to callback (see docs/migration.md)',
  },
  'origin-insecure': {
    message: (d) =>
      `origin ${d.origin} is plain http and credentials is true, so it is not granted (anyone on its network path could inject script into it)`,
    fix: (d) =>
      `serve the page over https (${d.origin.replace(/^http:/, 'https:')}), or set dangerouslyAllowInsecureOrigins: true if you accept that risk`,
  },
  'method-not-allowed': {
    message: (d) => `method ${d.method} is not in methods`,
    fix: (d) => {
      const upper = d.method?.toUpperCase()
      return d.caseMismatch
        ? `the page sent '${d.method}' in lower case and methods are case-sensitive (browsers upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT); call fetch with method: '${upper}'`
        : d.method !== upper
          ? `add '${upper}' to methods and call fetch with method: '${upper}' (browsers send '${d.method}' exactly as the page wrote it, and methods are case-sensitive)`
          : `add '${d.method}' to methods`
    },
  },
  'method-malformed': {
    message: (d) => `Access-Control-Request-Method ${JSON.stringify(d.method)} is not a method name`,
    fix: () =>
      'send one method name, such as PUT; browsers always do, so this request was not made by a browser page',
  },
  'header-not-allowed': {
    message: (d) => `request header ${d.header} is not in allowedHeaders`,
    fix: (d) =>
      d.header === 'content-type'
        ? "add 'content-type' to allowedHeaders (a Content-Type other than text/plain, multipart/form-data or application/x-www-form-urlencoded, such as application/json, needs it)"
        : `add '${d.header}' to allowedHeaders`,
  },
  'headers-malformed': {
    message: (d) =>
      d.header?.endsWith(' characters')
        ? `Access-Control-Request-Headers is ${d.header} long; at most 1024 are read`
        : `Access-Control-Request-Headers has ${JSON.stringify(d.header?.slice(0, 100))}, which is not a header name`,
    fix: () =>
      'send fewer custom headers, named with letters, digits and -; browsers list the names the page set, comma-separated',
  },
  'private-network-not-allowed': {
    message: () => 'the preflight asks for private network access and privateNetworkAccess is off',
    fix: () => 'set privateNetworkAccess: true if public websites may call this server on a private network',
  },
  'cross-origin-write': {
    message: (d) =>
      `cross-origin ${d.method} from ${d.origin} was refused with 403 before the handler ran (csrf): the origin is not trusted`,
    fix: (d) =>
      `${addOriginFix(d.origin, d.listedSibling)}; or let csrf.bypass return true for a route that must accept cross-site posts (an OAuth form_post or SAML callback)`,
  },
  'cross-origin-websocket': {
    message: (d) =>
      `WebSocket handshake from ${d.origin} was refused with 403 before the handler ran (csrf): the origin is not trusted`,
    fix: (d) => `${addOriginFix(d.origin, d.listedSibling)}; or let csrf.bypass return true for this route`,
  },
}

/**
 * Describes any thrown value in one line without ever throwing itself: `String()` fails on
 * `Object.create(null)`, and a hostile object can throw from `toString` or from a getter.
 */
export function describeThrown(value: unknown): string {
  try {
    if (value instanceof Error) return `${value.name}: ${value.message}`
    if (typeof value === 'string') return value
    return String(value)
  } catch {
    try {
      return Object.prototype.toString.call(value)
    } catch {
      return 'a value that cannot be described'
    }
  }
}

/** Whether a value is an Error (any realm), by its tag, without throwing. */
function isThrownError(value: unknown): boolean {
  try {
    return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]'
  } catch {
    return false
  }
}

/** A returned value in one line: strings quoted, the rest as describeThrown shows them. */
function describeReturned(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 100))
  if (value === null || value === undefined) return String(value)
  return `${describeThrown(value)} (${typeof value})`
}

/** Builds the refusal record handed to `onRefuse`. */
export function describeRefusal(code: RefusalCode, details: RefusalDetails): CorsRefusal {
  const reason = REFUSAL_REASONS[code]
  // Every field built from the request is escaped: a hook that prints `refusal.message` as it
  // is (the README's own example does) must not write control sequences into a terminal.
  const refusal: CorsRefusal = {
    code,
    message: escapeControls(reason.message(details)),
    fix: escapeControls(reason.fix(details)),
    browserReason: browserReason(code, details),
    origin: escapeControls(details.origin),
    preflight: details.preflight,
  }
  if (details.cause !== undefined) refusal.cause = details.cause
  return refusal
}

/**
 * What the browser then reports, by MDN's names (https://developer.mozilla.org/docs/Web/HTTP/CORS/Errors):
 * a preflight answered with the policy's lists fails on the method or the header it names; a
 * bare 403 fails as a whole; a refused actual response has no Access-Control-Allow-Origin.
 */
function browserReason(code: RefusalCode, details: RefusalDetails): string {
  if (!details.preflight) return 'CORSMissingAllowOrigin'
  if (details.explained) {
    if (code === 'method-not-allowed') return 'CORSMethodNotFound'
    if (code === 'header-not-allowed') return 'CORSMissingAllowHeaderFromPreflight'
    // Not an MDN name (MDN has no page for it); the doctor's, in the same style.
    if (code === 'private-network-not-allowed') return 'CORSMissingAllowPrivateNetwork'
  }
  return 'CORSPreflightDidNotSucceed'
}

/**
 * "add it to origin" (if it is trusted), and a pattern covering its siblings only when one of
 * them is listed already: `https://eu.app.example.com` refused while `https://us.app.example.com`
 * is listed suggests `https://*.app.example.com`; a stranger's domain never gets a pattern.
 */
function addOriginFix(origin: string, listedSibling: string | undefined): string {
  // Not every unlisted origin is a mistake: only the user knows whether to trust it.
  const add = `if you trust it, add '${origin}' to origin`
  const pattern = listedSibling === undefined ? null : siblingPattern(origin)
  return pattern ? `${add} (or a pattern covering it and ${listedSibling}, like '${pattern}')` : add
}

/**
 * `https://eu.app.example.com` → `https://*.app.example.com`, keeping the port; null for a host
 * of fewer than three labels, so that a suggestion never covers a whole top-level domain.
 */
export function siblingPattern(origin: string): string | null {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)[^.:/[\]]+\.([^:/]+\.[^:/]+)(:\d+)?$/.exec(origin)
  return m ? `${m[1]}*.${m[2]}${m[3] ?? ''}` : null
}

/**
 * The one line Corsica logs for a refusal when no `onRefuse` is given: what was refused, from
 * which origin, and the fix, e.g.
 * `[corsica] preflight from https://app.example.com refused: request header x-api-key is not in allowedHeaders. Fix: add 'x-api-key' to allowedHeaders`
 */
export function refusalLine(refusal: Pick<CorsRefusal, 'origin' | 'preflight' | 'message' | 'fix'>): string {
  const what = refusal.preflight ? 'preflight' : 'request'
  // Origin refusals name the origin in their message already.
  const from = refusal.message.includes(refusal.origin) ? '' : ` from ${refusal.origin.slice(0, 100)}`
  // Header values may hold ESC and other controls: escaped, so a request cannot write escape
  // sequences (or fake lines) into the server's terminal or log.
  return escapeControls(`[corsica] ${what}${from} refused: ${refusal.message}. Fix: ${refusal.fix}`)
}

/** `text` with C0 and C1 controls, line and paragraph separators and bidi overrides as `\\uXXXX`. */
export function escapeControls(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
