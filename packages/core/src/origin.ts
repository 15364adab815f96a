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
import type { OriginFunction, OriginMatcher, OriginOption } from './types.ts'

/** `https://*.example.com[:port|:*]`: one or more labels in front of `base`. */
interface OriginPattern {
  scheme: string
  /** `.example.com`: what the host must end with, after at least one label. */
  suffix: string
  /** An exact host when only the port is a wildcard. */
  host: string | null
  /** `''` for the default port, a number as text, or `*` for any port (or none). */
  port: string
}

/** The compiled `origin` option. */
export interface OriginPolicy {
  /** `origin: '*'`: every origin, and the answer never depends on it. */
  readonly any: boolean
  readonly exact: ReadonlySet<string>
  readonly patterns: readonly OriginPattern[]
  readonly regexps: readonly RegExp[]
  readonly fn: OriginFunction | null
}

/** A problem found in one configured origin, with its fix. */
interface EntryProblem {
  problem: string
  fix: string
}

const SCHEME_AND_REST = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/s
const HOST_LABELS = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/
const IPV6_HOST = /^\[[0-9a-f:.]+\]$/
const PORT = /^[0-9]{1,5}$/
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' }

/**
 * Compiles the `origin` option. Problems are pushed onto `problems` (with the option path)
 * rather than thrown, so that createCors can report every problem at once.
 */
export function compileOrigin(
  value: unknown,
  problems: { option: string; problem: string; fix: string }[],
): OriginPolicy {
  const exact = new Set<string>()
  const patterns: OriginPattern[] = []
  const regexps: RegExp[] = []
  const policy = { any: false, exact, patterns, regexps, fn: null as OriginFunction | null }

  if (value === '*') return { ...policy, any: true }
  if (typeof value === 'function') return { ...policy, fn: value as OriginFunction }

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
    const found = addEntry(entry, policy)
    if (found) problems.push({ option, ...found })
  })
  return policy
}

