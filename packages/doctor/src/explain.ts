/**
 * `corsica explain "<console line>"`: what the line a browser printed means, which response is
 * at fault, the fix in the words of Corsica, hono/cors and express cors(), and the
 * `corsica doctor` command that checks the server.
 */
import { type ConsoleLine, type ConsoleReason, readConsoleLine } from './console-lines'
import { OPTION_NAMES, type OptionNames } from './flavor'
import type { ServerFlavor } from './plan'
import { escapeControls as e } from './sanitise'
import { shellCommand } from './shell'

type Library = Exclude<ServerFlavor, 'unknown'>
const LIBRARIES: readonly Library[] = ['corsica', 'hono', 'express']

/** The account of one console line. */
export interface Explanation {
  line: ConsoleLine
  /** MDN's reason name. */
  code: ConsoleReason
  /** What the reason means, in a sentence or two. */
  meaning: string
  /** Which response is at fault. */
  step: 'preflight' | 'actual' | 'either'
  /** The fix per library (only the one asked for with `--server`). */
  fixes: Partial<Record<Library, string>>
  /** The doctor command that checks the server, with placeholders for what the line does not say. */
  command: string
}

interface Reason {
  meaning: (l: ConsoleLine) => string
  /** null: the line does not tell preflight from actual request. */
  step: 'preflight' | 'actual' | null
  fix: (o: OptionNames, lib: Library, l: ConsoleLine, origin: string) => string
}

const page = (l: ConsoleLine) => l.origin ?? "the page's origin"
const status = (l: ConsoleLine) => (l.status === null ? '' : ` (status ${l.status})`)

