/**
 * `corsica explain`: every Chromium CORS message the doctor writes (the tests in chromium.test.ts
 * compare them word for word with Chromium 156), and the Firefox and WebKit lines built from the
 * strings captured out of the installed engines (scripts/capture-console-strings.sh).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHROME_ERRORS, chromeMessage, reasonFor } from '../src/chrome-errors'
import { FIREFOX_REASONS } from '../src/console-lines'
import { explain, explanationText } from '../src/explain'

const URL_ = 'http://127.0.0.1:3000/api/items'
const ORIGIN = 'http://localhost:5173'
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')

/** Firefox ESR 153's security.properties, CORS lines: key → template. */
const firefoxLines = new Map(
  fixture('firefox-security.properties')
    .split('\n')
    .filter((l) => l.startsWith('CORS'))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
)
/** WebKitGTK 2.50's CORS fragments. */
const webkitFragments = fixture('webkit-cors-strings.txt').split('\n').slice(1)

describe('Chromium lines', () => {
  it.each(CHROME_ERRORS.map((e) => [e]))('%s', (error) => {
    const hint = error === 'AllowOriginMismatch' ? `${ORIGIN}/` : 'x-api-key'
    const line = chromeMessage(error, { url: URL_, origin: ORIGIN, hint, addressSpace: 'local' })
    const x = explain(line)!
    expect(x.code).toBe(reasonFor(error))
    expect(x.line.chromeError).toBe(error)
    expect(x.line.url).toBe(URL_)
    expect(x.line.origin).toBe(ORIGIN)
    if (line.includes(hint)) expect(x.line.value).toBe(hint)
    expect(x.command).toContain(`corsica doctor ${URL_} --origin ${ORIGIN}`)
    expect(Object.keys(x.fixes)).toEqual(['corsica', 'hono', 'express'])
    expect(x.step).toBe(line.includes('preflight') ? 'preflight' : x.step)
  })

  it('reads XMLHttpRequest lines, a redirect, and a line pasted with its neighbours', () => {
    const fetchLine = chromeMessage('MissingAllowOriginHeader', { url: URL_, origin: ORIGIN })
    const xhr = explain(fetchLine.replace('Access to fetch at', 'Access to XMLHttpRequest at'))!
    expect(xhr.code).toBe('CORSMissingAllowOrigin')
    const redirected = chromeMessage('CorsDisabledScheme', {
      url: 'ftp://example.com/x',
      initialUrl: URL_,
      origin: ORIGIN,
    })
    const r = explain(redirected)!
    expect(r.code).toBe('CORSRequestNotHttp')
    expect(r.line.url).toBe(URL_) // the URL the page fetched
    const pasted = explain(`app.js:12 GET ${URL_} net::ERR_FAILED 403\n${fetchLine}\nUncaught TypeError`)!
    expect(pasted.code).toBe('CORSMissingAllowOrigin')
  })

  it('names the header, with the fix for each library and the doctor command', () => {
    const line = chromeMessage('HeaderDisallowedByPreflightResponse', {
      url: URL_,
      origin: ORIGIN,
      hint: 'x-api-key',
    })
    const x = explain(line)!
    expect(x.step).toBe('preflight')
    expect(x.fixes).toEqual({
      corsica: "add 'x-api-key' to allowedHeaders",
      hono: "add 'x-api-key' to allowHeaders",
      express: "add 'x-api-key' to allowedHeaders",
    })
    expect(x.command).toBe(`corsica doctor ${URL_} --origin ${ORIGIN} -H 'x-api-key: …'`)
    expect(explain(line, 'hono')!.fixes).toEqual({ hono: "add 'x-api-key' to allowHeaders" })
    expect(explanationText(x)).toContain('hono/cors: add')
  })
})

