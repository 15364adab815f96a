/**
 * The `origin` option: parsing configured origins and patterns once, and matching the
 * Origin header of a request against them.
 *
 * Browsers send the ASCII serialization of an origin (HTML: "serialization of an origin"):
 * `scheme://host[:port]`, scheme and host in lower case, IDNs in punycode, the default port
 * left out, or the literal `null` for opaque origins. Exact origins are therefore compared
 * byte for byte against the configured ones, normalized the same way at start-up.
 */
import { show } from './errors.ts'
import type { OriginPattern, OriginPatterns } from './pattern-index.ts'
import { siblingPattern } from './reasons.ts'
import type { CorsRequest, OriginFunction, OriginMatcher, OriginOption } from './types.ts'

/** The compiled `origin` option. */
export interface OriginPolicy {
  /** `origin: '*'`: every origin, and the answer never depends on it. */
  readonly any: boolean
  readonly exact: ReadonlySet<string>
  /** The patterns, indexed (see pattern-index.ts). */
  readonly patterns: OriginPatterns
  readonly regexps: readonly RegExp[]
  readonly fn: OriginFunction | null
  /**
   * For the fix of a refused origin: listed exact origins by the pattern over their parent
   * domain (`https://*.app.example.com` → `https://us.app.example.com`), for parents that are not
   * public suffixes. Built on first use: only refusals read it.
   */
  readonly siblings: () => ReadonlyMap<string, string>
  /**
   * Credentials without dangerouslyAllowInsecureOrigins: a plain-http origin that is not
   * loopback is never granted. Listed origins and patterns are checked at start-up; what a
   * RegExp or the origin function allows is checked per request.
   */
  readonly secureOnly: boolean
}

/** A problem found in one configured origin, with its fix. */
export interface EntryProblem {
  problem: string
  fix: string
}

/**
 * What an entry point makes of a subdomain pattern (`https://*.example.com`), given as `entry`
 * (as written), its scheme and its base domain (`example.com`, lower case, ASCII), once its shape
 * is checked: null to accept it, or the problem. `@corsica/core` asks the Public Suffix List
 * (public-suffix.ts); `@corsica/core/lite` refuses every subdomain pattern, so that a bundle
 * never holds the list.
 */
export type SubdomainCheck = ((entry: string, scheme: string, base: string) => EntryProblem | null) & {
  /**
   * A new index for the patterns it lets through (pattern-index.ts): every kind in the full
   * entry, port patterns only in the lite entry, whose bundle then holds no tree of labels.
   */
  readonly patterns: () => OriginPatterns
  /**
   * Whether anyone can register names right under `domain` (a public suffix), when the entry point
   * knows (the full entry does, from the list).
   */
  readonly isPublicSuffix?: (domain: string) => boolean
  /**
   * What is wrong with a compiled RegExp that grants names anyone can register under a public
   * suffix (regexp-suffix.ts), when the entry point probes for it (the full entry); absent (the
   * lite entry), RegExps are not probed for it, and its bundle holds no probe.
   */
  readonly regexpProblem?: (entry: RegExp, source: string, compiled: RegExp) => EntryProblem | null
  /**
   * The listed exact origins by the pattern over their parent domain that this entry point would
   * accept (OriginPolicy.siblings); absent (the lite entry, which accepts no subdomain pattern),
   * there are none.
   */
  readonly siblings?: (exact: ReadonlySet<string>) => ReadonlyMap<string, string>
}

const SCHEME_AND_REST = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/s
const HOST_LABELS = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/
const IPV6_HOST = /^\[[0-9a-f:.]+\]$/
const DEFAULT_PORTS: ReadonlyMap<string, string> = new Map([
  ['http', '80'],
  ['https', '443'],
  ['ws', '80'],
  ['wss', '443'],
])
/** What a configured host may contain: labels, IPv6 brackets, `*`, and non-ASCII (IDNs). */
const HOST_CHARS = /^[a-zA-Z0-9._\-*:[\]\u0080-\uffff]*$/
/** ASCII control characters, space and DEL: the URL parser strips or rejects them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/g

/**
 * Compiles the `origin` option. Problems are pushed onto `problems` (with the option path)
 * rather than thrown, so that createCors can report every problem at once.
 */
