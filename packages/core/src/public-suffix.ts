/**
 * The Public Suffix List, asked about the base of an origin pattern: `https://*.github.io`
 * would let every GitHub Pages site read the responses, as `https://*.com` would every site.
 * Only createCors of the full entry (`@corsica/core`) asks. The encoded tree (see scripts/public-suffixes.mjs) is read lazily, one
 * level of one branch at a time, so a question costs a scan of the branches it walks through,
 * not a parse of the whole list.
 */
import type { EntryProblem, SubdomainCheck } from './origin.ts'
import { PatternIndex } from './pattern-index.ts'
import { PUBLIC_SUFFIX_TREE } from './public-suffix-data.ts'

interface SuffixNode {
  /** Whether this name is itself a rule of the list. */
  readonly rule: boolean
  /** Where its children are encoded in PUBLIC_SUFFIX_TREE: [start, end). */
  readonly start: number
  readonly end: number
  children: Map<string, SuffixNode> | null
}

const COMMA = 0x2c
/** `(` opens the children of a label, `[` those of a label that is also a rule; `)` closes either. */
const OPEN = 0x28
const OPEN_RULE = 0x5b
const CLOSE = 0x29
/** `A` to `Z`: the first 1 to 26 characters of the previous sibling (labels are lower case). */
const A = 0x41
const Z = 0x5a

const root: SuffixNode = { rule: false, start: 0, end: PUBLIC_SUFFIX_TREE.length, children: null }

/**
 * The children of a node, decoded from `a,b[c,d(e))Bf` on first use (`b` is a rule with children,
 * `d` a label with children only, `Bf` is `b`'s first letter, then `f`).
 */
function childrenOf(node: SuffixNode): Map<string, SuffixNode> {
  if (node.children !== null) return node.children
  const s = PUBLIC_SUFFIX_TREE
  const children = new Map<string, SuffixNode>()
  let previous = ''
  let i = node.start
  while (i < node.end) {
    const first = s.charCodeAt(i)
    const shared = first >= A && first <= Z ? first - A + 1 : 0
    if (shared > 0) i++
    let j = i
    for (
      let c = s.charCodeAt(j);
      j < node.end && c !== COMMA && c !== OPEN && c !== OPEN_RULE && c !== CLOSE && !(c >= A && c <= Z);
      c = s.charCodeAt(++j)
    );
    const label = previous.slice(0, shared) + s.slice(i, j)
    previous = label
    const open = j < node.end ? s.charCodeAt(j) : COMMA
    if (open === OPEN || open === OPEN_RULE) {
      let depth = 1
      let k = j + 1
      for (; depth > 0; k++) {
        const c = s.charCodeAt(k)
        if (c === OPEN || c === OPEN_RULE) depth++
        else if (c === CLOSE) depth--
      }
      children.set(label, { rule: open === OPEN_RULE, start: j + 1, end: k - 1, children: null })
      j = k
    } else {
      // A label without children is a rule.
      children.set(label, { rule: true, start: 0, end: 0, children: null })
    }
    i = s.charCodeAt(j) === COMMA ? j + 1 : j // past the comma, if any
  }
  node.children = children
  return children
}

/** What the list says about a pattern's base domain (lower case, ASCII). */
export type SuffixVerdict = 'public-suffix' | 'contains-public-suffix' | null

/**
 * Whether `domain` is a public suffix (PSL algorithm: an exact rule, a wildcard rule one label
 * up, no exception rule; one label is a suffix by the default rule `*`), or has public suffixes
 * below it (`amazonaws.com` above `s3.amazonaws.com`), so that a pattern over it would cover
 * names that other people register. Null when neither.
 */
export function publicSuffixVerdict(domain: string): SuffixVerdict {
  const labels = domain.split('.').reverse()
  if (labels.length === 1) return 'public-suffix'
  let node = root
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!
    const children = childrenOf(node)
    if (i === labels.length - 1) {
      if (children.has(`!${label}`)) return null
      if (children.has('*')) return 'public-suffix'
      const own = children.get(label)
      if (own === undefined) return null
      if (own.rule) return 'public-suffix'
      for (const name of childrenOf(own).keys()) if (!name.startsWith('!')) return 'contains-public-suffix'
      return null
    }
    const next = children.get(label) ?? children.get('*')
    if (next === undefined) return null
    node = next
  }
  return null
}

/**
 * The subdomain check of `@corsica/core` (see SubdomainCheck in origin.ts): a pattern over a
 * public suffix, or over a name with public suffixes below it, is refused. Under `github.io` or
 * `co.uk` anyone can register a name, so a pattern there allows strangers' sites.
 */
export function checkAgainstPublicSuffixes(entry: string, scheme: string, base: string): EntryProblem | null {
  // `*.localhost` (the one base of one label the shape check lets through) is no one's to register.
  const suffix = base.includes('.') ? publicSuffixVerdict(base) : null
  if (suffix === 'public-suffix') {
    return {
      problem: `'${entry}' would allow every site under '${base}', a public suffix where anyone can register a name (Public Suffix List).`,
      fix: `list your own origins under it ('${scheme}://my-site.${base}'), or a pattern under a domain you control ('${scheme}://*.my-site.${base}').`,
    }
  }
  if (suffix === 'contains-public-suffix') {
    return {
      problem: `'${entry}' also covers public suffixes below '${base}' (Public Suffix List), under which other people register names.`,
      fix: `list the exact origins you use under '${base}', or a pattern under a name only you control.`,
    }
  }
  return null
}

/**
 * The full entry's {@link SubdomainCheck}: {@link checkAgainstPublicSuffixes}, with patterns of
 * every kind indexed in a tree of labels, and for RegExps whether anyone can register names right
 * under `domain` (one label is a suffix by the default rule `*`: `dev`, `com`). Pure, so that a
 * bundle that does not compile a policy drops it, and the list with it.
 */
export const publicSuffixCheck: SubdomainCheck = /* @__PURE__ */ Object.assign(checkAgainstPublicSuffixes, {
  patterns: () => new PatternIndex(),
  isPublicSuffix: (domain: string): boolean => publicSuffixVerdict(domain) === 'public-suffix',
})
