/**
 * Validating the options once, at start-up, and compiling them into precomputed header
 * values. Every problem is collected, then thrown together as one CorsConfigError.
 */
import { type ConfigProblem, CorsConfigError, problemLines, show } from './errors.ts'
import {
  isForbiddenMethod,
  isForbiddenRequestHeader,
  isForbiddenResponseHeader,
  isToken,
  normalizeMethod,
  SAFELISTED_RESPONSE_HEADERS,
} from './fetch-spec.ts'
import { compileOrigin, type OriginPolicy, type SubdomainCheck } from './origin.ts'
import { RefusalLog } from './refusal-log.ts'
import type { CorsOptions, CorsRefusal, FrameworkErrors } from './types.ts'

/** The options, checked and turned into what each request needs. */
export interface CompiledOptions {
  origin: OriginPolicy
  credentials: boolean
  /** Allowed methods (normalized), or null for '*'. */
  methods: ReadonlySet<string> | null
  /** Access-Control-Allow-Methods for a listed set. */
  allowMethods: string
  /** Allowed request headers (lower case), or null for '*'. */
  allowedHeaders: ReadonlySet<string> | null
  /** Access-Control-Allow-Headers for a listed set ('' when none). */
  allowHeaders: string
  /** Access-Control-Expose-Headers ('' when none). */
  exposeHeaders: string
  /** Access-Control-Max-Age ('' when unset). */
  maxAge: string
  privateNetworkAccess: boolean
  optionsSuccessStatus: number
  /** Whether a refused preflight from an allowed origin gets the policy's lists (else a bare 403). */
  explainRefusals: boolean
  /** The user's hook, or null (left out, or onRefuse: false). */
  onRefuse: ((refusal: CorsRefusal, request: Request) => void) | null
  /** The default log (onRefuse left out), or null. */
  refusalLog: RefusalLog | null
  /** Preflights go to the handler, which answers them (express `cors()`'s option). */
  preflightContinue: boolean
  /** Cross-origin writes are refused (`csrf`): null when off, else the bypass (null: none). */
  csrf: { bypass: ((request: Request, ...rest: unknown[]) => unknown) | null } | null
  /** What a throwing handler's request is answered (`onError`); null rethrows. */
  onError: ((error: unknown, request: Request) => Response | Promise<Response>) | null
}

/** Express cors()'s default, which users expect. */
const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE']

const KNOWN_OPTIONS = [
  'origin',
  'methods',
  'allowedHeaders',
  'exposedHeaders',
  'credentials',
  'maxAge',
  'privateNetworkAccess',
  'optionsSuccessStatus',
  'preflightRefusals',
  'onRefuse',
  'dangerouslyAllowInsecureOrigins',
  'preflightContinue',
  'csrf',
  'onError',
] as const

/**
 * Names other CORS libraries use, and what they are called here (a Map: no inherited names). A
 * name within two edits of an option's (`origins`, `max_age`, `onRefused`) needs no entry: the
 * edit distance finds it.
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['headers', 'allowedHeaders'],
  ['allowmethods', 'methods'],
  ['allowedmethods', 'methods'],
  ['expose', 'exposedHeaders'],
  ['alloworigin', 'origin'],
  ['allowedorigins', 'origin'],
  ['alloworigins', 'origin'],
  ['allowcredentials', 'credentials'],
  ['preflightmaxage', 'maxAge'],
  ['privatenetwork', 'privateNetworkAccess'],
  ['allowprivatenetwork', 'privateNetworkAccess'],
  ['onreject', 'onRefuse'],
  ['onrejected', 'onRefuse'],
  ['ondeny', 'onRefuse'],
])

/**
 * Checks and compiles options; throws CorsConfigError listing every problem. `subdomains` is the
 * entry point's check of subdomain patterns (see SubdomainCheck).
 */
