/**
 * Issue 19, item 2: `corsica explain` and `readConsoleLine` took quadratic time on crafted
 * pastes (WebKit's "has an invalid value" line with long runs of spaces: 10k characters 0.29 s,
 * 40k 5.2 s; 1 MB of repeated Chromium or Firefox line heads 6.7 s and 9.5 s). Reading is now
 * linear in the paste, which is also clipped at MAX_CONSOLE_TEXT. The bounds are generous (a
 * shared two-core machine): four times the input may take at most eight times as long, plus
 * slack; and a whole megabyte well under a second.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chromeMessage } from '../src/chrome-errors'
import { MAX_CONSOLE_TEXT, readConsoleLine } from '../src/console-lines'
import { explain } from '../src/explain'

/** The best of three runs, in milliseconds (the least disturbed by other work on the machine). */
function time(f: () => void): number {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    f()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)
const CHROME_HEAD =
  "Access to fetch at 'https://api.test/x' from origin 'https://app.test' has been blocked by CORS policy: "
const FIREFOX_HEAD =
  'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.test/x. (Reason: '

/** Crafted pastes of about `n` characters, each a worst case of the old patterns. */
const CRAFTED: Record<string, (n: number) => string> = {
  'WebKit invalid Allow-Headers value, a run of spaces then a letter': (n) =>
    `Header Access-Control-Allow-Headers has an invalid value: ${' '.repeat(n)}x`,
  'WebKit invalid Allow-Methods value, a run of spaces then a NUL': (n) =>
    `Header Access-Control-Allow-Methods has an invalid value: a${' '.repeat(n)}\u0000`,
  'WebKit origin line heads, repeated': (n) => fill('Origin https://a.test is not allowed by ', n),
  'Chromium line heads, repeated': (n) => fill(CHROME_HEAD, n),
  'Chromium heads up to a hint, repeated': (n) =>
    fill(`${CHROME_HEAD}Request header field x-a is not allowed by `, n),
  'Chromium heads with a quote-less URL': (n) => `Access to fetch at '${fill('a', n)}`,
  'Firefox line heads, repeated': (n) => fill(FIREFOX_HEAD, n),
  'Firefox head, then parentheses and spaces': (n) => `${FIREFOX_HEAD}${fill(')  ', n)}x`,
  'Firefox reason templates, repeated': (n) =>
    `${FIREFOX_HEAD}header ‘${fill('’ is not allowed according to header ', n)}’ is not allowed`,
  'many short lines': (n) => fill(`${CHROME_HEAD}\n`, n),
}

describe('explain reads any paste in linear time (issue 19, item 2)', () => {
  const n = 12_000 // 4n stays under MAX_CONSOLE_TEXT, so the clip does not hide the growth
  expect(4 * n).toBeLessThan(MAX_CONSOLE_TEXT)

  it.each(Object.entries(CRAFTED))('%s: 4x the input, at most 8x the time', (_name, make) => {
    const small = make(n)
    const large = make(4 * n)
    readConsoleLine(small) // warm up the patterns
    const tSmall = time(() => readConsoleLine(small))
    const tLarge = time(() => readConsoleLine(large))
    expect(tLarge, `${n}: ${tSmall.toFixed(1)} ms, ${4 * n}: ${tLarge.toFixed(1)} ms`).toBeLessThan(
      8 * tSmall + 50,
    )
  })

  it.each(Object.entries(CRAFTED))('%s: a megabyte in well under a second', (_name, make) => {
    const text = make(1_000_000)
    expect(time(() => explain(text))).toBeLessThan(1000)
  })

  it('any mix of the patterns’ pieces, 64 KiB long, reads in well under a second (fast-check)', () => {
    const pieces = [
      ' ',
      '   ',
      "'",
      '(',
      ')',
      '.',
      '‘',
      '’',
      'a',
      '\n',
      CHROME_HEAD,
      FIREFOX_HEAD,
      'Origin ',
      ' is not allowed by Access-Control-Allow-Origin.',
      'Header Access-Control-Allow-Headers has an invalid value: ',
      'Request header field ',
      'Fetch API cannot load ',
      ' due to access control checks.',
      ' Status code: 4',
      "(redirected from '",
      'Request header field x is not allowed by Access-Control-Allow-Headers in preflight response.',
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }), (parts) => {
        const text = fill(parts.join(''), MAX_CONSOLE_TEXT)
        const start = performance.now()
        explain(text)
        expect(performance.now() - start).toBeLessThan(1000)
      }),
      { numRuns: 40 },
    )
  })

  it('still reads the real line inside a crafted paste', () => {
    const line = chromeMessage('MissingAllowOriginHeader', {
      url: 'https://api.test/x',
      origin: 'https://app.test',
    })
    expect(explain(`${' '.repeat(50_000)}\n${line}`)?.code).toBe('CORSMissingAllowOrigin')
    const webkit = `Header Access-Control-Allow-Headers has an invalid value: x y${' '.repeat(40_000)}`
    expect(explain(webkit)?.line.value).toBe('x y')
  })
})