export function compileOrigin(
  value: unknown,
  { secureOnly, subdomains }: { secureOnly: boolean; subdomains: SubdomainCheck },
  problems: { option: string; problem: string; fix: string }[],
): OriginPolicy {
  const exact = new Set<string>()
  const patterns = subdomains.patterns()
  const regexps: RegExp[] = []
  let siblings: ReadonlyMap<string, string> | null = null
  const siblingsOf = () => {
    siblings ??= subdomains.siblings?.(exact) ?? new Map()
    return siblings
  }
  const policy = {
    any: false,
    exact,
    patterns,
    regexps,
    fn: null as OriginFunction | null,
    secureOnly,
    siblings: siblingsOf,
  }

  if (value === undefined) return policy // reported as missing by compileOptions
  if (value === '*') return { ...policy, any: true }
  if (typeof value === 'function') return { ...policy, fn: value as OriginFunction }
  // Alone, true is read by compileOptions ('*', or refused with credentials); in a list it is not.

  const entries: readonly unknown[] = Array.isArray(value) ? value : [value]
  if (Array.isArray(value) && value.length === 0) {
    problems.push({
      option: 'origin',
      problem: 'is an empty list, so no origin could ever be allowed.',
      fix: "list the origins of your front ends, e.g. origin: ['https://app.example.com'], or use '*' for a public API.",
    })
  }
  entries.forEach((entry, i) => {
    const option = Array.isArray(value) ? `origin[${i}]` : 'origin'
    const found = addEntry(entry, policy, subdomains)
    if (found) problems.push({ option, ...found })
  })
  return policy
}

function addEntry(
  entry: unknown,
  policy: { exact: Set<string>; patterns: OriginPatterns; regexps: RegExp[]; secureOnly: boolean },
  subdomains: SubdomainCheck,
): EntryProblem | null {
  if (isRegExp(entry)) {
    const compiled = compileRegExp(entry, subdomains.regexpProblem)
    if ('problem' in compiled) return compiled
    policy.regexps.push(compiled)
    return null
  }
  if (typeof entry !== 'string') return wrongType(entry)
  if (entry === '*') {
    return {
      problem: "'*' must be used alone, not inside a list.",
      fix: "use origin: '*' for a public API, or list only the origins you trust.",
    }
  }
  if (entry === 'null') {
    policy.exact.add('null')
    return null
  }
  const parsed = parseConfiguredOrigin(entry)
  if ('problem' in parsed) return parsed
  if (parsed.pattern?.host === null) {
    const refused = subdomains(entry, parsed.scheme, parsed.host)
    if (refused) return refused
  }
  const changed = urlParserDisagrees(entry, parsed)
  if (changed) return changed
  if (policy.secureOnly && parsed.scheme === 'http' && !isLoopbackHost(parsed.host)) {
    return insecureProblem(entry)
  }
  if (parsed.pattern) policy.patterns.add(parsed.pattern)
  else policy.exact.add(parsed.origin)
  return null
}

function wrongType(entry: unknown): EntryProblem {
  if (entry === true) {
    return {
      problem: 'true (reflect every origin) must be used alone, not inside a list.',
      fix: "list only the origins you trust, e.g. ['https://app.example.com'], or use origin: '*' for a public API without credentials.",
    }
  }
  if (entry === undefined || entry === null) {
    return {
      problem: 'is missing.',
      fix: "set origin to the origins of your front ends, e.g. origin: ['https://app.example.com'], or to '*' for a public API that sends no cookies.",
    }
  }
  return {
    problem: `${show(entry)} is not an origin string, a RegExp or a function.`,
    fix: "write origins as strings like 'https://app.example.com'.",
  }
}

/** Whether a value is a RegExp, from this realm or another (instanceof fails across realms). */
function isRegExp(value: unknown): value is RegExp {
  return value instanceof RegExp || Object.prototype.toString.call(value) === '[object RegExp]'
}

/**
 * Origins no configuration could have meant: a RegExp that matches one of them lets arbitrary
 * websites read the responses, as `origin: true` (reflect every origin) would.
 */
const UNMEANT_ORIGINS = [
  'https://corsica-unmeant-origin.invalid',
  'http://corsica-unmeant-origin.invalid:8443',
  'https://corsica-unmeant-origin.com',
  'https://a.b.corsica-unmeant-origin.net',
  'http://203.0.113.7',
] as const

