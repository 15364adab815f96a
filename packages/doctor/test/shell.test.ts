/**
 * Issue 19, item 3: every command the doctor and `corsica explain` print quotes every value they
 * did not write (a redirect's Location, the origin read from a pasted line, the URL and origin
 * typed). Each printed command is run by a real shell (`sh -c`) in which `corsica` is a function
 * that records its argv, and `pwned` a function that leaves a file: the argv must come back
 * exactly, and nothing else may run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromeMessage } from '../src/chrome-errors'
import { diagnose } from '../src/diagnose'
import { explain, explanationText } from '../src/explain'
import { toJson, toText } from '../src/report'
import { shellQuote } from '../src/shell'
import { listen, routes, type TestServer } from './servers'

/** The Location of the issue: unquoted, `sh` runs `touch ./pwned`. */
const EVIL_LOCATION = 'https://evil.test/x;touch$IFS./pwned;#'
/** Origins a browser may send (the URL standard forbids none of these characters in a host). */
const HOSTILE_ORIGINS = [
  'https://a$(pwned).test',
  'https://a`pwned`.test',
  'https://a;pwned;.test',
  'https://a&pwned&.test',
  "https://a'pwned'.test",
]
/** What a pasted line may claim is an origin (explain reads it as written). */
const PASTED_ORIGINS = [...HOSTILE_ORIGINS, 'https://a;touch$IFS./pwned;.test']

/**
 * Runs `command` with `sh -c` in an empty directory, `corsica` recording its arguments and
 * `pwned` leaving a file; returns the recorded argv and the files left behind.
 */
function runInShell(command: string): { argv: string[]; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'corsica-shell-'))
  try {
    const script = `corsica() { for a in "$@"; do printf '%s\\0' "$a"; done; }
pwned() { : > pwned-ran; }
${command}
wait`
    const r = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 10_000 })
    const argv = r.stdout.split('\0').slice(0, -1)
    return { argv, files: readdirSync(dir) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The `corsica doctor …` command at the end of a line of text (not the report's title, `corsica doctor  GET …`). */
function commandIn(text: string): string {
  const at = text.search(/corsica doctor (?=\S)/)
  expect(at, text).toBeGreaterThanOrEqual(0)
  return text.slice(at).split('\n')[0]!
}

describe('shellQuote', () => {
  it('any string comes back from sh exactly, and nothing runs (fast-check)', () => {
    const samples: string[] = []
    fc.assert(
      // Any ASCII but NUL (no argument can hold it), and some non-ASCII.
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.integer({ min: 1, max: 127 }).map((c) => String.fromCharCode(c)),
            fc.constantFrom('é', '€', '’', '😀'),
          ),
          maxLength: 40,
        }),
        (s) => {
          samples.push(s)
        },
      ),
      { numRuns: 200 },
    )
    samples.push(...HOSTILE_ORIGINS, EVIL_LOCATION, "'", "''", '\\', '$', '!', '-', '', '~', '*', '#x')
    // One shell for all samples: each a separate `corsica` call, separated by a marker.
    const command = samples.map((s) => `corsica ${shellQuote(s)} --end--`).join('\n')
    const { argv, files } = runInShell(command)
    expect(files).toEqual([])
    const got: string[] = []
    let current: string[] = []
    for (const a of argv) {
      if (a === '--end--') {
        got.push(current.join('\u0000'))
        current = []
      } else current.push(a)
    }
    expect(got).toEqual(samples)
  })

  it('leaves plain words as they are', () => {
    expect(shellQuote('https://api.example.com/v1/notes')).toBe('https://api.example.com/v1/notes')
    expect(shellQuote('PUT')).toBe('PUT')
    expect(shellQuote('a b')).toBe("'a b'")
    expect(shellQuote("it's")).toBe("'it'\\''s'")
  })
})