describe('Firefox lines (Firefox ESR 153 security.properties)', () => {
  it('the templates the doctor reads are the ones Firefox ships', () => {
    for (const r of FIREFOX_REASONS) {
      const shipped = firefoxLines.get(r.key)
      // Two are older wordings (MDN's reason pages): not in Firefox 153.
      if (r.key === 'CORSMissingAllowHeaderFromPreflight' || r.key === 'CORSPreflightDidNotSucceed') {
        expect(shipped).toBeUndefined()
        continue
      }
      expect(shipped, r.key).toContain(`(Reason: ${r.reason})`)
    }
  })

  it.each([...firefoxLines.keys()].map((k) => [k]))('%s', (key) => {
    const template = firefoxLines.get(key)!
    const line = template.replace('%1$S', URL_).replace('%2$S', key.includes('Status') ? '403' : 'x-api-key')
    const withStatus = template.includes('Status code: %2$S')
      ? template.replace('%1$S', URL_).replace('%2$S', '403')
      : line
    const x = explain(withStatus)!
    expect(x, withStatus).not.toBeNull()
    expect(x.line.engine).toBe('firefox')
    expect(x.line.url).toBe(URL_)
    const expected = FIREFOX_REASONS.find((r) => r.key === key)?.code
    if (key === 'CORSAllowHeaderFromPreflightDeprecation') {
      expect(x.code).toBe('CORSMissingAllowHeaderFromPreflight')
      expect(x.line.warning).toBe(true)
      expect(x.fixes.corsica).toBe("add 'authorization' to allowedHeaders")
    } else expect(x.code).toBe(expected)
    if (template.includes('Status code: %2$S')) expect(x.line.status).toBe(403)
    else if (template.includes('%2$S')) expect(x.line.value).toBe('x-api-key')
    expect(x.command).toContain(`corsica doctor ${URL_} --origin <page origin>`)
  })
})

describe('WebKit lines (WebKitGTK 2.50 strings)', () => {
  const has = (fragment: string) => expect(webkitFragments, fragment).toContain(fragment)
  const lines: Array<[string, string[], string, Partial<{ origin: string; value: string; status: number }>]> =
    [
      [
        'CORSMissingAllowOrigin',
        ['Origin ', ' is not allowed by Access-Control-Allow-Origin.'],
        `Origin ${ORIGIN} is not allowed by Access-Control-Allow-Origin. Status code: 403`,
        { origin: ORIGIN, status: 403 },
      ],
      [
        'CORSMissingAllowHeaderFromPreflight',
        ['Request header field ', ' is not allowed by Access-Control-Allow-Headers.'],
        'Request header field X-Api-Key is not allowed by Access-Control-Allow-Headers.',
        { value: 'X-Api-Key' },
      ],
      [
        'CORSMethodNotFound',
        ['Method ', ' is not allowed by Access-Control-Allow-Methods.'],
        'Method PATCH is not allowed by Access-Control-Allow-Methods.',
        { value: 'PATCH' },
      ],
      [
        'CORSPreflightDidNotSucceed',
        ['Preflight response is not successful. Status code: '],
        'Preflight response is not successful. Status code: 404',
        { status: 404 },
      ],
      [
        'CORSNotSupportingCredentials',
        ['Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.'],
        'Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.',
        {},
      ],
      [
        'CORSMissingAllowCredentials',
        ['Credentials flag is true, but Access-Control-Allow-Credentials is not "true".'],
        'Credentials flag is true, but Access-Control-Allow-Credentials is not "true".',
        {},
      ],
      [
        'CORSMultipleAllowOriginNotAllowed',
        ['Access-Control-Allow-Origin cannot contain more than one origin.'],
        'Access-Control-Allow-Origin cannot contain more than one origin.',
        {},
      ],
      [
        'CORSInvalidAllowHeader',
        ['Header Access-Control-Allow-Headers has an invalid value: '],
        'Header Access-Control-Allow-Headers has an invalid value: x-a; x-b',
        { value: 'x-a; x-b' },
      ],
      [
        'CORSInvalidAllowMethod',
        ['Header Access-Control-Allow-Methods has an invalid value: '],
        'Header Access-Control-Allow-Methods has an invalid value: GET PUT',
        { value: 'GET PUT' },
      ],
      [
        'CORSRequestNotHttp',
        ['Redirection to URL with a scheme that is not HTTP(S)'],
        'Redirection to URL with a scheme that is not HTTP(S)',
        {},
      ],
    ]

  it.each(lines)('%s', (code, fragments, text, named) => {
    for (const f of fragments) has(f)
    has('Fetch API cannot load ')
    has(' due to access control checks.')
    // Safari prints the reason, then the generic line with the URL.
    const pasted = `[Error] ${text}\n[Error] Fetch API cannot load ${URL_} due to access control checks.`
    const x = explain(pasted)!
    expect(x.line.engine).toBe('webkit')
    expect(x.code).toBe(code)
    expect(x.line.url).toBe(URL_)
    if (named.origin) expect(x.line.origin).toBe(named.origin)
    if (named.value) expect(x.line.value).toBe(named.value)
    if (named.status) expect(x.line.status).toBe(named.status)
    expect(explain(text)!.code).toBe(code) // the reason line alone is enough
  })
})

describe('lines it does not know', () => {
  it.each([
    ['an empty line', ''],
    ['a generic TypeError', 'TypeError: Failed to fetch'],
    ["WebKit's generic line alone", `Fetch API cannot load ${URL_} due to access control checks.`],
  ])('%s', (_name, text) => {
    expect(explain(text)).toBeNull()
  })
})