/**
 * A configured RegExp, compiled to match whole origins only: `^(?:source)$`. In
 * `/^https:\/\/a\.com|https:\/\/b\.com$/` the `^` binds to the first branch and the `$` to the
 * last, so as written it also matches `https://a.com.evil.test`; wrapped, each branch must
 * match the whole origin. The flags `g` and `y` (which keep `lastIndex` between calls, so
 * that one origin is allowed once and refused the next) and `m` (which lets `^`/`$` match at
 * line breaks) are dropped.
 */
function compileRegExp(entry: RegExp, regexpProblem: SubdomainCheck['regexpProblem']): RegExp | EntryProblem {
  const { source, flags } = entry // read once: a subclass could answer differently each time
  if (!isAnchored(source)) {
    return {
      problem: `${show(entry)} is not anchored with ^ and $, so it looks as if it matched origins that merely contain it (https://example.com.evil.test); Corsica matches a RegExp against the whole origin only.`,
      fix: 'anchor it, e.g. /^https:\\/\\/(www\\.)?example\\.com$/, or use a pattern string like https://*.example.com.',
    }
  }
  let compiled: RegExp
  try {
    compiled = new RegExp(`^(?:${source})$`, flags.replace(/[gym]/g, ''))
  } catch {
    return {
      problem: `${show(entry)} cannot be compiled.`,
      fix: 'write an anchored RegExp such as /^https:\\/\\/app\\.example\\.com$/.',
    }
  }
  const unmeant = UNMEANT_ORIGINS.find((origin) => compiled.test(origin))
  if (unmeant !== undefined) {
    return {
      problem: `${show(entry)} matches origins nobody could have meant, such as ${unmeant}: it lets every website read your responses, as origin: true would.`,
      fix: "use origin: '*' for a public API without credentials, or list the origins you trust (a pattern like 'https://*.example.com' covers subdomains).",
    }
  }
  return regexpProblem?.(entry, source, compiled) || compiled
}

/**
 * Whether a RegExp source starts with `^` and ends with an unescaped `$`, allowing groups
 * around them: `/^(?:https:\/\/a\.com)$/`, `/^https:\/\/a\.com(?:$)/`, and a `$` after an
 * escaped backslash (`\\$`) all count.
 */
export function isAnchored(source: string): boolean {
  if (!/^(?:\((?:\?:)?)*\^/.test(source)) return false
  let end = source.length
  while (end > 0 && source[end - 1] === ')' && !isEscaped(source, end - 1)) end--
  return end > 0 && source[end - 1] === '$' && !isEscaped(source, end - 1)
}

/** Whether the character at `i` is preceded by an odd number of backslashes. */
export function isEscaped(source: string, i: number): boolean {
  let backslashes = 0
  while (i - 1 - backslashes >= 0 && source[i - 1 - backslashes] === '\\') backslashes++
  return backslashes % 2 === 1
}

/**
 * The last word goes to the URL parser, as browsers use it: for the special schemes, what the
 * entry parses to must be the origin Corsica compiled (a pattern with `x` for its wildcard
 * label and no wildcard port), with nothing after it.
 */
function urlParserDisagrees(entry: string, parsed: Exclude<Parsed, EntryProblem>): EntryProblem | null {
  if (!DEFAULT_PORTS.has(parsed.scheme)) return null
  const p = parsed.pattern
  const probe = p ? entry.replace('*.', 'x.').replace(/:\*$/, '') : entry
  const expected = p
    ? `${p.scheme}://${p.host ?? `x${p.suffix}`}${p.port === '' || p.port === '*' ? '' : `:${p.port}`}`
    : parsed.origin
  let url: URL | null = null
  try {
    url = new URL(probe)
  } catch {}
  if (url !== null && url.origin === expected && url.href === `${url.origin}/`) return null
  return {
    problem: `'${entry}' is not read by the URL parser as the origin it looks like${url ? ` (it reads ${url.href})` : ''}, so browsers would never send it.`,
    fix: "write the origin alone, as the browser shows it: scheme://host[:port], e.g. 'https://app.example.com'.",
  }
}

function insecureProblem(entry: string): EntryProblem {
  return {
    problem: `'${entry}' is plain http, and credentials is true: anyone on the network path of that page (public Wi-Fi, a hostile proxy) can inject script into it and read every credentialed answer.`,
    fix: `use '${entry.replace(/^http:/i, 'https:')}', or, if you accept that risk (e.g. an intranet without TLS), set dangerouslyAllowInsecureOrigins: true.`,
  }
}

/** Loopback hosts, which no network attacker stands between: browsers treat them as secure. */
function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/.test(host)
  )
}