describe('corsica doctor prints commands a shell runs as written (issue 19, item 3)', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await listen(
      routes({
        '/evil-redirect': (req, res) => {
          res.writeHead(302, {
            'access-control-allow-origin': req.headers.origin ?? '',
            vary: 'Origin',
            location: EVIL_LOCATION,
          })
          res.end()
        },
        '/same-origin-redirect': (req, res) => {
          if (req.method === 'OPTIONS') {
            res.writeHead(204, {
              'access-control-allow-origin': req.headers.origin ?? '',
              'access-control-allow-methods': 'PUT',
              vary: 'Origin',
            })
            res.end()
            return
          }
          res.writeHead(307, {
            'access-control-allow-origin': req.headers.origin ?? '',
            'access-control-allow-methods': 'PUT',
            vary: 'Origin',
            location: '/y;touch$IFS./pwned;$(pwned)`pwned`&pwned&#',
          })
          res.end()
        },
        '/ok': (req, res) => {
          res.writeHead(200, { 'access-control-allow-origin': req.headers.origin ?? '', vary: 'Origin' })
          res.end('{}')
        },
      }),
    )
  })
  afterAll(() => server.close())

  it("a redirect's hostile Location, in the text and the --json report", async () => {
    const d = await diagnose({ url: `${server.origin}/evil-redirect`, origin: 'https://app.example.com' })
    const target = new URL(EVIL_LOCATION).href
    const expected = ['doctor', target, '--origin', 'null']
    // The text has two commands: the plain GET's note, then the redirect warning's fix.
    const text = toText(d, false)
    const warning = text.slice(text.indexOf('Warnings ('))
    expect(runInShell(commandIn(warning))).toEqual({ argv: expected, files: [] })
    expect(runInShell(commandIn(text)).files).toEqual([])
    const fix = toJson(d).warnings.find((w) => w.code === 'Redirect')!.fix
    expect(runInShell(commandIn(fix))).toEqual({ argv: expected, files: [] })
  })

  it.each(HOSTILE_ORIGINS)('the redirect command keeps the origin %s and the method', async (origin) => {
    const d = await diagnose({
      url: `${server.origin}/same-origin-redirect`,
      origin,
      method: 'PUT',
      probe: false,
    })
    const w = d.warnings.find((x) => x.code === 'Redirect')!
    const target = new URL('/y;touch$IFS./pwned;$(pwned)`pwned`&pwned&#', server.origin).href
    expect(runInShell(commandIn(w.fix))).toEqual({
      argv: ['doctor', target, '--origin', origin, '--method', 'PUT'],
      files: [],
    })
  })

  it.each(HOSTILE_ORIGINS)("the plain GET's note keeps the origin %s", async (origin) => {
    const url = `${server.origin}/ok?a=$(pwned)&b=\`pwned\``
    const d = await diagnose({ url, origin, probe: false })
    expect(d.allowed).toBe(true)
    const { argv, files } = runInShell(commandIn(toText(d, false)))
    expect(files).toEqual([])
    expect(argv).toEqual([
      'doctor',
      new URL(url).href,
      '--origin',
      origin,
      '--method',
      'PUT',
      '-H',
      'Content-Type: application/json',
      '--credentials',
    ])
  })
})

describe('corsica explain prints commands a shell runs as written (issue 19, item 3)', () => {
  const URL_ = 'https://api.example.com/x;touch$IFS./pwned;$(pwned)'
  const readable = PASTED_ORIGINS.filter((o) => !o.includes("'")) // Chromium quotes with '

  it.each(readable)('Chromium: origin %s read from the line', (origin) => {
    const line = chromeMessage('HeaderDisallowedByPreflightResponse', {
      url: URL_,
      origin,
      hint: 'x-api-key',
    })
    const x = explain(line)!
    expect(x.line.origin).toBe(origin)
    const expected = ['doctor', URL_, '--origin', origin, '-H', 'x-api-key: …']
    expect(runInShell(x.command)).toEqual({ argv: expected, files: [] })
    expect(runInShell(commandIn(explanationText(x)))).toEqual({ argv: expected, files: [] })
  })

  it.each(PASTED_ORIGINS)('WebKit: origin %s read from the line', (origin) => {
    const x = explain(
      `Origin ${origin} is not allowed by Access-Control-Allow-Origin. Status code: 200\nFetch API cannot load ${URL_} due to access control checks.`,
    )!
    expect(x.line.origin).toBe(origin)
    expect(runInShell(x.command)).toEqual({ argv: ['doctor', URL_, '--origin', origin], files: [] })
  })

  it('WebKit: a hostile method', () => {
    const x = explain('Method $(pwned);pwned is not allowed by Access-Control-Allow-Methods.')!
    // The line names no URL or origin: the command keeps its placeholders for those; run the rest.
    expect(x.command).toBe("corsica doctor <url> --origin <page origin> --method '$(pwned);pwned'")
    const tail = x.command.replace('<url> --origin <page origin>', 'u --origin o')
    expect(runInShell(tail)).toEqual({
      argv: ['doctor', 'u', '--origin', 'o', '--method', '$(pwned);pwned'],
      files: [],
    })
  })

  it('the shell check itself catches an unquoted value (the test can fail)', () => {
    expect(runInShell('corsica doctor --origin https://a;pwned;.test').files).toEqual(['pwned-ran'])
    expect(existsSync('pwned-ran')).toBe(false)
  })
})
