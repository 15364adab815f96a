/**
 * What to change, for each failure: the header and value the server must send, then, when the
 * server looks like Corsica, hono/cors or express cors(), the option to change. For Corsica the
 * words are the core's own refusal fixes, so the server's onRefuse log and the doctor agree.
 */
import { REFUSAL_REASONS, type RefusalCode, type RefusalDetails } from '@corsica/core'
import type { Failure } from './cors-check'
import { engineNote } from './engines'
import { isSafelistedMethod, parseTokenList } from './fetch-spec'
import { OPTION_NAMES } from './flavor'
import type { RequestPlan, ServerFlavor } from './plan'
import type { RefusalCause } from './probes'
import type { ResponseHeaders } from './transport'

/** Everything a fix may draw on. */
export interface FixContext {
  plan: RequestPlan
  flavor: ServerFlavor
  /** The response that failed. */
  headers: ResponseHeaders
  status: number
  /** Why the server refused the preflight as a whole, when probes found out. */
  cause: RefusalCause | null
  /** Whether probes were allowed (false with --no-probe): then a refusal's cause is unknown. */
  probed: boolean
}

/** The fix for one failure. */
export function fixFor(f: Failure, ctx: FixContext): string {
  const { plan } = ctx
  const origin = plan.origin
  if (f.rule === 'authorization-wildcard') return authorizationFix(ctx)
  if (f.rule === 'redirect-not-http' || f.rule === 'redirect-invalid') return unfollowableRedirectFix(f, ctx)
  switch (f.chrome) {
    case null:
    case 'CorsDisabledScheme':
      return unfollowableRedirectFix(f, ctx)
    case 'MissingAllowOriginHeader':
      return originFix(ctx, false)
    case 'PreflightMissingAllowOriginHeader':
      return preflightRefusedFix(ctx)
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return join(
        `With credentials a browser refuses \`*\`: echo the page's origin, \`Access-Control-Allow-Origin: ${origin}\`, with \`Vary: Origin\` (or drop credentials: 'include' if the page needs no cookies).`,
        // Corsica refuses origin '*' with credentials at start-up, so only the others get here.
        ctx.flavor === 'corsica'
          ? ''
          : option(
              ctx,
              (o) =>
                `\`*\` comes from origin: '*' (its default): set ${o.origin}: ['${origin}'], which it echoes back`,
            ),
      )
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues': {
      const lines = ctx.headers.lines().filter(([n]) => n === 'access-control-allow-origin').length
      return join(
        `Send exactly one origin, \`Access-Control-Allow-Origin: ${origin}\`, picked by matching the request's Origin against your list (with \`Vary: Origin\`).`,
        lines > 1
          ? `The response has ${lines} Access-Control-Allow-Origin lines: two layers (a proxy and the app, or two middlewares) both add it; keep one.`
          : '',
      )
    }
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `\`${f.hint}\` is not an origin (scheme://host[:port]): send \`Access-Control-Allow-Origin: ${origin}\`.`
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return mismatchFix(f.hint, ctx)
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return join(
        `Send \`Access-Control-Allow-Credentials: true\` (exactly, lower case)${f.hint ? `; it sends \`${f.hint}\`` : ''}, or drop credentials: 'include' if the page needs no cookies.`,
        option(ctx, (o) => `set ${o.credentials}: true`),
      )
    case 'PreflightInvalidStatus':
      return statusFix(ctx)
    case 'PreflightDisallowedRedirect':
      return redirectFix(ctx)
    case 'PreflightMissingAllowPrivateNetwork':
    case 'PreflightInvalidAllowPrivateNetwork':
      return join(
        'Send `Access-Control-Allow-Private-Network: true` on the preflight response.',
        ctx.flavor === 'corsica'
          ? corsica('private-network-not-allowed', { origin, preflight: true })
          : ctx.flavor === 'unknown'
            ? ''
            : `${OPTION_NAMES[ctx.flavor].label} has no option for it: set the header on OPTIONS responses in a middleware that runs before cors().`,
      )
    case 'InvalidAllowMethodsPreflightResponse':
      return listSyntaxFix('Access-Control-Allow-Methods', f.bad ?? '', ctx, 'a method name')
    case 'InvalidAllowHeadersPreflightResponse':
      return listSyntaxFix('Access-Control-Allow-Headers', f.bad ?? '', ctx, 'a header name')
    case 'MethodDisallowedByPreflightResponse':
      return methodFix(ctx)
    case 'HeaderDisallowedByPreflightResponse':
      return headerFix(f.hint, ctx)
    case 'RedirectContainsCredentials':
      return 'Redirect to a URL without user:password@ in it; cross-origin requests may not follow such a redirect.'
  }
}

/** A fix in Corsica's words: the core's refusal fix, tagged with the code its onRefuse logs. */
function corsica(code: RefusalCode, details: RefusalDetails): string {
  return `Corsica (onRefuse code ${code}): ${REFUSAL_REASONS[code].fix(details)}.`
}

/** `Label: text.` for a known library, or '' for an unknown server. */
function option(ctx: FixContext, text: (o: (typeof OPTION_NAMES)['hono']) => string): string {
  if (ctx.flavor === 'unknown') return ''
  const o = OPTION_NAMES[ctx.flavor]
  return `${o.label}: ${text(o)}.`
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ')
}

function originFix(ctx: FixContext, preflight: boolean): string {
  const { origin, credentials } = ctx.plan
  const where = preflight ? 'the preflight response and the actual response' : 'the response'
  const headers = `\`Access-Control-Allow-Origin: ${origin}\`${credentials ? ' and `Access-Control-Allow-Credentials: true`' : ''}`
  const errorNote =
    !preflight && ctx.status >= 400
      ? ` It is a ${ctx.status}: error responses need the CORS headers too, so put CORS before whatever produced it.`
      : ''
  const nullNote =
    origin === 'null'
      ? " The page has an opaque origin (sandboxed iframe, file: URL, or after a cross-origin redirect); allowing 'null' lets every such page in."
      : ''
  if (!preflight && ctx.flavor === 'corsica' && isCsrfRefusal(ctx.status, ctx.headers, ctx.plan.method)) {
    return join(
      `The server refused this cross-origin ${ctx.plan.method} with 403 before its handler ran (Corsica's csrf: the origin is not trusted by name).${nullNote}`,
      corsica('cross-origin-write', { origin, preflight: false, method: ctx.plan.method }),
    )
  }
  const lib =
    ctx.flavor === 'corsica'
      ? corsica('origin-not-allowed', { origin, preflight })
      : option(ctx, (o) => `add '${origin}' to ${o.origin}, and make sure cors() runs for this route`)
  return join(`Send ${headers} (with \`Vary: Origin\`) on ${where}.${errorNote}${nullNote}`, lib)
}