/** The host of a serialized origin `scheme://host[:port]`. */
export function hostOf(origin: string): string {
  const rest = origin.slice(origin.indexOf('://') + 3)
  return rest.startsWith('[') ? rest.slice(0, rest.indexOf(']') + 1) : rest.split(':')[0]!
}

/** A listed origin that shares `origin`'s scheme, port and parent domain, for the fix of its refusal. */
export function listedSibling(policy: OriginPolicy, origin: string): string | undefined {
  // Only a well-formed origin (at most 512 characters) is read, and only when origins are listed.
  if (policy.exact.size === 0 || !isSerializedOrigin(origin)) return undefined
  const pattern = siblingPattern(origin)
  return pattern === null ? undefined : policy.siblings().get(pattern)
}

/** Whether a request's (serialized) origin is plain http and not loopback. */
export function isInsecureOrigin(origin: string): boolean {
  return origin.startsWith('http://') && !isLoopbackHost(hostOf(origin))
}

/**
 * A configured origin string parsed: an exact origin, or a pattern. `scheme` and `host` are what
 * the checks after parsing read: the host, or a subdomain pattern's base domain (`example.com`).
 */
type Parsed =
  | { scheme: string; host: string; origin: string; pattern?: undefined }
  | { scheme: string; host: string; pattern: OriginPattern }
  | EntryProblem