function addEntry(
  entry: unknown,
  policy: { exact: Set<string>; patterns: OriginPattern[]; regexps: RegExp[] },
): EntryProblem | null {
  if (entry instanceof RegExp) {
    const problem = checkRegExp(entry)
    if (problem) return problem
    // A `g` or `y` RegExp keeps `lastIndex` between calls, so the same origin would be
    // allowed one time and refused the next: drop those flags.
    policy.regexps.push(new RegExp(entry.source, entry.flags.replace(/[gy]/g, '')))
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
  if (parsed.kind === 'exact') policy.exact.add(parsed.origin)
  else policy.patterns.push(parsed.pattern)
  return null
}

function wrongType(entry: unknown): EntryProblem {
  if (entry === true) {
    return {
      problem: 'true would reflect every origin, which lets any website read your responses.',
      fix: "list the origins you trust, e.g. ['https://app.example.com'], or use '*' for a public API without credentials.",
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

function checkRegExp(re: RegExp): EntryProblem | null {
  if (re.source.startsWith('^') && re.source.endsWith('$') && !re.source.endsWith('\\$')) return null
  return {
    problem: `${show(re)} is not anchored with ^ and $, so it also matches origins that merely contain it, e.g. https://example.com.evil.test.`,
    fix: 'anchor it, e.g. /^https:\\/\\/(www\\.)?example\\.com$/, or use a pattern string like https://*.example.com.',
  }
}

type Parsed = { kind: 'exact'; origin: string } | { kind: 'pattern'; pattern: OriginPattern } | EntryProblem

/** Parses one configured origin string: an exact origin or a pattern. */
function parseConfiguredOrigin(entry: string): Parsed {
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
  const { host, port } = splitHostPort(rest)
  if (port !== '' && port !== '*' && !(PORT.test(port) && Number(port) <= 65535)) {
    return {
      problem: `'${entry}' has an invalid port '${port}'.`,
      fix: "use a port number from 0 to 65535, or ':*' for any port.",
    }
  }
  const normalPort = port === DEFAULT_PORTS[scheme] ? '' : port
  if (host.includes('*')) return parsePattern(entry, scheme, host, normalPort)
  const normalHost = normalizeHost(scheme, host)
  if (normalHost === null) {
    return {
      problem: `'${entry}' does not have a valid host.`,
      fix: "write an origin like 'https://app.example.com' or 'http://localhost:3000'.",
    }
  }
  if (normalPort === '*') {
    return { kind: 'pattern', pattern: { scheme, suffix: '', host: normalHost, port: '*' } }
  }
  return { kind: 'exact', origin: `${scheme}://${normalHost}${normalPort ? `:${normalPort}` : ''}` }
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
  if (scheme in DEFAULT_PORTS) {
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
  return { kind: 'pattern', pattern: { scheme, suffix: `.${normalBase}`, host: null, port } }
}

/** Whether a serialized origin matches a compiled pattern. */
function matchesPattern(origin: string, p: OriginPattern): boolean {
  // Origin: scheme "://" host [":" port]; the scheme must be the pattern's, exactly.
  const afterScheme = p.scheme.length + 3
  if (!origin.startsWith(p.scheme) || !origin.startsWith('://', p.scheme.length)) return false
  let hostEnd = origin.length
  let port = ''
  const colon = origin.lastIndexOf(':')
  if (colon >= afterScheme && !origin.endsWith(']')) {
    hostEnd = colon
    port = origin.slice(colon + 1)
    if (!PORT.test(port)) return false
  }
  if (p.port === '*' ? false : port !== p.port) return false
  const host = origin.slice(afterScheme, hostEnd)
  if (p.host !== null) return host === p.host
  // One or more whole labels before the suffix: never the apex, never "evilexample.com".
  if (host.length <= p.suffix.length || !host.endsWith(p.suffix)) return false
  return HOST_LABELS.test(host.slice(0, host.length - p.suffix.length))
}

const SERIALIZED_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/
/** The longest Origin header read: a scheme, a 253-byte host and a port fit with room to spare. */
export const MAX_ORIGIN_LENGTH = 512

/** Whether an Origin header value is one serialized origin, as a browser sends it. */
export function isSerializedOrigin(origin: string): boolean {
  return origin.length <= MAX_ORIGIN_LENGTH && SERIALIZED_ORIGIN.test(origin)
}

/** The answer for an origin: allowed, or why not. */
export type OriginVerdict = true | 'origin-not-allowed' | 'origin-malformed' | OriginCheckFailed

/** The origin function threw or rejected. */
export interface OriginCheckFailed {
  code: 'origin-check-failed'
  cause: unknown
}

/**
 * Decides whether `origin` (the request's Origin header, present) is allowed. Synchronous
 * unless an origin function returns a promise.
 */
export function matchOrigin(
  policy: OriginPolicy,
  origin: string,
  request: Request,
  rest: readonly unknown[],
): OriginVerdict | Promise<OriginVerdict> {
  if (policy.exact.has(origin)) return true
  // `null` (an opaque origin: sandboxed iframes, file: pages, some redirects) is allowed only
  // when listed; no pattern, RegExp or function is ever asked about it.
  if (origin === 'null') return 'origin-not-allowed'
  if (!isSerializedOrigin(origin)) return 'origin-malformed'
  for (const p of policy.patterns) if (matchesPattern(origin, p)) return true
  for (const re of policy.regexps) if (re.test(origin)) return true
  if (policy.fn === null) return 'origin-not-allowed'
  try {
    const answer = policy.fn(origin, request, ...rest)
    if (isThenable(answer)) {
      return Promise.resolve(answer).then(
        (value) => (value === true ? true : 'origin-not-allowed'),
        (cause: unknown) => ({ code: 'origin-check-failed', cause }) as const,
      )
    }
    return answer === true ? true : 'origin-not-allowed'
  } catch (cause) {
    return { code: 'origin-check-failed', cause }
  }
}

/**
 * Whether a value is a promise-like (by shape: promises from another realm fail instanceof).
 * Adapters use it on the policy's `MaybePromise` results to skip a microtask when there is none.
 */
export function isThenable<T>(value: unknown): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

export type { OriginMatcher, OriginOption }