const REASONS: Record<ConsoleReason, Reason> = {
  CORSMissingAllowOrigin: {
    meaning: (l) =>
      l.engine === 'webkit'
        ? `The response${status(l)} has no Access-Control-Allow-Origin, or one that is not ${page(l)}: the server did not grant this origin.`
        : `The response${status(l)} has no Access-Control-Allow-Origin header: the server did not grant the origin. A refused preflight, an error page from a layer without CORS, or CORS not running for this route all look like this.`,
    step: null,
    fix: (o, lib, _l, origin) =>
      lib === 'corsica'
        ? `add '${origin}' to ${o.origin}, and wrap the whole handler (policy.wrap(handler)) so error responses and OPTIONS get the headers too; Corsica leaves Access-Control-Allow-Origin out when it refuses the origin (or a malformed preflight, or any refusal with preflightRefusals: 'opaque'), while a method or header it refuses from an allowed origin gets a console line naming it; with csrf on, it also refuses a cross-origin write (POST, PUT, PATCH, DELETE) or WebSocket handshake from an origin it does not trust by name with a 403 before the handler runs (onRefuse code cross-origin-write or cross-origin-websocket; csrf.bypass lets a route through). Run the doctor (or read the \`[corsica]\` log line) to see what it refused`
        : `add '${origin}' to ${o.origin}, and register ${o.call} with app.use() before the routes (and before authentication) so OPTIONS and error responses get the headers too`,
  },
  CORSAllowOriginNotMatchingOrigin: {
    meaning: (l) =>
      `Access-Control-Allow-Origin is ${l.value === null ? 'present' : `\`${l.value}\``} but not exactly the page's origin (a different origin, a trailing slash or path, other letter case, or null).`,
    step: null,
    fix: (o, lib, _l, origin) =>
      lib === 'corsica'
        ? `list '${origin}' in ${o.origin}: Corsica echoes the request's origin when it is listed`
        : `set ${o.origin}: ['${origin}'] (exactly as the browser sends it: scheme://host[:port], no trailing slash); a fixed string is sent to every caller`,
  },
  CORSMultipleAllowOriginNotAllowed: {
    meaning: () =>
      'The response carries more than one Access-Control-Allow-Origin value: two layers (a proxy and the app, or two middlewares) both add it, or a list was sent.',
    step: null,
    fix: (o) => `keep one layer that sets it: register ${o.call} once, and remove the header from the proxy`,
  },
  CORSNotSupportingCredentials: {
    meaning: () =>
      "The request includes credentials (credentials: 'include') and the response answers Access-Control-Allow-Origin: *, which browsers refuse with credentials.",
    step: null,
    fix: (o, lib, _l, origin) =>
      lib === 'corsica'
        ? `list the origins, ${o.origin}: ['${origin}'] (Corsica refuses '*' with credentials at start-up, so this comes from another layer)`
        : `set ${o.origin}: ['${origin}'] instead of the default '*'; it then echoes the listed origin`,
  },
  CORSMissingAllowCredentials: {
    meaning: () =>
      'The request includes credentials and the response lacks Access-Control-Allow-Credentials: true (exactly, lower case).',
    step: null,
    fix: (o) => `set ${o.credentials}: true (or drop credentials: 'include' if the page needs no cookies)`,
  },
  CORSPreflightDidNotSucceed: {
    meaning: (l) =>
      `The preflight (the OPTIONS request the browser sends first) did not get a 2xx answer${status(l)}: no route answers OPTIONS, authentication ran on it, or the CORS layer refused it.`,
    step: 'preflight',
    fix: (o, lib) =>
      lib === 'corsica'
        ? "Corsica answers a preflight with 403 when it refuses the origin or the preflight is malformed (with preflightRefusals: 'opaque', for any refusal; by default a method or header it refuses from an allowed origin gets 204 and a console line naming it): run the doctor, or read the `[corsica]` log line, to see what it refused; and call policy.preflight(request) (or wrap the handler) before authentication"
        : `register ${o.call} with app.use() before the routes and before authentication, so it answers OPTIONS itself`,
  },
  CORSMethodNotFound: {
    meaning: (l) =>
      `The preflight's Access-Control-Allow-Methods does not list the method${l.value === null ? '' : ` ${l.value}`}. Methods compare case-sensitively: fetch() sends \`patch\` as written.`,
    step: 'preflight',
    fix: (o, _lib, l) => `add '${l.value ?? 'PUT'}' to ${o.methods}`,
  },
  CORSMissingAllowHeaderFromPreflight: {
    meaning: (l) =>
      l.warning
        ? 'Access-Control-Allow-Headers is `*`, which does not cover Authorization in the Fetch standard; Firefox lets it through today with this warning, and will block it.'
        : `The preflight's Access-Control-Allow-Headers does not list the request header${l.value === null ? '' : ` ${l.value}`} the page sets.`,
    step: 'preflight',
    fix: (o, _lib, l) => `add '${(l.value ?? 'x-my-header').toLowerCase()}' to ${o.allowedHeaders}`,
  },
  CORSInvalidAllowMethod: {
    meaning: (l) =>
      `Access-Control-Allow-Methods is not a comma-separated list of method names${l.value === null ? '' : ` (\`${l.value}\` is not one)`}, so the whole preflight fails.`,
    step: 'preflight',
    fix: (o) =>
      `pass ${o.methods} as an array of names, e.g. ['GET', 'PUT'], not one string with spaces or semicolons`,
  },
  CORSInvalidAllowHeader: {
    meaning: (l) =>
      `Access-Control-Allow-Headers is not a comma-separated list of header names${l.value === null ? '' : ` (\`${l.value}\` is not one)`}, so the whole preflight fails.`,
    step: 'preflight',
    fix: (o) => `pass ${o.allowedHeaders} as an array of names, e.g. ['content-type', 'x-api-key']`,
  },
  CORSMissingAllowPrivateNetwork: {
    meaning: () =>
      'A public page calls a server on a private network: the preflight must answer Access-Control-Allow-Private-Network: true (Private Network Access).',
    step: 'preflight',
    fix: (_o, lib) =>
      lib === 'corsica'
        ? 'set privateNetworkAccess: true'
        : 'it has no option for it: set Access-Control-Allow-Private-Network: true on OPTIONS responses in a middleware before cors()',
  },
  CORSInvalidAllowPrivateNetwork: {
    meaning: (l) =>
      `Access-Control-Allow-Private-Network is ${l.value === null ? 'not' : `\`${l.value}\`, not`} \`true\`.`,
    step: 'preflight',
    fix: (_o, lib) =>
      lib === 'corsica'
        ? 'set privateNetworkAccess: true'
        : 'send exactly Access-Control-Allow-Private-Network: true on OPTIONS responses',
  },
  CORSRedirectContainsCredentials: {
    meaning: () =>
      'The response redirects to a URL with user:password@ in it, which cross-origin requests may not follow.',
    step: 'actual',
    fix: () => 'redirect to a URL without credentials in it',
  },
  CORSRedirectInvalidLocation: {
    meaning: () => 'The response redirects to a Location that is not a URL: a network error.',
    step: 'actual',
    fix: () => 'send an absolute http(s) URL in Location, or answer without redirecting',
  },
  CORSRequestNotHttp: {
    meaning: () =>
      'The request, or a redirect it followed, goes to a URL that is not http: or https:; CORS requests (and their redirects) work only over HTTP(S).',
    step: 'actual',
    fix: () => 'call, and redirect to, http(s) URLs only; serve the page from http://localhost, not file:',
  },
  CORSDidNotSucceed: {
    meaning: (l) =>
      `The request failed below CORS${status(l)}: no connection, a TLS error, an extension or mixed content (an https page calling http) blocked it, or the server closed the connection. It is not a header problem.`,
    step: null,
    fix: () =>
      'check that the server answers at that URL (the doctor says why it cannot connect), and that an https page calls https',
  },
  CORSDisabled: {
    meaning: () =>
      'CORS is turned off in this browser (Firefox: content.cors.disable), so every cross-origin request fails.',
    step: null,
    fix: () => 'nothing on the server: turn the browser setting back on',
  },
  CORSOriginHeaderNotAdded: {
    meaning: () =>
      'The browser could not add the Origin header (a privileged context such as an extension): not a server problem.',
    step: null,
    fix: () => 'nothing on the server: make the call from an ordinary page',
  },
  CORSExternalRedirectNotAllowed: {
    meaning: () =>
      'The request was redirected by something outside the page (an extension) in a way CORS forbids.',
    step: null,
    fix: () => 'nothing on the server: disable the extension that redirects the request',
  },
}

