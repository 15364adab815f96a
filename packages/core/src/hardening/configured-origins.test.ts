/**
 * Hardening: a configured origin is refused when the URL parser would change it beyond what
 * browsers normalize (case, default port, punycode, leading zeros of a port): what is listed
 * is exactly what is matched.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCors } from '../index.ts'
import { answer, configProblems, get } from './requests.ts'

describe('configured origins with garbage', () => {
  it("the reproduction: 'https://app.example.com\\\\evil' is refused, not read as https://app.example.com", () => {
    const problems = configProblems({ origin: ['https://app.example.com\\evil'] })
    expect(problems).toHaveLength(1)
    expect(problems![0]!.problem).toContain('backslash')
    expect(problems![0]!.fix).toContain("'https://app.example.com'")
  })

  it.each([
    ['https://app.exa\tmple.com', 'control'],
    [' https://app.example.com', 'control'],
    ['https://app.example.com\n', 'control'],
    ['https://app%2eexample.com', "'%'"],
    ['https://app.example.com;evil', "';'"],
    ['https://app.example.com!', "'!'"],
    ['https://app example.com', 'control'],
  ])('%j is refused (%s)', (entry, what) => {
    const problems = configProblems({ origin: [entry] })
    expect(problems, entry).toHaveLength(1)
    expect(problems![0]!.problem).toContain(what === 'control' ? 'strips or refuses' : what)
  })

  it.each([
    ['https://a.test:0443', 'https://a.test'],
    ['http://a.test:08080', 'http://a.test:8080'],
    ['HTTPS://A.TEST', 'https://a.test'],
    ['https://a.test:443', 'https://a.test'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('%s is normalized as the URL parser does, to %s', async (entry, origin) => {
    const policy = createCors({ origin: [entry] })
    expect((await answer(policy, get(origin))).headers['access-control-allow-origin']).toBe(origin)
  })

  it('property: an accepted origin is exactly what the URL parser makes of it', async () => {
    const piece = fc.constantFrom(
      'a',
      'app',
      '.',
      '-',
      'example',
      'com',
      '\\',
      '%2e',
      '@',
      ':',
      '443',
      '0',
      '\t',
      ' ',
      '/',
      'ü',
      '[',
      ']',
      '_',
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('http', 'https'),
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        async (scheme, pieces) => {
          const entry = `${scheme}://${pieces.join('')}`
          if (configProblems({ origin: [entry] }) !== null) return
          // Accepted: the parser sees the same origin, with nothing after it.
          const url = new URL(entry)
          expect(url.href, entry).toBe(`${url.origin}/`)
          const policy = createCors({ origin: [entry] })
          expect((await answer(policy, get(url.origin))).headers['access-control-allow-origin'], entry).toBe(
            url.origin,
          )
        },
      ),
      { numRuns: 1500 },
    )
  }, 60_000)
})

describe('an origin list written as one string', () => {
  it("'https://a.example.com,https://b.example.com' is refused with the list as the fix", () => {
    const problems = configProblems({ origin: 'https://a.example.com, https://b.example.com' })
    expect(problems).toHaveLength(1)
    expect(problems![0]!.problem).toContain('comma-separated')
    expect(problems![0]!.fix).toBe(
      "write a list: ['https://a.example.com', 'https://b.example.com']; if the value comes from an environment variable, pass it through originsFromEnv(value, 'ALLOWED_ORIGINS') from @corsica/core, which splits it and names the variable in its errors.",
    )
  })
})
