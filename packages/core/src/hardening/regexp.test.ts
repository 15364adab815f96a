/**
 * Hardening: a RegExp origin matches whole origins only, whatever its source looks like.
 * In `/^a|b$/` the `^` binds to the first branch and `$` to the last; Corsica compiles every
 * RegExp as `^(?:source)$`, so each branch must match a whole origin.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCors } from '../index.ts'
import { answer, configProblems, get, grants, preflight } from './requests.ts'

describe('a RegExp matches the whole origin', () => {
  it('the reproduction: an alternation does not grant https://app.example.com.evil.test', async () => {
    const policy = createCors({
      origin: [/^https:\/\/app\.example\.com|https:\/\/admin\.example\.com$/],
      credentials: true,
    })
    for (const ok of ['https://app.example.com', 'https://admin.example.com']) {
      expect(grants(await answer(policy, get(ok)), ok)).toBe(true)
    }
    for (const evil of ['https://app.example.com.evil.test', 'https://evil.app.example.com.evil.test']) {
      const a = await answer(policy, get(evil))
      expect(a.headers['access-control-allow-origin']).toBeUndefined()
      expect(a.headers['access-control-allow-credentials']).toBeUndefined()
      const p = await answer(policy, preflight(evil))
      expect(p.headers['access-control-allow-origin']).toBeUndefined()
    }
  })

  it('the reproduction: /^https:\\/\\/example\\.com|$/ grants https://example.com and nothing else', async () => {
    const policy = createCors({ origin: [/^https:\/\/example\.com|$/], credentials: true })
    expect(grants(await answer(policy, get('https://example.com')), 'https://example.com')).toBe(true)
    for (const evil of ['https://evil.test', 'http://example.com', 'https://example.com.evil.test']) {
      expect((await answer(policy, get(evil))).headers['access-control-allow-origin']).toBeUndefined()
    }
  })

  it.each([
    [/^https:\/\/a\.com(?:$)/, 'a group around $'],
    [/^(?:https:\/\/a\.com)$/, 'a group around everything'],
    [/(^https:\/\/a\.com$)/, 'a capturing group around everything'],
    [/^https:\/\/a\.com\\$/, 'an escaped backslash before $'],
  ])('%s is anchored (%s)', (re) => {
    expect(configProblems({ origin: [re] })).toBeNull()
  })

  it.each([
    [/\.example\.com$/, 'an express-style suffix RegExp'],
    [/^https:\/\/a\.com/, 'no $'],
    [/^https:\/\/a\.com\$/, 'an escaped $'],
    [/https:\/\/a\.com$/, 'no ^'],
    [/^https:\/\/a\.com$|https:\/\/b\.com/, 'a last branch without $'],
  ])('%s is refused as unanchored (%s), with a fix', (re) => {
    const problems = configProblems({ origin: [re] })
    expect(problems).toHaveLength(1)
    expect(problems![0]!.problem).toContain('not anchored')
    expect(problems![0]!.fix).toContain('https://*.example.com')
  })

  it.each([
    /^.*$/,
    /^https?:\/\/.*$/,
    /^https?:\/\/[^/]+$/,
    /^(https?):\/\/[a-z0-9.-]+(:\d+)?$/,
    /^https:\/\/.+|https:\/\/app\.example\.com$/,
    /^[a-z]+:\/\/.*\.(com|net|invalid)$/,
  ])('%s reflects any origin: refused at createCors, with the fix', (re) => {
    const problems = configProblems({ origin: ['https://app.example.com', re], credentials: true })
    expect(problems).toHaveLength(1)
    expect(problems![0]!.option).toBe('origin[1]')
    expect(problems![0]!.problem).toContain('nobody could have meant')
    expect(problems![0]!.fix).toContain("origin: '*'")
  })

  it('narrow RegExps pass the probe', () => {
    for (const re of [
      /^https:\/\/(www\.)?example\.com$/,
      /^https:\/\/[a-z0-9-]+\.example\.com$/,
      /^https?:\/\/localhost(:\d+)?$/,
      /^https:\/\/pr-\d+\.preview\.example\.com$/,
    ]) {
      expect(configProblems({ origin: [re] })).toBeNull()
    }
  })

  it('g and y flags do not make the answer change from one call to the next (expressjs/cors #220)', async () => {
    for (const flags of ['g', 'y', 'gy', 'gi', 'm']) {
      const policy = createCors({ origin: [new RegExp('^https:\\/\\/a\\.test$', flags)] })
      for (let i = 0; i < 4; i++)
        expect(grants(await answer(policy, get('https://a.test')), 'https://a.test')).toBe(true)
    }
  })

  it('a RegExp subclass that answers differently on each read is read once', async () => {
    let reads = 0
    class Shifty extends RegExp {
      override get source(): string {
        reads++
        return reads === 1 ? '^https:\\/\\/a\\.test$' : '.*'
      }
    }
    const policy = createCors({ origin: [new Shifty('x')] })
    expect(grants(await answer(policy, get('https://a.test')), 'https://a.test')).toBe(true)
    expect(
      (await answer(policy, get('https://evil.test'))).headers['access-control-allow-origin'],
    ).toBeUndefined()
  })
})

// ---- The property: random sources made of origins and | ( ) ? * -----------------------------

/** A RegExp as the JavaScript parser reads it: alternation binds loosest. */
type Node =
  | { k: 'lit'; s: string }
  | { k: 'seq'; parts: Node[] }
  | { k: 'alt'; branches: Node[] }
  | { k: 'group'; a: Node }
  | { k: 'opt'; a: Node }
  | { k: 'star'; a: Node }
  | { k: 'start' }
  | { k: 'end' }

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