export function compileOptions(
  options: CorsOptions,
  subdomains: SubdomainCheck,
  errors?: FrameworkErrors,
): CompiledOptions {
  const problems: ConfigProblem[] = []
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    invalid(
      problems,
      'options',
      options,
      'is not an options object.',
      "call createCors({ origin: ['https://app.example.com'] }).",
    )
    throw new CorsConfigError(problems)
  }
  const o = snapshot(options, problems)

  const credentials = checkBoolean(o, 'credentials', problems)
  const insecure = checkBoolean(o, 'dangerouslyAllowInsecureOrigins', problems)
  // `origins: [...]`: one problem, the typo, which also says what it hides.
  const originTypo = problems.find((p) => p.fix.startsWith('did you mean origin?'))
  if (o.origin === undefined && originTypo) {
    originTypo.problem = 'is not a CORS option, and origin, which is required, is missing.'
  } else if (o.origin === undefined) {
    problems.push({
      option: 'origin',
      problem: `is required: Corsica never guesses which websites may read your responses.${
        'origin' in options
          ? " (An inherited origin is not read: options are the object's own properties.)"
          : ''
      }`,
      fix: "set origin: '*' for a public API that uses no cookies, or list your front ends: origin: ['https://app.example.com'].",
    })
  } else if (o.origin === true && credentials) {
    problems.push({
      option: 'origin',
      problem:
        'true reflects every origin, and with credentials: true that lets any website read your responses as the signed-in user.',
      fix: "list the origins you trust, e.g. origin: ['https://app.example.com'] (origin: true without credentials is accepted: it grants what '*' grants).",
    })
  } else if (o.origin === '*' && credentials) {
    problems.push({
      option: 'origin',
      problem:
        "'*' cannot be used with credentials: true; browsers refuse a wildcard on credentialed requests.",
      fix: "list the origins, e.g. origin: ['https://app.example.com'], or set credentials: false.",
    })
  }
  // A missing origin, and origin: true with credentials, are reported above, once. Without
  // credentials, reflecting every origin (express's origin: true) lets every page read what
  // '*' lets it read, and no more: it is '*'.
  const origin =
    o.origin === undefined || o.origin === true
      ? compileOrigin('*', { secureOnly: false, subdomains }, [])
      : compileOrigin(o.origin, { secureOnly: credentials && !insecure, subdomains }, problems)

  // Settings that do nothing: not refused, said once below.
  const notes: ConfigProblem[] = []
  const methods = compileMethods(o.methods, problems)
  const allowedHeaders = compileAllowedHeaders(o.allowedHeaders, problems, notes)
  const exposeHeaders = compileExposedHeaders(o.exposedHeaders, credentials, problems, notes)
  const maxAge = compileMaxAge(o.maxAge, problems)
  const privateNetworkAccess = checkBoolean(o, 'privateNetworkAccess', problems)
  const preflightContinue = checkBoolean(o, 'preflightContinue', problems)
  const optionsSuccessStatus = compileStatus(o.optionsSuccessStatus, problems)
  const explainRefusals = compilePreflightRefusals(o.preflightRefusals, problems)
  const onRefuse = compileOnRefuse(o.onRefuse, problems)
  const csrf = compileCsrf(o.csrf, problems)
  const onError = compileOnError(o.onError, problems)
  if (errors !== undefined && typeof o.onError === 'function') notes.push({ option: 'onError', ...errors })

  if (problems.length > 0) throw new CorsConfigError(problems)
  if (notes.length > 0) console.warn(formatNotes(notes))
  return {
    origin,
    credentials,
    methods: methods === null ? null : new Set(methods),
    allowMethods: methods === null ? '' : methods.join(', '),
    allowedHeaders: allowedHeaders === null ? null : new Set(allowedHeaders),
    allowHeaders: allowedHeaders === null ? '' : allowedHeaders.join(', '),
    exposeHeaders,
    maxAge,
    privateNetworkAccess,
    optionsSuccessStatus,
    explainRefusals,
    onRefuse,
    refusalLog: o.onRefuse === undefined ? new RefusalLog() : null,
    preflightContinue,
    csrf,
    onError,
  }
}

/**
 * The one start-up warning for settings that do nothing (names a page can never send or read):
 * the policy starts without them, and each is named with its fix.
 */
export function formatNotes(notes: readonly ConfigProblem[]): string {
  const count = notes.length === 1 ? '1 CORS setting does' : `${notes.length} CORS settings do`
  return `[corsica] ${count} nothing and ${notes.length === 1 ? 'is' : 'are'} ignored:\n${problemLines(notes)}`
}

