/**
 * Reading a CORS line a browser printed in its console: which engine, which reason (MDN's
 * name), and the URL, origin, value and status it names.
 * - Chromium: the lines `chromeMessage` writes (the doctor's own wording, checked word for word
 *   against Chromium 156), read back by turning each into a pattern.
 * - Firefox: the "Cross-Origin Request Blocked: …" family of its security.properties (the
 *   templates below are Firefox ESR 153's, checked against test/fixtures/firefox-security.properties,
 *   plus the older wording MDN's reason pages still show).
 * - WebKit: the lines built from the fragments in test/fixtures/webkit-cors-strings.txt
 *   (WebKitGTK 2.50), such as "Origin X is not allowed by Access-Control-Allow-Origin. Status code: N".
 */
import {
  CHROME_ERRORS,
  type ChromeCorsError,
  chromeMessage,
  NO_CORS_INFORMATION,
  reasonFor,
} from './chrome-errors'
import type { Engine } from './engines'

/** MDN's reason names the console can show: the doctor's, and those only a browser meets. */
export type ConsoleReason =
  | ReturnType<typeof reasonFor>
  | 'CORSDisabled'
  | 'CORSDidNotSucceed'
  | 'CORSOriginHeaderNotAdded'
  | 'CORSExternalRedirectNotAllowed'