function render(n: Node): string {
  switch (n.k) {
    case 'lit':
      return escapeRegExp(n.s)
    case 'seq':
      return n.parts.map(render).join('')
    case 'alt':
      return n.branches.map(render).join('|')
    case 'group':
      return `(${render(n.a)})`
    case 'opt':
      return `(?:${render(n.a)})?`
    case 'star':
      return `(?:${render(n.a)})*`
    case 'start':
      return '^'
    case 'end':
      return '$'
  }
}

/** Where matching `n` from `pos` can end: an oracle that shares no code with RegExp. */
function ends(n: Node, s: string, pos: number): Set<number> {
  switch (n.k) {
    case 'lit':
      return s.startsWith(n.s, pos) ? new Set([pos + n.s.length]) : new Set()
    case 'start':
      return pos === 0 ? new Set([pos]) : new Set()
    case 'end':
      return pos === s.length ? new Set([pos]) : new Set()
    case 'group':
      return ends(n.a, s, pos)
    case 'opt':
      return new Set([pos, ...ends(n.a, s, pos)])
    case 'seq': {
      let at = new Set([pos])
      for (const part of n.parts) at = new Set([...at].flatMap((p) => [...ends(part, s, p)]))
      return at
    }
    case 'alt':
      return new Set(n.branches.flatMap((b) => [...ends(b, s, pos)]))
    case 'star': {
      const seen = new Set([pos])
      const todo = [pos]
      while (todo.length > 0) {
        for (const next of ends(n.a, s, todo.pop()!)) {
          if (!seen.has(next)) {
            seen.add(next)
            todo.push(next)
          }
        }
      }
      return seen
    }
  }
}

const fullyMatches = (n: Node, s: string) => ends(n, s, 0).has(s.length)

/** A string of the language of `n`, ignoring anchors, with choices from `pick`. */
function sample(n: Node, pick: () => number): string {
  switch (n.k) {
    case 'lit':
      return n.s
    case 'start':
    case 'end':
      return ''
    case 'group':
      return sample(n.a, pick)
    case 'opt':
      return pick() % 2 ? sample(n.a, pick) : ''
    case 'star':
      return Array.from({ length: pick() % 3 }, () => sample(n.a, pick)).join('')
    case 'seq':
      return n.parts.map((p) => sample(p, pick)).join('')
    case 'alt':
      return sample(n.branches[pick() % n.branches.length]!, pick)
  }
}

const PIECES = [
  'https://app.example.com',
  'https://admin.example.com',
  'http://localhost:3000',
  'https://',
  'app.',
  'example.com',
  '.evil.test',
  'www.',
  ':8443',
]

const leaf: fc.Arbitrary<Node> = fc.constantFrom(...PIECES).map((s) => ({ k: 'lit', s }))
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((parts): Node => ({ k: 'seq', parts })),
    fc
      .array(tie('node'), { minLength: 2, maxLength: 3 })
      .map((bs): Node => ({ k: 'group', a: { k: 'alt', branches: bs } })),
    tie('node').map((a): Node => ({ k: 'opt', a })),
    tie('node').map((a): Node => ({ k: 'star', a })),
  ),
}))

/** `^A|B|…|Z$`, parsed as JavaScript does: `^` on the first branch, `$` on the last. */
const topLevel: fc.Arbitrary<Node> = fc.array(node, { minLength: 1, maxLength: 3 }).map((branches) => {
  const bs = branches.map((b): Node => ({ k: 'seq', parts: [b] }))
  ;(bs[0] as { parts: Node[] }).parts.unshift({ k: 'start' })
  ;(bs[bs.length - 1] as { parts: Node[] }).parts.push({ k: 'end' })
  return { k: 'alt', branches: bs }
})

describe('property: the granted set never holds an origin the RegExp does not fully match', () => {
  it('random sources built from origins and | ( ) ? *', async () => {
    let checked = 0
    await fc.assert(
      fc.asyncProperty(
        topLevel,
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('', '.evil.test', '.com', ':8080', 'x'),
        async (tree, choices, tail) => {
          const source = render(tree)
          let i = 0
          const pick = () => choices[i++ % choices.length]!
          const candidates = [sample(tree, pick) + tail, sample(tree, pick), ...PIECES, `${PIECES[0]}${tail}`]
          let policy: ReturnType<typeof createCors>
          try {
            policy = createCors({ origin: [new RegExp(source)], credentials: true })
          } catch {
            return // refused at start-up (e.g. it matched an unmeant origin): grants nothing
          }
          for (const origin of candidates) {
            const granted = grants(await answer(policy, get(origin)), origin)
            // Every candidate the policy grants is fully matched; a full match of a
            // serialized origin is granted.
            if (granted) expect(fullyMatches(tree, origin), `${source} granted ${origin}`).toBe(true)
            if (fullyMatches(tree, origin) && /^https?:\/\/[a-z.-]+(:\d+)?$/.test(origin)) {
              expect(granted, `${source} refused ${origin}`).toBe(true)
            }
            checked++
          }
        },
      ),
      { numRuns: 400 },
    )
    expect(checked).toBeGreaterThan(1000)
  }, 60_000)
})