/**
 * Whether an answer looks like Corsica's csrf refusal: a cross-origin write (any method but GET,
 * HEAD and OPTIONS, the Fetch standard's safe ones) answered 403 text/plain with nosniff, before
 * the handler (onRefuse code `cross-origin-write`).
 */
export function isCsrfRefusal(status: number, headers: ResponseHeaders, method: string): boolean {
  return (
    status === 403 &&
    !['GET', 'HEAD', 'OPTIONS'].includes(method) &&
    (headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain') &&
    headers.get('x-content-type-options')?.toLowerCase() === 'nosniff'
  )
}

/** A note for a csrf refusal the page can read (a public policy: Access-Control-Allow-Origin: *). */
export function csrfNote(plan: RequestPlan): string {
  return `The server answered 403 before its handler ran: Corsica's csrf refuses a cross-origin ${plan.method} from an origin it does not trust by name ('*' trusts none), and the page can read that 403. ${corsica('cross-origin-write', { origin: plan.origin, preflight: false, method: plan.method })}`
}

/** A preflight without Access-Control-Allow-Origin: say why, from what the probes found. */
function preflightRefusedFix(ctx: FixContext): string {
  const cause = ctx.cause
  const { plan } = ctx
  if (cause === null || cause.kind === 'unknown') return cannotTellFix(ctx)
  if (cause.kind === 'origin') return originFix(ctx, true)
  if (cause.kind === 'not-handled') return notHandledFix(ctx)
  const parts: string[] = [
    `The server refuses the preflight as a whole, without saying why; probes show origin ${plan.origin} is allowed, so the browser's message misleads.`,
  ]
  if (cause.method) {
    parts.push(
      cause.caseMismatch
        ? `It refuses method ${plan.method} but allows ${plan.method.toUpperCase()}: methods compare case-sensitively, and fetch() sends '${plan.method}' as written.`
        : `It refuses method ${plan.method}: answer with \`Access-Control-Allow-Methods: ${plan.method}\`.`,
    )
    if (ctx.flavor === 'corsica') {
      parts.push(
        corsica('method-not-allowed', {
          origin: plan.origin,
          preflight: true,
          method: plan.method,
          caseMismatch: cause.caseMismatch,
        }),
      )
    } else parts.push(option(ctx, (o) => `add '${plan.method}' to ${o.methods}`))
    if (!cause.caseMismatch) parts.push(lowerCaseNote(plan.method))
  }
  if (cause.headers.length > 0) {
    const list = cause.headers.join(', ')
    parts.push(
      `It refuses request header${cause.headers.length > 1 ? 's' : ''} ${list}: answer with \`Access-Control-Allow-Headers: ${list}\`.`,
    )
    if (ctx.flavor === 'corsica') {
      for (const header of cause.headers)
        parts.push(corsica('header-not-allowed', { origin: plan.origin, preflight: true, header }))
    } else
      parts.push(
        option(ctx, (o) => `add ${cause.headers.map((h) => `'${h}'`).join(', ')} to ${o.allowedHeaders}`),
      )
  }
  if (cause.privateNetwork) {
    parts.push('It refuses private network access: answer with `Access-Control-Allow-Private-Network: true`.')
    if (ctx.flavor === 'corsica')
      parts.push(corsica('private-network-not-allowed', { origin: plan.origin, preflight: true }))
  }
  return join(...parts)
}

/**
 * A preflight refused as a whole, and the doctor cannot tell why: no probes (--no-probe), or
 * probes that each passed. Say what it cannot tell and how to find out, not a guess.
 */
function cannotTellFix(ctx: FixContext): string {
  const { plan } = ctx
  const suspects = [`the origin ${plan.origin}`]
  if (!isSafelistedMethod(plan.method)) suspects.push(`the method ${plan.method}`)
  if (plan.unsafeNames.length > 0)
    suspects.push(`the header${plan.unsafeNames.length > 1 ? 's' : ''} ${plan.unsafeNames.join(', ')}`)
  if (plan.privateNetwork) suspects.push('private network access')
  const list =
    suspects.length === 1
      ? suspects[0]!
      : `${suspects.slice(0, -1).join(', ')} or ${suspects[suspects.length - 1]!}`
  const head = ctx.probed
    ? `The server refuses the preflight as a whole (no Access-Control-* header), so the browser blames the origin; each part asked alone was allowed, so the doctor cannot tell which of ${list} it refuses.`
    : `The server refuses the preflight as a whole (no Access-Control-* header), so the browser blames the origin whatever the cause; without probes the doctor cannot tell whether it refuses ${list}.`
  const how = ctx.probed
    ? "Find out from the server's log"
    : "Find out: run again without --no-probe (it sends a few extra preflights, never the request itself), or read the server's log"
  const log =
    ctx.flavor === 'corsica'
      ? `${how}: Corsica's onRefuse hook (the \`[corsica]\` log line) names the refused origin, method or header, with its fix.`
      : `${how}: a CORS library that refuses a preflight usually logs why.`
  return join(head, log)
}

/** Fetch, HTTP-redirect fetch: a redirect to a URL that is not http(s), or not a URL, is a network error. */
function unfollowableRedirectFix(f: Failure, ctx: FixContext): string {
  const location = ctx.headers.get('location') ?? ''
  const why =
    f.rule === 'redirect-invalid'
      ? `The server redirects (${ctx.status}) to \`${location}\`, which is not a URL, so the browser fails the request (a network error; Fetch, HTTP-redirect fetch).`
      : `The server redirects (${ctx.status}) to ${f.hint}; browsers follow a fetch() redirect only to http: and https: URLs, so the request fails (a network error; Fetch, HTTP-redirect fetch).`
  return join(
    why,
    `Redirect to an absolute http(s) URL, or answer ${ctx.plan.url.pathname} here without redirecting.`,
  )
}

function notHandledFix(ctx: FixContext): string {
  const { plan } = ctx
  const path = plan.url.pathname
  const needs = [`\`Access-Control-Allow-Origin: ${plan.origin}\``]
  if (plan.method !== 'GET' && plan.method !== 'HEAD' && plan.method !== 'POST') {
    needs.push(`\`Access-Control-Allow-Methods: ${plan.method}\``)
  }
  if (plan.unsafeNames.length > 0)
    needs.push(`\`Access-Control-Allow-Headers: ${plan.unsafeNames.join(', ')}\``)
  if (plan.credentials) needs.push('`Access-Control-Allow-Credentials: true`')
  const auth =
    ctx.status === 401 || ctx.status === 403
      ? ` A ${ctx.status} there usually means authentication runs before CORS; browsers never send cookies or Authorization with a preflight, so let OPTIONS through first.`
      : ''
  const generic = `Nothing answers CORS preflights at ${path}: OPTIONS got ${ctx.status} without any Access-Control-* header. Answer OPTIONS with 204 and ${needs.join(', ')}.${auth}`
  switch (ctx.flavor) {
    case 'express':
      return join(
        generic,
        `express cors(): it never sees the OPTIONS request; register it for every method, app.use(cors({ … })), or add app.options('${path}', cors({ … })) before the route.`,
      )
    case 'hono':
      return join(
        generic,
        `hono/cors: it never sees the OPTIONS request; register it with app.use('${path}', cors({ … })): a cors() given to app.get() or app.post() runs only for that method.`,
      )
    case 'corsica':
      return join(
        generic,
        'Corsica: wrap the whole handler (policy.wrap(handler)) or call policy.preflight(request) before routing.',
      )
    default:
      return join(
        generic,
        "With express cors() or hono/cors, register cors() with app.use() so it also runs for OPTIONS (a cors() attached to one route's app.get/app.post never sees the preflight).",
      )
  }
}

function mismatchFix(value: string, ctx: FixContext): string {
  const origin = ctx.plan.origin
  let why: string
  // Whether the server's value is this very origin written wrong (a slash, a path, capitals,
  // or null): then the fix names the clean origin only, never the wrong value again.
  let misspelt = true
  if (value === 'null') why = 'The server answers `null`, which matches only pages with an opaque origin.'
  else if (URL.canParse(value) && new URL(value).origin === origin) {
    why = `\`${value}\` has a path or trailing slash; an origin has neither.`
  } else if (value.toLowerCase() === origin.toLowerCase())
    why = 'Origins compare exactly, letter case included.'
  else {
    why = `The server allows ${value}, not ${origin}.`
    misspelt = false
  }
  return join(
    why,
    `Send \`Access-Control-Allow-Origin: ${origin}\`, echoing the request's Origin when it is on your list, with \`Vary: Origin\`.`,
    // Corsica echoes the request's origin; a fixed string is the mistake of the others.
    ctx.flavor === 'corsica'
      ? ''
      : option(ctx, (o) =>
          misspelt
            ? `${o.origin}: '${value}' is not the origin the browser sends; set ${o.origin}: ['${origin}'] (scheme://host[:port], as the page's address bar shows it, no trailing slash)`
            : `${o.origin}: '${value}' sends that one origin to everyone; list both, ${o.origin}: ['${value}', '${origin}']`,
        ),
  )
}

function statusFix(ctx: FixContext): string {
  const s = ctx.status
  const cause = ctx.cause
  if (cause !== null && (cause.kind === 'request' || cause.kind === 'origin')) {
    // The server refused the preflight on purpose (Corsica answers 403): same cause as above.
    return `The ${s} is the server refusing the preflight, for the reason above; once that is fixed it answers 2xx.`
  }
  let why = ''
  if (s === 401 || s === 403) {
    why = ` A ${s} usually means authentication ran on the preflight; browsers never send cookies or Authorization with it, so let OPTIONS through before authentication.`
  } else if (s === 404 || s === 405 || s === 501) {
    why = ` A ${s} means no route answers OPTIONS at ${ctx.plan.url.pathname}.`
  } else if (s >= 500)
    why = ` A ${s}: the OPTIONS request reached a handler that failed; CORS should answer it before any handler.`
  const lib =
    ctx.flavor === 'express' || ctx.flavor === 'corsica'
      ? `${ctx.flavor === 'express' ? 'express cors()' : 'Corsica'}: optionsSuccessStatus sets the status (default 204); make sure nothing before it answers OPTIONS.`
      : ''
  return join(`Answer the preflight with a 2xx status such as 204; it got ${s}.${why}`, lib)
}

function redirectFix(ctx: FixContext): string {
  const location = ctx.headers.get('location') ?? ''
  let target = location
  try {
    target = new URL(location, ctx.plan.url).href
  } catch {}
  const here = ctx.plan.url.href
  let hint = ''
  if (target === `${here}/` || `${target}/` === here) hint = ' (the redirect only changes the trailing slash)'
  else if (here.startsWith('http:') && target === `https:${here.slice(5)}`)
    hint = ' (the redirect moves to https)'
  return `The preflight was answered with ${ctx.status} → ${target}; browsers never follow a preflight's redirect. Call ${target} directly${hint}, or answer OPTIONS here without redirecting.`
}

function listSyntaxFix(header: string, bad: string, ctx: FixContext, what: string): string {
  const value = ctx.headers.get(header) ?? ''
  const repaired = value
    .split(/[\s,;]+/)
    .filter((v) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(v))
    .join(', ')
  return `\`${header}: ${value}\` is not a comma-separated list (\`${bad}\` is not ${what}), so the browser rejects the whole preflight: send \`${header}: ${repaired}\`.`
}

function methodFix(ctx: FixContext): string {
  const { plan } = ctx
  const method = plan.method
  const list = listOf(ctx.headers, 'access-control-allow-methods')
  const upper = method.toUpperCase()
  if (method !== upper && list.includes(upper)) {
    return join(
      `Methods compare case-sensitively: the page sends \`${method}\` and the server allows \`${upper}\`. Call fetch() with method: '${upper}' (it upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT).`,
      ctx.flavor === 'corsica'
        ? corsica('method-not-allowed', { origin: plan.origin, preflight: true, method, caseMismatch: true })
        : '',
    )
  }
  const wildcardNote =
    list.includes('*') && plan.credentials
      ? ' With credentials, `*` is read as a method named "*": list the methods.'
      : ''
  const value = [...list.filter((m) => !(m === '*' && plan.credentials)), method].join(', ')
  return join(
    `Send \`Access-Control-Allow-Methods: ${value}\` on the preflight response.${wildcardNote}`,
    ctx.flavor === 'corsica'
      ? corsica('method-not-allowed', { origin: plan.origin, preflight: true, method })
      : option(ctx, (o) => `add '${method}' to ${o.methods}`),
    lowerCaseNote(method),
  )
}

/** fetch() sends `patch` as written: the page most likely meant `PATCH`. */
function lowerCaseNote(method: string): string {
  const upper = method.toUpperCase()
  if (method === upper) return ''
  return `Or, more likely, call fetch() with method: '${upper}': it sends '${method}' as written (it upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT), and allow '${upper}'.`
}

function headerFix(header: string, ctx: FixContext): string {
  const { plan } = ctx
  const list = listOf(ctx.headers, 'access-control-allow-headers').map((n) => n.toLowerCase())
  const wildcardLiteral = list.includes('*') && plan.credentials
  const missing = plan.unsafeNames.filter((n) => !list.includes(n))
  const value = [...list.filter((n) => !(n === '*' && wildcardLiteral)), ...missing].join(', ')
  const contentType =
    header === 'content-type'
      ? ` (a Content-Type other than text/plain, multipart/form-data or application/x-www-form-urlencoded, such as ${plan.verdicts.find((v) => v.name === 'content-type')?.value.split(';')[0] ?? 'application/json'}, must be allowed)`
      : ''
  return join(
    `Send \`Access-Control-Allow-Headers: ${value}\` on the preflight response${contentType}.${wildcardLiteral ? ' With credentials, `*` is read as a header named "*": list the names.' : ''}`,
    ctx.flavor === 'corsica'
      ? corsica('header-not-allowed', { origin: plan.origin, preflight: true, header })
      : option(ctx, (o) => `add '${header}' to ${o.allowedHeaders}`),
  )
}

function authorizationFix(ctx: FixContext): string {
  const list = listOf(ctx.headers, 'access-control-allow-headers')
  return join(
    `\`*\` in Access-Control-Allow-Headers never covers Authorization (Fetch standard): send \`Access-Control-Allow-Headers: ${[...list, 'authorization'].join(', ')}\`.`,
    `${engineNote('acah-wildcard-authorization')}; list authorization so the call keeps working as they move to the standard.`,
    ctx.flavor === 'corsica'
      ? corsica('header-not-allowed', { origin: ctx.plan.origin, preflight: true, header: 'authorization' })
      : option(ctx, (o) => `add 'authorization' to ${o.allowedHeaders}`),
  )
}

function listOf(headers: ResponseHeaders, name: string): string[] {
  const parsed = parseTokenList(headers.get(name))
  return parsed?.ok ? parsed.values : []
}