function compileCsrf(value: unknown, problems: ConfigProblem[]): CompiledOptions['csrf'] {
  if (value === undefined || value === false) return null
  if (value === true) return { bypass: null }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value)
    const bypass = Object.hasOwn(value, 'bypass') ? (value as { bypass: unknown }).bypass : undefined
    const unknown = keys.filter((k) => k !== 'bypass')
    if (typeof bypass === 'function' && unknown.length === 0) {
      return { bypass: bypass as (request: Request, ...rest: unknown[]) => unknown }
    }
    if (unknown.length > 0) {
      problems.push({
        option: 'csrf',
        problem: `${unknown.map((k) => `'${k}'`).join(', ')} ${unknown.length === 1 ? 'is not a csrf option' : 'are not csrf options'}.`,
        fix: 'csrf takes true, or { bypass: (request) => boolean } for routes that must accept cross-site posts; trusted origins come from origin.',
      })
      return null
    }
  }
  invalid(
    problems,
    'csrf',
    value,
    'is not true, false or { bypass }.',
    "write csrf: true, or csrf: { bypass: (request) => new URL(request.url).pathname === '/oauth/callback' } for a route that must accept cross-site posts.",
  )
  return null
}

function compileOnError(value: unknown, problems: ConfigProblem[]): CompiledOptions['onError'] {
  if (value === undefined) return defaultOnError
  if (value === false) return null
  if (typeof value === 'function') return value as NonNullable<CompiledOptions['onError']>
  invalid(
    problems,
    'onError',
    value,
    'is not a function or false.',
    "pass a function (error, request) => new Response('...', { status: 500 }), leave it out for a 500 with CORS headers, or false to rethrow.",
  )
  return null
}

/**
 * A throwing handler's answer: a 500 the page can read (with the CORS headers the policy adds),
 * so the browser's console does not blame CORS for a crash. The error is said the way platforms
 * say uncaught errors: console.error, with its stack, once per occurrence.
 */