/** Explains a console line, or returns null when it is none the doctor knows. */
export function explain(text: string, server: ServerFlavor | 'auto' = 'auto'): Explanation | null {
  const line = readConsoleLine(text)
  if (line === null) return null
  const reason = REASONS[line.code]
  const origin = line.origin ?? '<page origin>'
  const libs = server === 'auto' || server === 'unknown' ? LIBRARIES : [server]
  const fixes: Partial<Record<Library, string>> = {}
  for (const lib of libs) fixes[lib] = reason.fix(OPTION_NAMES[lib], lib, line, origin)
  const step =
    line.preflight === true ? 'preflight' : (reason.step ?? (line.preflight === false ? 'actual' : 'either'))
  return {
    line,
    code: line.code,
    meaning: reason.meaning(line),
    step,
    fixes,
    command: doctorCommand(line, step),
  }
}

/** The `corsica doctor` command for the call the line is about; `<…>` where the line does not say. */
function doctorCommand(l: ConsoleLine, step: Explanation['step']): string {
  // Everything read from the line is a value (quoted); `<…>` placeholders are the doctor's own.
  const parts: Array<string | { value: string }> = [
    'corsica doctor',
    l.url === null ? '<url>' : { value: l.url },
    '--origin',
    l.origin === null ? '<page origin>' : { value: l.origin },
  ]
  if (l.code === 'CORSMethodNotFound' && l.value !== null) parts.push('--method', { value: l.value })
  else if (step === 'preflight' && l.code !== 'CORSMissingAllowHeaderFromPreflight')
    parts.push('--method', '<method>')
  if (l.code === 'CORSMissingAllowHeaderFromPreflight' && l.value !== null)
    parts.push('-H', { value: `${l.value}: …` })
  if (l.code === 'CORSNotSupportingCredentials' || l.code === 'CORSMissingAllowCredentials')
    parts.push('--credentials')
  return shellCommand(...parts)
}

const STEP: Record<Explanation['step'], string> = {
  preflight: 'the preflight response (OPTIONS)',
  actual: 'the response to the request itself',
  either: 'the preflight response if the call needs one, else the response (the line does not say)',
}
const ENGINE = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit (Safari)' } as const

/** The human account of an explanation. Everything taken from the pasted line is escaped. */
export function explanationText(x: Explanation): string {
  const out = [
    `${x.code}  (${ENGINE[x.line.engine]}${x.line.warning ? ' warning' : ''})`,
    '',
    `What it means: ${e(x.meaning)}`,
    `At fault: ${STEP[x.step]}`,
  ]
  const fixes = Object.entries(x.fixes)
  if (fixes.length > 0) {
    out.push('Fix:')
    for (const [lib, fix] of fixes) out.push(`  ${OPTION_NAMES[lib as Library].label}: ${e(fix)}.`)
  }
  out.push('', 'Check the server with:', `  ${e(x.command)}`)
  return `${out.join('\n')}\n`
}

/** What `corsica explain` recognises, for the exit-2 message. */
export const RECOGNISED = `corsica explain recognises the CORS console lines of:
  Chromium: "Access to fetch at '…' from origin '…' has been blocked by CORS policy: …"
  Firefox:  "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at … (Reason: …)"
  WebKit:   "Origin … is not allowed by Access-Control-Allow-Origin.", "Request header field … is not allowed by
            Access-Control-Allow-Headers.", "Method … is not allowed by Access-Control-Allow-Methods.",
            "Preflight response is not successful. Status code: …", and the rest of its CORS lines
Paste the whole line (for WebKit, the line before "Fetch API cannot load … due to access control checks." too).
`
