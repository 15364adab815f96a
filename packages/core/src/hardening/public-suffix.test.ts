/**
 * Hardening: a pattern whose base is a public suffix (Public Suffix List, ICANN and private
 * sections) would allow strangers' sites, and is refused. Checked against the `psl` package,
 * an independent implementation of the list's algorithm, over every rule of the list.
 */
import psl from 'psl'
import { describe, expect, it } from 'vitest'
import { createCors } from '../index.ts'
import { publicSuffixVerdict } from '../public-suffix.ts'
import { PUBLIC_SUFFIX_TREE } from '../public-suffix-data.ts'
import { answer, configProblems, get } from './requests.ts'

describe('public-suffix patterns', () => {
  it.each([
    'https://*.github.io',
    'https://*.co.uk',
    'https://*.vercel.app',
    'https://*.pages.dev',
    'https://*.x.kawasaki.jp',
  ])('the reproduction: %s is refused, with a fix', (pattern) => {
    const problems = configProblems({ origin: [pattern] })
    expect(problems).toHaveLength(1)
    expect(problems![0]!.problem).toContain('public suffix')
    expect(problems![0]!.fix).toContain('my-site.')
  })

  it.each(['https://*.amazonaws.com', 'https://*.kawasaki.jp'])(
    '%s covers public suffixes below it, and is refused',
    (pattern) => {
      const problems = configProblems({ origin: [pattern] })
      expect(problems).toHaveLength(1)
      expect(problems![0]!.problem).toContain('public suffixes below')
    },
  )

  it.each([
    'https://me.github.io',
    'https://*.example.co.uk',
    'https://*.me.github.io',
    'https://*.my-app.vercel.app',
    'https://*.localhost',
    'https://*.example.com',
    'https://*.www.ck',
  ])('%s stays valid', (origin) => {
    expect(configProblems({ origin: [origin] })).toBeNull()
  })

  it('IDN rules are compared in punycode, as browsers send them', () => {
    expect(configProblems({ origin: ['https://*.公司.cn'] })).toHaveLength(1)
    expect(configProblems({ origin: ['https://*.xn--55qx5d.cn'] })).toHaveLength(1)
  })

  it('a valid pattern under a registrable domain still grants its subdomains only', async () => {
    const policy = createCors({ origin: ['https://*.example.co.uk'] })
    expect(
      (await answer(policy, get('https://a.example.co.uk'))).headers['access-control-allow-origin'],
    ).toBe('https://a.example.co.uk')
    expect(
      (await answer(policy, get('https://evil.co.uk'))).headers['access-control-allow-origin'],
    ).toBeUndefined()
  })

  it('every rule of the list is a public suffix, as psl says; one label more is as psl says', () => {
    const rules = decode(PUBLIC_SUFFIX_TREE)
    expect(rules.length).toBeGreaterThan(8000)
    let suffixes = 0
    for (const rule of rules) {
      const domain = rule.replace(/^\*\./, 'wild.').replace(/^!/, '')
      for (const d of [domain, `corsica-test.${domain}`]) {
        const expected = isSuffixPerPsl(d)
        const verdict = publicSuffixVerdict(d)
        expect(verdict === 'public-suffix', d).toBe(expected)
        if (expected) suffixes++
      }
    }
    expect(suffixes).toBeGreaterThan(7000)
  })
})

/** psl's answer, in ASCII (psl returns IDNs in Unicode). */
function isSuffixPerPsl(domain: string): boolean {
  const parsed = psl.parse(domain)
  if ('error' in parsed && parsed.error) return false
  const tld = (parsed as { tld: string | null }).tld
  return tld !== null && new URL(`http://${tld}`).hostname === domain
}

/**
 * The rules of the encoded tree, as `a.b.c` (exceptions `!a.b`, wildcards `*.b`). `[` opens the
 * children of a label that is a rule itself, `(` those of one that is not; a letter A to Z starts
 * a label with that many (1 to 26) characters of its previous sibling.
 */
function decode(encoded: string): string[] {
  const rules: string[] = []
  const path: string[] = []
  /** The last label of each open list: the previous sibling of the label being read. */
  const previous: string[] = ['']
  let label = ''
  const emit = (l: string) => {
    const bang = l.startsWith('!')
    const name = [bang ? l.slice(1) : l, ...[...path].reverse()].join('.')
    rules.push(bang ? `!${name}` : name)
  }
  const end = () => {
    if (label !== '') {
      emit(label)
      previous[previous.length - 1] = label
    }
    label = ''
  }
  for (const ch of encoded) {
    if (ch === '(' || ch === '[') {
      if (ch === '[') emit(label)
      previous[previous.length - 1] = label
      path.push(label)
      previous.push('')
      label = ''
    } else if (ch === ',' || ch === ')') {
      end()
      if (ch === ')') {
        path.pop()
        previous.pop()
      }
    } else if (ch >= 'A' && ch <= 'Z') {
      end()
      label = previous[previous.length - 1]!.slice(0, ch.charCodeAt(0) - 64)
    } else label += ch
  }
  end()
  return rules.filter((r) => r.includes('.'))
}