function defaultOnError(error: unknown): Response {
  console.error('[corsica] the handler threw; answered 500 (with CORS headers):', error)
  return new Response('Internal Server Error', {
    status: 500,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
}

function compilePreflightRefusals(value: unknown, problems: ConfigProblem[]): boolean {
  if (value === undefined || value === 'explain') return true
  if (value === 'opaque') return false
  invalid(
    problems,
    'preflightRefusals',
    value,
    "is not 'explain' or 'opaque'.",
    "leave it out ('explain': the browser's console names the refused method or header), or write 'opaque' for a bare 403.",
  )
  return true
}

function compileOnRefuse(value: unknown, problems: ConfigProblem[]): CompiledOptions['onRefuse'] {
  if (value === undefined || value === false) return null
  if (typeof value === 'function') return value as NonNullable<CompiledOptions['onRefuse']>
  invalid(
    problems,
    'onRefuse',
    value,
    'is not a function or false.',
    'pass a function (refusal, request) => { ... }, e.g. (r) => console.warn(r.message, r.fix), or false to log nothing.',
  )
  return null
}

/** The options as read once: known names only, each from an own enumerable property. */
type Snapshot = { readonly [name in (typeof KNOWN_OPTIONS)[number]]?: unknown }

/**
 * Reads every option once, from the object's own enumerable properties only, and copies list
 * options element by element. Everything after works on this copy: an inherited property
 * (`Object.prototype.credentials = true` set by a polluting bug elsewhere) is not an option, and
 * a getter or Proxy cannot answer one thing to validation and another to compilation.
 * Unknown names become problems.
 */
function snapshot(options: object, problems: ConfigProblem[]): Snapshot {
  const o: Record<string, unknown> = Object.create(null)
  for (const key of Reflect.ownKeys(options)) {
    if (typeof key !== 'string') continue
    const descriptor = Reflect.getOwnPropertyDescriptor(options, key)
    if (descriptor === undefined || !descriptor.enumerable) continue
    if (!isKnownOption(key)) {
      problems.push(unknownName(key))
      continue
    }
    const value = propertyValue(descriptor, options)
    o[key] = Array.isArray(value) ? copyList(value) : value
  }
  return o
}

function isKnownOption(name: string): name is (typeof KNOWN_OPTIONS)[number] {
  return (KNOWN_OPTIONS as readonly string[]).includes(name)
}

/** A list read once, each element from its own property (a hole reads as undefined). */
export function copyList(list: readonly unknown[]): unknown[] {
  const length = list.length
  const copy: unknown[] = []
  for (let i = 0; i < length; i++) copy.push(propertyValue(Reflect.getOwnPropertyDescriptor(list, i), list))
  return copy
}

/** What a property of `object` holds: its value, or what its getter answers (undefined when absent). */
export function propertyValue(descriptor: PropertyDescriptor | undefined, object: object): unknown {
  if (descriptor === undefined) return undefined
  return 'value' in descriptor ? descriptor.value : descriptor.get?.call(object)
}

function unknownName(name: string): ConfigProblem {
  const suggestion = suggestName(name)
  return {
    option: name,
    problem: 'is not a CORS option.',
    fix: suggestion
      ? `did you mean ${suggestion}? Rename it.`
      : `remove it; the options are ${KNOWN_OPTIONS.join(', ')}.`,
  }
}

function suggestName(name: string): string | null {
  const lower = name.toLowerCase()
  const alias = ALIASES.get(lower)
  if (alias !== undefined) return alias
  let best: string | null = null
  let bestDistance = 3
  for (const known of KNOWN_OPTIONS) {
    const d = editDistance(lower, known.toLowerCase())
    if (d < bestDistance) {
      best = known
      bestDistance = d
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

function checkBoolean(
  options: Snapshot,
  name: 'credentials' | 'privateNetworkAccess' | 'dangerouslyAllowInsecureOrigins' | 'preflightContinue',
  problems: ConfigProblem[],
) {
  const value: unknown = options[name]
  if (value === undefined) return false
  if (typeof value === 'boolean') return value
  invalid(problems, name, value, 'is not true or false.', `write ${name}: true or leave it out.`)
  return false
}

/** A list option: an array of strings, or '*'. Null means '*'. */
function listOption(
  name: string,
  value: unknown,
  fallback: readonly string[],
  problems: ConfigProblem[],
): readonly string[] | null {
  if (value === undefined) return fallback
  if (value === '*') return null
  if (typeof value === 'string') {
    const items = value.split(',').map((s) => s.trim())
    invalid(problems, name, value, 'is a string; a list is expected.', `write ${name}: ${show(items)}.`)
    return []
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    invalid(problems, name, value, 'is not a list of names.', `write ${name}: ['...', '...'], or '*'.`)
    return []
  }
  if (value.includes('*')) {
    problems.push({
      option: name,
      problem: "'*' must be used alone, not inside a list.",
      fix: `write ${name}: '*', or list the names.`,
    })
    return []
  }
  return value
}

function compileMethods(value: unknown, problems: ConfigProblem[]): string[] | null {
  const list = listOption('methods', value, DEFAULT_METHODS, problems)
  if (list === null) return null
  return compileNames(
    'methods',
    list,
    'method',
    "use names like 'PUT' or 'PATCH'.",
    problems,
    (method, option) => {
      if (isForbiddenMethod(method)) {
        invalid(
          problems,
          option,
          method,
          'is a forbidden method: fetch() refuses to send it.',
          `remove '${method}'.`,
        )
        return null
      }
      // Browsers upper-case the six standard methods before sending them, so 'put' would never
      // match; other methods (PATCH) are compared exactly as written.
      return normalizeMethod(method)
    },
  )
}

/**
 * The names of a list option, in order and once each. An entry holding comma-joined names
 * (`'X-Total-Count, Content-Range'`, as express sends its lists) is split: no method or header
 * name contains a comma (RFC 9110 token), so it can only be a list. A name that is not a token
 * is a problem (not a `kind` name, with `fix`); `keep` says what is kept of the others (null:
 * nothing, once it has said why), given the name and its option path (`methods[2]`).
 */
function compileNames(
  name: string,
  list: readonly string[],
  kind: 'method' | 'header',
  fix: string,
  problems: ConfigProblem[],
  keep: (item: string, option: string) => string | null,
): string[] {
  const names: string[] = []
  list.forEach((entry, i) => {
    const option = `${name}[${i}]`
    const items = entry.includes(',') ? entry.split(',').map((part) => part.trim()) : [entry]
    for (const item of items) {
      if (item === '' && items.length > 1) continue
      if (!isToken(item)) {
        invalid(problems, option, item, `is not a ${kind} name.`, fix)
        continue
      }
      const kept = keep(item, option)
      if (kept !== null && !names.includes(kept)) names.push(kept)
    }
  })
  return names
}

/**
 * Left out, the requested headers are granted, each name echoed (what express `cors()`,
 * `hono/cors`, `@fastify/cors` do): the origin check already decided which pages may call, and
 * which headers a trusted page sends protects nothing more. `[]` keeps the safelisted ones only.
 * Null means that: echo the names of Access-Control-Request-Headers, checked and bounded.
 */
function compileAllowedHeaders(
  value: unknown,
  problems: ConfigProblem[],
  notes: ConfigProblem[],
): string[] | null {
  if (value === undefined) return null
  const list = listOption('allowedHeaders', value, [], problems)
  if (list === null) return null
  const fix = 'use names like content-type or x-api-key (letters, digits and -, no spaces or colons).'
  return compileNames('allowedHeaders', list, 'header', fix, problems, (name, option) => {
    const lower = name.toLowerCase()
    if (!isForbiddenRequestHeader(lower)) return lower
    // Fetch: a forbidden request-header name is one script can never set; the browser never
    // lists it in Access-Control-Request-Headers, so allowing it changes nothing.
    invalid(
      notes,
      option,
      name,
      'is a header that scripts can never set (the browser sets it itself), so allowing it does nothing.',
      lower === 'cookie'
        ? 'remove it; cookies are sent by the browser when the page uses credentials and you set credentials: true.'
        : `remove '${name}'.`,
    )
    return null
  })
}

function compileExposedHeaders(
  value: unknown,
  credentials: boolean,
  problems: ConfigProblem[],
  notes: ConfigProblem[],
): string {
  const list = listOption('exposedHeaders', value, [], problems)
  if (list === null) {
    if (credentials) {
      problems.push({
        option: 'exposedHeaders',
        problem:
          "'*' is treated as a literal header name on credentialed responses, so it would expose nothing.",
        fix: "list the headers script must read, e.g. exposedHeaders: ['x-request-id'].",
      })
    }
    return '*'
  }
  const fix = 'use names like x-request-id.'
  return compileNames('exposedHeaders', list, 'header', fix, problems, (name, option) => {
    const lower = name.toLowerCase()
    if (isForbiddenResponseHeader(lower)) {
      // Fetch: a forbidden response-header name is filtered out of every response script reads.
      invalid(
        notes,
        option,
        name,
        'is never readable by script, whatever the server says.',
        `remove '${name}'; cookies set by the response are stored by the browser when credentials are on.`,
      )
      return null
    }
    // Safelisted response headers are always readable; listing them changes nothing.
    return SAFELISTED_RESPONSE_HEADERS.has(lower) ? null : lower
  }).join(', ')
}

function compileMaxAge(value: unknown, problems: ConfigProblem[]): string {
  if (value === undefined) return ''
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value)
  invalid(
    problems,
    'maxAge',
    value,
    'is not a whole number of seconds >= 0.',
    'write maxAge: 600 (ten minutes), or leave it out.',
  )
  return ''
}

function compileStatus(value: unknown, problems: ConfigProblem[]): number {
  if (value === undefined) return 204
  if (typeof value === 'number' && Number.isInteger(value) && value >= 200 && value <= 299) return value
  invalid(
    problems,
    'optionsSuccessStatus',
    value,
    'is not a 2xx status; browsers fail preflights that do not answer 2xx.',
    'leave it out (204), or use 200 for very old clients.',
  )
  return 204
}

/** Records that `value`, set for `option`, is wrong: "<the value as written> <text>", and the fix. */
function invalid(problems: ConfigProblem[], option: string, value: unknown, text: string, fix: string): void {
  problems.push({ option, problem: `${show(value)} ${text}`, fix })
}
