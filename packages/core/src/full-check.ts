/**
 * What only the full entry's {@link SubdomainCheck} does, since only it accepts subdomain
 * patterns and knows the public suffixes (the Public Suffix List): probing a configured RegExp
 * for names anyone can register under a public suffix (`regexpProblem`), and finding the listed
 * origins a pattern could cover (`siblings`, for the fix of a refused origin). A lite bundle
 * holds none of this.
 */
import { show } from './errors.ts'
import { type EntryProblem, hostOf, isEscaped, type SubdomainCheck } from './origin.ts'
import { siblingPattern } from './reasons.ts'

/**
 * `check` with the RegExp probe (under the public suffixes its `isPublicSuffix` knows) and the
 * siblings. Pure: a bundle that never compiles a policy drops it.
 */
export function fullCheck(check: SubdomainCheck): SubdomainCheck {
  const isPublicSuffix = check.isPublicSuffix
  return Object.assign((entry: string, scheme: string, base: string) => check(entry, scheme, base), check, {
    regexpProblem:
      isPublicSuffix &&
      ((entry: RegExp, source: string, compiled: RegExp) =>
        publicSuffixProblem(entry, source, compiled, isPublicSuffix)),
    siblings: (exact: ReadonlySet<string>) => siblingsOf(check, exact),
  })
}

/** Listed exact origins by the pattern over their parent domain, for patterns `check` accepts. */
function siblingsOf(check: SubdomainCheck, exact: ReadonlySet<string>): ReadonlyMap<string, string> {
  const siblings = new Map<string, string>()
  for (const origin of exact) {
    const pattern = siblingPattern(origin)
    if (pattern === null || siblings.has(pattern)) continue
    const parent = hostOf(pattern).slice(2)
    // Only a pattern this entry point would accept is suggested (never over a public suffix).
    if (check(pattern, pattern.slice(0, pattern.indexOf(':')), parent) === null) {
      siblings.set(pattern, origin)
    }
  }
  return siblings
}

/** A label nobody registered, for probing a RegExp under a public suffix. */
const PROBE_LABELS = ['corsicaunmeant', 'corsica-unmeant-origin'] as const

/**
 * A RegExp that grants names anyone can register under a public suffix, as the pattern string
 * `'https://*.vercel.app'` would (refused in parsePattern): `/^https:\/\/.*\.vercel\.app$/`.
 * The literal end of its source (`.vercel.app`) names the suffix; the RegExp is tried on a
 * made-up name right under it (`https://corsicaunmeant.vercel.app`), keeping whatever part of
 * that label the source fixes (`-preview` in `[a-z-]+-preview\.vercel\.app`).
 */
function publicSuffixProblem(
  entry: RegExp,
  source: string,
  compiled: RegExp,
  isPublicSuffix: (domain: string) => boolean,
): EntryProblem | null {
  const tail = literalTail(source, compiled.flags.includes('i'))
  const labels = tail.split('.')
  // The longest public suffix the tail ends with: `vercel.app`, not `app`.
  for (let k = 0; k < labels.length; k++) {
    const suffix = labels.slice(k).join('.')
    // `localhost` is a suffix by the default rule, but its names are this machine's, as for patterns.
    if (labels.slice(k).includes('') || suffix === 'localhost') continue
    if (!isPublicSuffix(suffix)) continue
    // What the source fixes of the label right under the suffix (possibly nothing).
    const rest = labels.slice(0, k)
    if (rest.length > 1) return null // a label of the user's own sits between: `.my-site.vercel.app`
    const part = rest[0] ?? ''
    for (const label of PROBE_LABELS) {
      for (const scheme of ['https', 'http']) {
        const probe = `${scheme}://${label}${part}.${suffix}`
        if (!compiled.test(probe)) continue
        return {
          problem: `${show(entry)} matches ${probe}, a name anyone can register under '${suffix}', a public suffix (Public Suffix List): it grants strangers' sites, as the pattern '${scheme}://*.${suffix}' would.`,
          fix: `list your own origins under it ('${scheme}://my-site.${suffix}'), or a pattern under a domain you control ('${scheme}://*.my-site.${suffix}').`,
        }
      }
    }
    return null
  }
  return null
}

/**
 * The host characters a RegExp source ends with, read backwards from its final `$` (and any
 * closing groups or optional groups such as a port, `(:\d+)?`) up to the first character that
 * is not a literal: `^https:\/\/.*\.vercel\.app$` ends with `.vercel.app`.
 */
function literalTail(source: string, ignoreCase: boolean): string {
  let end = source.length
  for (;;) {
    const before = end
    while (end > 0 && (source[end - 1] === ')' || source[end - 1] === '$') && !isEscaped(source, end - 1))
      end--
    // An optional group at the very end (`(:\d+)?`, `(?::[0-9]+)?`): skipped whole.
    if (end > 1 && source[end - 1] === '?' && source[end - 2] === ')' && !isEscaped(source, end - 2)) {
      let depth = 0
      let i = end - 2
      for (; i >= 0; i--) {
        if (isEscaped(source, i)) continue
        if (source[i] === ')') depth++
        else if (source[i] === '(' && --depth === 0) break
      }
      if (i < 0) return ''
      end = i
    }
    if (end === before) break
  }
  let tail = ''
  let i = end
  while (i > 0) {
    const ch = source[i - 1]!
    if (/[a-zA-Z0-9-]/.test(ch) && !isEscaped(source, i - 1)) {
      tail = ch + tail
      i--
    } else if (ch === '.' && isEscaped(source, i - 1)) {
      tail = `.${tail}`
      i -= 2
    } else break
  }
  // A quantifier ends the scan at once (`app?$` fixes nothing), so every character kept is fixed.
  // Upper case without the i flag matches no origin a browser sends (hosts are lower case).
  if (!ignoreCase && tail !== tail.toLowerCase()) return ''
  return tail.toLowerCase()
}