/** Parses one configured origin string: an exact origin or a pattern. */
function parseConfiguredOrigin(entry: string): Parsed {
  if (entry.includes(',')) {
    const items = entry
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
    return {
      problem: `'${entry}' is a comma-separated string; each origin is a string of its own.`,
      fix: `write a list: [${items.map((item) => `'${item}'`).join(', ')}]; if the value comes from an environment variable, pass it through originsFromEnv(value, 'ALLOWED_ORIGINS') from @corsica/core, which splits it and names the variable in its errors.`,
    }
  }
  // search() and replaceAll() ignore the g flag's lastIndex: the RegExp keeps no state.
  const control = entry.search(CONTROL_OR_SPACE)
  if (control !== -1) {
    return {
      problem: `'${entry}' contains ${JSON.stringify(entry[control])} at position ${control}; the URL parser strips or refuses it, so it is not the origin it looks like.`,
      fix: `write the origin without spaces or control characters, e.g. '${entry.replaceAll(CONTROL_OR_SPACE, '')}'.`,
    }
  }
  const m = SCHEME_AND_REST.exec(entry)
  if (!m) {
    const guess = entry.replace(/^\/*/, '').replace(/\/+$/, '')
    return {
      problem: `'${entry}' has no scheme; browsers send origins like https://${guess || 'app.example.com'}.`,
      fix: `write 'https://${guess || 'app.example.com'}' (or http:// for a plain-HTTP origin).`,
    }
  }
  const scheme = m[1]!.toLowerCase()
  const rest = m[2]!
  const cut = rest.search(/[/?#]/)
  if (cut !== -1) {
    const origin = `${m[1]}://${rest.slice(0, cut)}`
    const what =
      rest.slice(cut) === '/'
        ? 'a trailing slash'
        : rest[cut] === '/'
          ? 'a path'
          : rest[cut] === '?'
            ? 'a query'
            : 'a fragment'
    return {
      problem: `'${entry}' has ${what}; an Origin header never does, so it could never match.`,
      fix: `write '${origin}'.`,
    }
  }
  if (rest.includes('@')) {
    return {
      problem: `'${entry}' contains credentials (user@); an Origin header never does.`,
      fix: `write '${scheme}://${rest.slice(rest.lastIndexOf('@') + 1)}'.`,
    }
  }
  const { host, port: rawPort } = splitHostPort(rest)
  const bad =
    HOST_CHARS.test(host) && (host.startsWith('[') || !host.includes(':'))
      ? undefined
      : [...host].find((ch) => !HOST_CHARS.test(ch) || (ch === ':' && !host.startsWith('[')))
  if (bad !== undefined) {
    const clean = `${m[1]}://${host.slice(0, host.indexOf(bad))}`
    return {
      problem:
        bad === '\\'
          ? `'${entry}' contains a backslash, which the URL parser reads as '/': it is ${clean} followed by a path, not the origin it looks like.`
          : `'${entry}' contains '${bad}', which no host has: the URL parser would change or refuse it, so browsers never send such an origin.`,
      fix: `write the origin alone, e.g. '${clean}'.`,
    }
  }
  if (rawPort !== '' && rawPort !== '*' && !(/^[0-9]+$/.test(rawPort) && Number(rawPort) <= 65535)) {
    return {
      problem: `'${entry}' has an invalid port '${rawPort}'.`,
      fix: "use a port number from 0 to 65535, or ':*' for any port.",
    }
  }
  // The URL parser reads `:0443` as 443 (and browsers send it so): normalize leading zeros.
  const port = rawPort === '' || rawPort === '*' ? rawPort : String(Number(rawPort))
  const normalPort = port === DEFAULT_PORTS.get(scheme) ? '' : port
  if (host.includes('*')) return parsePattern(entry, scheme, host, normalPort)
  const normalHost = normalizeHost(scheme, host)
  if (normalHost === null) {
    return {
      problem: `'${entry}' does not have a valid host.`,
      fix: "write an origin like 'https://app.example.com' or 'http://localhost:3000'.",
    }
  }
  if (normalPort === '*') {
    return { scheme, host: normalHost, pattern: { scheme, suffix: '', host: normalHost, port: '*' } }
  }
  return {
    scheme,
    host: normalHost,
    origin: `${scheme}://${normalHost}${normalPort ? `:${normalPort}` : ''}`,
  }
}

function splitHostPort(rest: string): { host: string; port: string } {
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']')
    if (end !== -1 && rest[end + 1] === ':')
      return { host: rest.slice(0, end + 1), port: rest.slice(end + 2) }
    return { host: rest, port: '' }
  }
  const colon = rest.lastIndexOf(':')
  return colon === -1 ? { host: rest, port: '' } : { host: rest.slice(0, colon), port: rest.slice(colon + 1) }
}

/**
 * Normalizes a host as browsers serialize it: lower case, and for the special schemes the
 * URL parser's form (punycode for IDNs, canonical IPv4 and IPv6). Null when it is not a host.
 */
function normalizeHost(scheme: string, host: string): string | null {
  if (host === '') return null
  if (DEFAULT_PORTS.has(scheme)) {
    try {
      const parsed = new URL(`${scheme}://${host}`).hostname
      return parsed === '' ? null : parsed
    } catch {
      return null
    }
  }
  const lower = host.toLowerCase()
  return HOST_LABELS.test(lower) || IPV6_HOST.test(lower) ? lower : null
}

function parsePattern(entry: string, scheme: string, host: string, port: string): Parsed {
  const base = host.slice(2)
  if (!host.startsWith('*.') || base.includes('*')) {
    return {
      problem: `'${entry}' has a wildcard inside a label; '*' may only stand for whole leading labels (https://*.example.com) or the port (http://localhost:*).`,
      fix: "write 'https://*.example.com' to allow every subdomain of example.com, or list the origins.",
    }
  }
  const normalBase = normalizeHost(scheme, base)
  if (normalBase === null || !HOST_LABELS.test(normalBase)) {
    return {
      problem: `'${entry}' does not have a valid domain after '*.'.`,
      fix: "write a pattern like 'https://*.example.com'.",
    }
  }
  if (!normalBase.includes('.') && normalBase !== 'localhost') {
    return {
      problem: `'${entry}' would allow every site under the top-level domain '.${normalBase}'.`,
      fix: "put your own domain after '*.', e.g. 'https://*.example.com'.",
    }
  }
  return { scheme, host: normalBase, pattern: { scheme, suffix: `.${normalBase}`, host: null, port } }
}

const SERIALIZED_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/
/** The longest Origin header read: a scheme, a 253-byte host and a port fit with room to spare. */
export const MAX_ORIGIN_LENGTH = 512

/** Whether an Origin header value is one serialized origin, as a browser sends it. */
export function isSerializedOrigin(origin: string): boolean {
  return origin.length <= MAX_ORIGIN_LENGTH && SERIALIZED_ORIGIN.test(origin)
}

/** The answer for an origin: allowed, or why not. */
export type OriginVerdict =
  | true
  | 'origin-not-allowed'
  | 'origin-malformed'
  | 'origin-insecure'
  | OriginCheckFailed

/**
 * The origin function threw or rejected (`origin-check-failed`), or answered something other
 * than a boolean (`origin-function-invalid`: `cause` is what it returned).
 */
export interface OriginCheckFailed {
  code: 'origin-check-failed' | 'origin-function-invalid'
  cause: unknown
}

/**
 * Decides whether `origin` (the request's Origin header, present) is allowed. Synchronous
 * unless an origin function returns a promise.
 */
export function matchOrigin(
  policy: OriginPolicy,
  origin: string,
  request: CorsRequest | undefined,
  rest: readonly unknown[],
): OriginVerdict | Promise<OriginVerdict> {
  if (policy.exact.has(origin)) return true
  // `null` (an opaque origin: sandboxed iframes, file: pages, some redirects) is allowed only
  // when listed; no pattern, RegExp or function is ever asked about it.
  if (origin === 'null') return 'origin-not-allowed'
  if (!isSerializedOrigin(origin)) return 'origin-malformed'
  if (policy.patterns.matches(origin)) return true
  if (policy.regexps.length === 0 && policy.fn === null) return 'origin-not-allowed'
  // Listed origins and patterns were checked for plain http at start-up; what a RegExp or the
  // origin function allows is checked here.
  const insecure = policy.secureOnly && isInsecureOrigin(origin)
  const granted = insecure ? 'origin-insecure' : true
  for (const re of policy.regexps) if (re.test(origin)) return granted
  if (policy.fn === null) return 'origin-not-allowed'
  const fn = policy.fn
  // Only a boolean is an answer: the origin string or null (hono/cors's shape) or undefined (an
  // express-style callback function, which returns nothing) is a function written for another
  // library, and refused with a code of its own rather than read as false.
  const verdictOf = (value: unknown): OriginVerdict =>
    value === true
      ? granted
      : value === false
        ? 'origin-not-allowed'
        : { code: 'origin-function-invalid', cause: value }
  try {
    const answer: unknown = fn(origin, (request && fetchRequest(request)) as Request, ...rest)
    if (isThenable(answer)) {
      return Promise.resolve(answer).then(verdictOf, (cause: unknown) => thrown(fn, cause))
    }
    return verdictOf(answer)
  } catch (cause) {
    return thrown(fn, cause)
  }
}

/** The Fetch Request a hook is promised: the request itself, or one built from a thin view. */
export function fetchRequest(request: CorsRequest): Request {
  return typeof request.toRequest === 'function' ? request.toRequest() : (request as Request)
}

/**
 * What the origin function threw, as a verdict. An express-style `(origin, callback)` function
 * calls its second argument, which is the request here: the TypeError that follows says the
 * function was written for another library.
 */
function thrown(fn: OriginFunction, cause: unknown): OriginCheckFailed {
  let callback = false
  try {
    // By name and message, not instanceof: the TypeError may come from another realm. A hostile
    // thrown value's getters cannot escape the try.
    const error = cause as { name?: unknown; message?: unknown } | null
    callback =
      fn.length >= 2 &&
      typeof error === 'object' &&
      error !== null &&
      error.name === 'TypeError' &&
      typeof error.message === 'string' &&
      error.message.includes('is not a function')
  } catch {}
  return { code: callback ? 'origin-function-invalid' : 'origin-check-failed', cause }
}

/**
 * Whether a value is a promise-like (by shape: promises from another realm fail instanceof).
 * Adapters use it on the policy's `MaybePromise` results to skip a microtask when there is none.
 * Primitives never are, and neither is an object whose `then` is inherited from
 * `Object.prototype`: that is a polluting bug's function, not a promise's, and calling it
 * would hand the policy's answer to it.
 */
export function isThenable<T>(value: unknown): value is PromiseLike<T> {
  if (value instanceof Promise) return true
  if (typeof value !== 'object' || value === null) return false
  const then = (value as { then?: unknown }).then
  return typeof then === 'function' && then !== (Object.prototype as { then?: unknown }).then
}

export type { OriginMatcher, OriginOption }