/** What one console line says. */
export interface ConsoleLine {
  engine: Engine
  code: ConsoleReason
  /** Chromium's error kind, when the line is Chromium's. */
  chromeError: ChromeCorsError | null
  /** Whether the line says the preflight failed: true, false, or null when it does not say. */
  preflight: boolean | null
  url: string | null
  origin: string | null
  /** The value the line names: a header, a method, an Access-Control-Allow-Origin value, a token. */
  value: string | null
  status: number | null
  /** Firefox's warning for a rule it will enforce later (the line is a warning, not an error). */
  warning: boolean
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// ---- Chromium: every message the doctor writes, as a pattern
const URL_MARK = '\u0001URL\u0001'
const ORIGIN_MARK = '\u0001ORIGIN\u0001'
const HINT_MARK = '\u0001HINT\u0001'
const SPACE_MARK = '\u0001SPACE\u0001'

const CHROMIUM: ReadonlyArray<{ error: ChromeCorsError; pattern: RegExp }> = CHROME_ERRORS.map((error) => {
  const text = chromeMessage(error, { url: URL_MARK, origin: ORIGIN_MARK, hint: HINT_MARK })
    .replace('`private` address space', `\`${SPACE_MARK}\` address space`)
    // Older releases said more after the first sentence; the first sentence is the same.
    .replace(NO_CORS_INFORMATION, '')
  const source = escapeRegExp(text)
    .replace('Access to fetch at', 'Access to (?:fetch|XMLHttpRequest) at')
    .replace(escapeRegExp(`'${URL_MARK}' `), "'(?<url>[^']*)' (?:\\(redirected from '(?<from>[^']*)'\\) )?")
    .replace(escapeRegExp(ORIGIN_MARK), "(?<origin>[^']*)")
    .replace(escapeRegExp(HINT_MARK), '(?<value>.*?)')
    .replace(escapeRegExp(SPACE_MARK), '(?:local|private|public)')
  // Sticky: tried only where a line says "Access to " (see `stickyAt`), never at every position.
  return { error, pattern: new RegExp(source, 'y') }
})

function chromium(lines: readonly string[]): ConsoleLine | null {
  for (const { error, pattern } of CHROMIUM) {
    const m = firstMatch(lines, pattern, ['Access to '])
    if (m === null) continue
    const g = m.groups ?? {}
    return {
      engine: 'chromium',
      code: reasonFor(error),
      chromeError: error,
      preflight: /^Preflight|PreflightResponse$/.test(error),
      url: g.from ?? g.url ?? null,
      origin: g.origin ?? null,
      value: g.value ? g.value : null,
      status: null,
      warning: false,
    }
  }
  return null
}

// ---- Firefox: the (Reason: …) part of each security.properties line
/** Firefox ESR 153's reasons (key → reason text, `%2$S` the value), and older wordings. */
export const FIREFOX_REASONS: ReadonlyArray<{
  key: string
  code: ConsoleReason
  reason: string
  preflight: boolean | null
}> = [
  { key: 'CORSDisabled', code: 'CORSDisabled', reason: 'CORS disabled', preflight: null },
  {
    key: 'CORSDidNotSucceed2',
    code: 'CORSDidNotSucceed',
    reason: 'CORS request did not succeed',
    preflight: null,
  },
  {
    key: 'CORSOriginHeaderNotAdded',
    code: 'CORSOriginHeaderNotAdded',
    reason: 'CORS header ‘Origin’ cannot be added',
    preflight: null,
  },
  {
    key: 'CORSExternalRedirectNotAllowed',
    code: 'CORSExternalRedirectNotAllowed',
    reason: 'CORS request external redirect not allowed',
    preflight: null,
  },
  { key: 'CORSRequestNotHttp', code: 'CORSRequestNotHttp', reason: 'CORS request not http', preflight: null },
  {
    key: 'CORSMissingAllowOrigin2',
    code: 'CORSMissingAllowOrigin',
    reason: 'CORS header ‘Access-Control-Allow-Origin’ missing',
    preflight: null,
  },
  {
    key: 'CORSMultipleAllowOriginNotAllowed',
    code: 'CORSMultipleAllowOriginNotAllowed',
    reason: 'Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed',
    preflight: null,
  },
  {
    key: 'CORSAllowOriginNotMatchingOrigin',
    code: 'CORSAllowOriginNotMatchingOrigin',
    reason: 'CORS header ‘Access-Control-Allow-Origin’ does not match ‘%2$S’',
    preflight: null,
  },
  {
    key: 'CORSNotSupportingCredentials',
    code: 'CORSNotSupportingCredentials',
    reason: 'Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’',
    preflight: null,
  },
  {
    key: 'CORSMethodNotFound',
    code: 'CORSMethodNotFound',
    reason: 'Did not find method in CORS header ‘Access-Control-Allow-Methods’',
    preflight: true,
  },
  {
    key: 'CORSMissingAllowCredentials',
    code: 'CORSMissingAllowCredentials',
    reason: 'expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’',
    preflight: null,
  },
  {
    key: 'CORSPreflightDidNotSucceed3',
    code: 'CORSPreflightDidNotSucceed',
    reason: 'CORS preflight response did not succeed',
    preflight: true,
  },
  {
    key: 'CORSInvalidAllowMethod',
    code: 'CORSInvalidAllowMethod',
    reason: 'invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Methods’',
    preflight: true,
  },
  {
    key: 'CORSInvalidAllowHeader',
    code: 'CORSInvalidAllowHeader',
    reason: 'invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Headers’',
    preflight: true,
  },
  {
    key: 'CORSMissingAllowHeaderFromPreflight2',
    code: 'CORSMissingAllowHeaderFromPreflight',
    reason:
      'header ‘%2$S’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response',
    preflight: true,
  },
  // Older Firefox releases, as MDN's reason pages still show them.
  {
    key: 'CORSMissingAllowHeaderFromPreflight',
    code: 'CORSMissingAllowHeaderFromPreflight',
    reason: 'missing token ‘%2$S’ in CORS header ‘Access-Control-Allow-Headers’ from CORS preflight channel',
    preflight: true,
  },
  {
    key: 'CORSPreflightDidNotSucceed',
    code: 'CORSPreflightDidNotSucceed',
    reason: 'CORS preflight channel did not succeed',
    preflight: true,
  },
]

// Sticky, from "Cross-Origin Request " (see `stickyAt`), on a line without trailing white space:
// each part is bounded by the literal that follows it, so one attempt is linear in the line.
const FIREFOX_HEAD =
  /Cross-Origin Request (?<kind>Blocked|Warning): The Same Origin Policy (?:will )?disallows? reading the remote resource at ‘?(?<url>\S+?)’?(?: soon)?\. \(Reason: (?<reason>.*)\)\.?(?: Status code: (?<status>\d+)\.?)?$/y

/** Each reason template split at its `%2$S`: read back with startsWith/endsWith, not a pattern. */
const FIREFOX_TEMPLATES = FIREFOX_REASONS.map((r) => {
  const [head, tail] = r.reason.split('%2$S') as [string, string | undefined]
  return { ...r, head, tail }
})

function firefox(lines: readonly string[]): ConsoleLine | null {
  const m = firstMatch(lines, FIREFOX_HEAD, ['Cross-Origin Request '])
  if (m === null) return null
  const g = m.groups!
  const reason = g.reason!.trim()
  const status = g.status === undefined ? null : Number(g.status)
  if (g.kind === 'Warning' && reason.includes('`Authorization` header is not covered')) {
    return line(
      'firefox',
      'CORSMissingAllowHeaderFromPreflight',
      true,
      g.url!,
      null,
      'authorization',
      status,
      true,
    )
  }
  for (const r of FIREFOX_TEMPLATES) {
    if (r.tail === undefined) {
      if (reason === r.head) return line('firefox', r.code, r.preflight, g.url!, null, null, status, false)
    } else if (
      reason.length >= r.head.length + r.tail.length &&
      reason.startsWith(r.head) &&
      reason.endsWith(r.tail)
    ) {
      const value = reason.slice(r.head.length, reason.length - r.tail.length)
      return line('firefox', r.code, r.preflight, g.url!, null, value, status, false)
    }
  }
  return null
}

// ---- WebKit: one line per reason, and "Fetch API cannot load URL due to access control checks."
// Each pattern sticky at its own literal start (`anchor`); a value runs to the end of its line.
const WEBKIT: ReadonlyArray<{
  code: ConsoleReason
  anchor: string
  pattern: RegExp
  preflight: boolean | null
}> = [
  {
    code: 'CORSMissingAllowOrigin',
    anchor: 'Origin ',
    pattern:
      /Origin (?<origin>\S+) is not allowed by Access-Control-Allow-Origin\.(?: Status code: (?<status>\d+))?/y,
    preflight: null,
  },
  {
    code: 'CORSMissingAllowHeaderFromPreflight',
    anchor: 'Request header field ',
    pattern: /Request header field (?<value>\S+) is not allowed by Access-Control-Allow-Headers\./y,
    preflight: true,
  },
  {
    code: 'CORSMethodNotFound',
    anchor: 'Method ',
    pattern: /Method (?<value>\S+) is not allowed by Access-Control-Allow-Methods\./y,
    preflight: true,
  },
  {
    code: 'CORSPreflightDidNotSucceed',
    anchor: 'Preflight response ',
    pattern: /Preflight response is not successful\. Status code: (?<status>\d+)/y,
    preflight: true,
  },
  {
    code: 'CORSNotSupportingCredentials',
    anchor: 'Cannot use wildcard ',
    pattern: /Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true\./y,
    preflight: null,
  },
  {
    code: 'CORSMissingAllowCredentials',
    anchor: 'Credentials flag ',
    pattern: /Credentials flag is true, but Access-Control-Allow-Credentials is not "true"\./y,
    preflight: null,
  },
  {
    code: 'CORSMultipleAllowOriginNotAllowed',
    anchor: 'Access-Control-Allow-Origin cannot ',
    pattern: /Access-Control-Allow-Origin cannot contain more than one origin\./y,
    preflight: null,
  },
  {
    code: 'CORSInvalidAllowHeader',
    anchor: 'Header Access-Control-Allow-Headers ',
    // The value is the rest of the (right-trimmed) line: no `.*?` racing a `\s*$`.
    pattern: /Header Access-Control-Allow-Headers has an invalid value: (?<value>.*)/y,
    preflight: true,
  },
  {
    code: 'CORSInvalidAllowMethod',
    anchor: 'Header Access-Control-Allow-Methods ',
    pattern: /Header Access-Control-Allow-Methods has an invalid value: (?<value>.*)/y,
    preflight: true,
  },
  {
    code: 'CORSRequestNotHttp',
    anchor: 'Redirection to URL ',
    pattern: /Redirection to URL with a scheme that is not HTTP\(S\)/y,
    preflight: false,
  },
]
const WEBKIT_URL = /(?:Fetch API|XMLHttpRequest) cannot load (?<url>\S+) due to access control checks\./y

function webkit(lines: readonly string[]): ConsoleLine | null {
  const url = firstMatch(lines, WEBKIT_URL, ['Fetch API ', 'XMLHttpRequest '])?.groups?.url ?? null
  for (const { code, anchor, pattern, preflight } of WEBKIT) {
    const m = firstMatch(lines, pattern, [anchor])
    if (m === null) continue
    const g = m.groups ?? {}
    const status = g.status === undefined ? null : Number(g.status)
    return line('webkit', code, preflight, url, g.origin ?? null, g.value ?? null, status, false)
  }
  return null
}

function line(
  engine: Engine,
  code: ConsoleReason,
  preflight: boolean | null,
  url: string | null,
  origin: string | null,
  value: string | null,
  status: number | null,
  warning: boolean,
): ConsoleLine {
  return { engine, code, chromeError: null, preflight, url, origin, value, status, warning }
}

/**
 * The most of a paste that is read: a console line is a sentence and a URL, and no one pastes a
 * longer one by hand. Bounding it, with the patterns each tried once per place a literal
 * anchor occurs (`stickyAt`), keeps reading linear in the paste, whatever it holds (issue 19).
 */
export const MAX_CONSOLE_TEXT = 64 * 1024
/** Places an anchor is tried per line: a line says its message once; an attacker's line may say it 100,000 times. */
const MAX_TRIES_PER_LINE = 4

/**
 * The first match of a sticky `pattern` (flag `y`) tried only where a line holds one of the
 * `anchors` (the literal each pattern starts with), at most MAX_TRIES_PER_LINE places per line.
 */
function firstMatch(
  lines: readonly string[],
  pattern: RegExp,
  anchors: readonly string[],
): RegExpExecArray | null {
  for (const text of lines) {
    for (const anchor of anchors) {
      let from = 0
      for (let i = 0; i < MAX_TRIES_PER_LINE; i++) {
        const at = text.indexOf(anchor, from)
        if (at < 0) break
        pattern.lastIndex = at
        const m = pattern.exec(text)
        if (m !== null) return m
        from = at + 1
      }
    }
  }
  return null
}

/**
 * Reads a console line (or several lines pasted together, as WebKit prints two): null when it
 * is none of the CORS lines the doctor knows. Reads at most MAX_CONSOLE_TEXT characters, in
 * time linear in them.
 */
export function readConsoleLine(text: string): ConsoleLine | null {
  // One pass each: clip, split into lines, trim each line's end (so no pattern meets trailing space).
  const lines = text
    .slice(0, MAX_CONSOLE_TEXT)
    .split(/\r?\n|\r|\u2028|\u2029/)
    .map((l) => l.trimEnd())
  return chromium(lines) ?? firefox(lines) ?? webkit(lines)
}
