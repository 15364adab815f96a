/**
 * Issue 23: docs and messages that say what the code no longer does. Each claim below is a
 * sentence the code contradicts; the test runs the code to show the contradiction still holds,
 * then greps every doc (README.md, docs/*.md, packages/*\/README.md, examples/*\/README.md), the
 * doctor's sources (its messages and comments) and every `corsica explain` answer for it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCors } from '@corsica/core'
import { describe, expect, it } from 'vitest'
import { chromeMessage } from '../src/chrome-errors'
import { PREFLIGHT_CACHE_CAP } from '../src/engines'
import { explain, explanationText } from '../src/explain'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const PAGE = 'https://app.example.com'

interface Claim {
  /** What the docs used to say. */
  name: string
  /** Ways of saying it. */
  patterns: RegExp[]
  /** A sentence that says it, to show the patterns catch it (the test can fail). */
  example: string
  /** Runs the code and asserts what it does instead. */
  contradicted: () => Promise<void>
}

/** A preflight from an allowed origin asking for a method the policy does not allow. */
async function refusedMethodFromAllowedOrigin(): Promise<Response> {
  const policy = createCors({ origin: [PAGE], methods: ['GET', 'PUT'], onRefuse: false })
  const answer = await policy.preflight(
    new Request('http://api.test/x', {
      method: 'OPTIONS',
      headers: { origin: PAGE, 'access-control-request-method': 'DELETE' },
    }),
  )
  return answer!
}

const CLAIMS: Claim[] = [
  {
    name: 'Corsica refuses every preflight without any Access-Control-* header, whatever the cause',
    patterns: [
      /refuses a preflight without any `?Access-Control-\*`? header/i,
      /answers? a refused preflight with no `?Access-Control-\*`? header/i,
      /Corsica[^.]{0,80}(?:refused preflight|refuses a preflight)[^.]{0,40}whatever the cause/i,
    ],
    example:
      'Corsica refuses a preflight without any Access-Control-* header whatever the cause, so run the doctor',
    contradicted: async () => {
      const answer = await refusedMethodFromAllowedOrigin()
      expect(answer.status).toBeGreaterThanOrEqual(200)
      expect(answer.status).toBeLessThan(300)
      expect(answer.headers.get('access-control-allow-origin')).toBe(PAGE)
      expect(answer.headers.get('access-control-allow-methods')).toBe('GET, PUT')
    },
  },
  {
    name: 'every refused preflight gets a 403',
    patterns: [
      /Corsica answers a refused preflight with (?:a bare )?`?403/i,
      /\bA refused preflight gets `?403/,
    ],
    example: 'Corsica answers a refused preflight with 403: run the doctor',
    contradicted: async () => {
      expect((await refusedMethodFromAllowedOrigin()).status).not.toBe(403)
    },
  },
  {
    name: 'a header refused from an allowed origin shows as a missing Access-Control-Allow-Origin',
    patterns: [/CORSMissingAllowOrigin \(preflight response\)[^`]{0,200}onRefuse code header-not-allowed/],
    example:
      "1. CORSMissingAllowOrigin (preflight response) … Fix: … Corsica (onRefuse code header-not-allowed): add 'x-api-key' to allowedHeaders.",
    contradicted: async () => {
      const policy = createCors({ origin: [PAGE], allowedHeaders: ['content-type'], onRefuse: false })
      const answer = await policy.preflight(
        new Request('http://api.test/x', {
          method: 'OPTIONS',
          headers: {
            origin: PAGE,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'x-api-key',
          },
        }),
      )
      expect(answer!.headers.get('access-control-allow-origin')).toBe(PAGE)
      expect(answer!.headers.get('access-control-allow-headers')).toBe('content-type')
    },
  },
  {
    name: 'Chromium keeps a preflight at most 600 s (its cap before Chromium 76)',
    patterns: [/Chromium (?:caps|keeps|limits)[^.]{0,40}\b600\b/i],
    example: 'Chromium caps Access-Control-Max-Age at 600 seconds',
    contradicted: async () => {
      expect(PREFLIGHT_CACHE_CAP.chromium).toBe(7200)
    },
  },
]

/** Every doc a reader meets. */
function docs(): Array<[string, string]> {
  const files = ['README.md']
  for (const f of readdirSync(join(ROOT, 'docs'))) if (f.endsWith('.md')) files.push(`docs/${f}`)
  for (const dir of ['packages', 'examples']) {
    for (const p of readdirSync(join(ROOT, dir))) {
      try {
        files.push(`${dir}/${p}/README.md`)
        readFileSync(join(ROOT, dir, p, 'README.md'))
      } catch {
        files.pop()
      }
    }
  }
  return files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')])
}

/** The doctor's own sources (its messages and comments), tests left out. */
function doctorSources(): Array<[string, string]> {
  const dir = join(ROOT, 'packages', 'doctor', 'src')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => [`packages/doctor/src/${f}`, readFileSync(join(dir, f), 'utf8')])
}

/** Everything `corsica explain` says, for one line of each Chromium error, as Corsica's fixes. */
function explainAnswers(): Array<[string, string]> {
  const lines = [
    chromeMessage('MissingAllowOriginHeader', { url: 'http://api.test/x', origin: PAGE }),
    chromeMessage('PreflightMissingAllowOriginHeader', { url: 'http://api.test/x', origin: PAGE }),
    chromeMessage('PreflightInvalidStatus', { url: 'http://api.test/x', origin: PAGE }),
    chromeMessage('MethodDisallowedByPreflightResponse', {
      url: 'http://api.test/x',
      origin: PAGE,
      hint: 'DELETE',
    }),
    'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://api.test/x. (Reason: CORS preflight response did not succeed). Status code: 403.',
  ]
  return lines.map((l, i) => [`corsica explain (line ${i + 1})`, explanationText(explain(l, 'corsica')!)])
}

describe('no doc or message says what the code contradicts (issue 23)', () => {
  it('the texts scanned include the docs, the doctor and explain', () => {
    const names = docs().map(([f]) => f)
    expect(names).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/doctor.md',
        'packages/doctor/README.md',
        'packages/core/README.md',
      ]),
    )
    expect(doctorSources().length).toBeGreaterThan(10)
  })

  describe.each(CLAIMS.map((c) => [c.name, c] as const))('%s', (_name, claim) => {
    it('the code does otherwise', async () => {
      await claim.contradicted()
    })

    it('the patterns catch the claim as it was worded', () => {
      expect(claim.patterns.some((p) => p.test(claim.example))).toBe(true)
    })

    it('no text makes it', () => {
      const texts = [...docs(), ...doctorSources(), ...explainAnswers()]
      const found = texts.flatMap(([file, text]) =>
        claim.patterns.flatMap((p) => {
          // One space for any run of white space: a claim may be wrapped across lines.
          const m = p.exec(text.replace(/\s+/g, ' '))
          return m ? [`${file}: ${m[0]}`] : []
        }),
      )
      expect(found).toEqual([])
    })
  })
})
