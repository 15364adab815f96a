/**
 * The embedded Public Suffix List against the list itself: every rule of psl's data/rules.js, as
 * scripts/public-suffixes.mjs reads it, its parent and a name below it get the verdict of a
 * plain implementation over those rules; the rule and the name below it also get the
 * public-suffix answer of the `psl` package (an independent implementation of the list's
 * algorithm). In Node: psl's data is read from disk.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { domainToASCII, pathToFileURL } from 'node:url'
import psl from 'psl'
import { describe, expect, it } from 'vitest'
import { publicSuffixVerdict, type SuffixVerdict } from './public-suffix.ts'

/** Every rule of the list, in ASCII as the policy compares: `a.b.c`, `*.b.c`, `!a.b.c`. */
async function listRules(): Promise<string[]> {
  const pslDir = dirname(dirname(createRequire(import.meta.url).resolve('psl')))
  const url = pathToFileURL(join(pslDir, 'data/rules.js')).href
  const { default: rules } = (await import(url)) as { default: string[] }
  const ascii = (name: string) =>
    name
      .split('.')
      .map((l) => (l === '*' || /^[\x21-\x7e]+$/.test(l) ? l.toLowerCase() : domainToASCII(l)))
      .join('.')
  return rules.map((r) => (r.startsWith('!') ? `!${ascii(r.slice(1))}` : ascii(r)))
}

/**
 * The verdict, straight from the rules (https://github.com/publicsuffix/list/wiki/Format): a
 * name is a public suffix when a rule names it, or a wildcard rule its parent, and no exception
 * rule names it; one label is one by the default rule `*`. It contains public suffixes when a
 * rule other than an exception lies below it.
 */
function referenceVerdict(rules: Set<string>, below: Set<string>, domain: string): SuffixVerdict {
  if (!domain.includes('.')) return 'public-suffix'
  const parent = domain.slice(domain.indexOf('.') + 1)
  if (rules.has(`!${domain}`)) return null
  if (rules.has(domain) || rules.has(`*.${parent}`)) return 'public-suffix'
  return below.has(domain) ? 'contains-public-suffix' : null
}

/** psl's answer, in ASCII (psl returns IDNs in Unicode). */
function isSuffixPerPsl(domain: string): boolean {
  const parsed = psl.parse(domain)
  if ('error' in parsed && parsed.error) return false
  const tld = (parsed as { tld: string | null }).tld
  return tld !== null && new URL(`http://${tld}`).hostname === domain
}

describe('the embedded Public Suffix List', () => {
  it('gives every rule, its parent and a name below it the verdict of the rules, and of psl', async () => {
    const list = await listRules()
    expect(list.length).toBeGreaterThan(9000)
    const rules = new Set(list)
    /** The names with a rule other than an exception below them. */
    const below = new Set<string>()
    for (const rule of list) {
      if (rule.startsWith('!')) continue
      for (let i = rule.indexOf('.'); i !== -1; i = rule.indexOf('.', i + 1)) below.add(rule.slice(i + 1))
    }
    const counts = { 'public-suffix': 0, 'contains-public-suffix': 0, null: 0 }
    for (const rule of list) {
      const domain = rule.replace(/^\*\./, 'wild.').replace(/^!/, '')
      const parent = domain.slice(domain.indexOf('.') + 1)
      for (const d of [domain, parent, `corsica-test.${domain}`]) {
        const verdict = publicSuffixVerdict(d)
        expect(verdict, d).toBe(referenceVerdict(rules, below, d))
        // psl also calls the parent of a wildcard rule a suffix (`nom.br` for `*.nom.br`), where
        // the list's algorithm finds `br`: it is asked about rules and the names below them only.
        if (d !== parent) expect(verdict === 'public-suffix', d).toBe(isSuffixPerPsl(d))
        counts[`${verdict}`]++
      }
    }
    // Every kind of verdict is met, many times.
    expect(counts['public-suffix']).toBeGreaterThan(15000)
    expect(counts['contains-public-suffix']).toBeGreaterThan(900)
    expect(counts.null).toBeGreaterThan(9000)
  })
})
