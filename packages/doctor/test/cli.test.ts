/**
 * The `corsica` bin as a process: built with the package's own tsup settings, run with node,
 * against real servers. Exit codes, the --json shape, colour only when asked, no stack traces.
 */
import { spawn } from 'node:child_process'
import { rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'tsup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliBuild } from '../tsup.config'
import { listen, routes, type TestServer } from './servers'

const PACKAGE = join(import.meta.dirname, '..')
// test-results/ is ignored by git and biome at the root; inside the package, so that the
// bundle's dependencies resolve from the package's node_modules.
const OUT = join(PACKAGE, 'test-results', 'cli-bin')
const CLI = join(OUT, 'cli.js')
const PAGE = 'https://app.example.com'

interface Run {
  code: number | null
  stdout: string
  stderr: string
  ms: number
}

function corsica(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Run> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    })
    if (stdin !== undefined) child.stdin!.end(stdin)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (d) => (stdout += d))
    child.stderr!.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }))
  })
}

let server: TestServer
let silent: TestServer
let closedPort: number

beforeAll(async () => {
  await build({ ...cliBuild, entry: [join(PACKAGE, 'src/cli.ts')], outDir: OUT, silent: true, config: false })
  server = await listen(
    routes({
      '/ok': (req, res) => {
        if (req.headers.origin === PAGE) res.setHeader('access-control-allow-origin', PAGE)
        res.setHeader('vary', 'Origin')
        res.setHeader('access-control-allow-credentials', 'true')
        res.setHeader('access-control-allow-methods', 'GET, PUT')
        res.setHeader('access-control-allow-headers', 'content-type, x-api-key')
        res.setHeader('access-control-expose-headers', 'x-request-id')
        res.setHeader('x-request-id', 'req-1')
        res.setHeader('content-type', 'application/json')
        res.end(req.method === 'OPTIONS' ? '' : '{}')
      },
      '/none': (_req, res) => {
        res.end('{}')
      },
      // Correct CORS headers, but a redirect no browser follows.
      '/to-data': (req, res) => {
        res.writeHead(302, {
          'access-control-allow-origin': req.headers.origin ?? '',
          location: 'data:text/plain,hi',
        })
        res.end()
      },
    }),
  )
  // Accepts connections and never answers.
  silent = await listen(() => {})
  const gone = await listen(() => {})
  closedPort = gone.port
  await gone.close()
}, 60_000)
afterAll(async () => {
  await server?.close()
  await silent?.close()
  await rm(OUT, { recursive: true, force: true })
  await rmdir(join(OUT, '..')).catch(() => {}) // only when empty
})

const noStack = (r: Run) => {
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(r.stdout).not.toMatch(/\n\s+at /)
}

describe('exit codes', () => {
  it('0 when a browser would allow the call', async () => {
    const r = await corsica(['doctor', `${server.origin}/ok`, '--origin', PAGE])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('✓ Allowed')
  })

  it('1 when a browser would block it', async () => {
    const r = await corsica(['doctor', `${server.origin}/none`, '--origin', PAGE])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✗ Blocked')
    expect(r.stdout).toContain('CORSMissingAllowOrigin')
  })

  it.each([
    ['no command', [], 'missing command'],
    ['an unknown command', ['check', 'http://x.test'], 'unknown command'],
    ['no URL', ['doctor', '--origin', PAGE], 'missing <url>'],
    ['no origin', ['doctor', 'http://127.0.0.1:9/'], 'missing --origin'],
    [
      'an origin with a path',
      ['doctor', 'http://127.0.0.1:9/', '--origin', `${PAGE}/`],
      `did you mean ${PAGE}?`,
    ],
    ['an origin that is not one', ['doctor', 'http://127.0.0.1:9/', '--origin', 'app'], 'is not an origin'],
    [
      'a URL without a scheme',
      ['doctor', 'localhost:3000/api', '--origin', PAGE],
      'did you mean http://localhost:3000/api?',
    ],
    ['a URL that is not http', ['doctor', 'ftp://example.com/', '--origin', PAGE], 'only to http and https'],
    ['a URL that is not a URL', ['doctor', 'http://exa mple.com/', '--origin', PAGE], 'is not a URL'],
    [
      'a forbidden method',
      ['doctor', 'http://127.0.0.1:9/', '--origin', PAGE, '--method', 'TRACE'],
      'refuse to send TRACE',
    ],
    [
      'a malformed header',
      ['doctor', 'http://127.0.0.1:9/', '--origin', PAGE, '--header', 'x-api-key'],
      'is not "Name: value"',
    ],
    ['an unknown option', ['doctor', 'http://127.0.0.1:9/', '--origin', PAGE, '--frobnicate'], 'frobnicate'],
    [
      'a body with GET',
      ['doctor', 'http://127.0.0.1:9/', '--origin', PAGE, '--data', 'x'],
      'refuses a body with GET',
    ],
    ['a bad timeout', ['doctor', 'http://127.0.0.1:9/', '--origin', PAGE, '--timeout', 'soon'], '--timeout'],
    ['a same-origin call', ['doctor', `${PAGE}/api`, '--origin', PAGE], 'CORS does not apply'],
  ])('2 for %s, with a one-line message', async (_name, args, text) => {
    const r = await corsica(args)
    expect(r.code).toBe(2)
    expect(r.stderr.split('\n')[0]).toMatch(/^corsica: /)
    expect(r.stderr).toContain(text)
    expect(r.stdout).toBe('')
    noStack(r)
  })

  it('2 for a refused connection', async () => {
    const r = await corsica(['doctor', `http://127.0.0.1:${closedPort}/`, '--origin', PAGE])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      `corsica: could not connect to 127.0.0.1:${closedPort}: connection refused (is the server running?)\n`,
    )
  })

  it('2 when the server does not answer within --timeout', async () => {
    const r = await corsica(['doctor', `${silent.origin}/`, '--origin', PAGE, '--timeout', '300ms'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no response from')
    expect(r.stderr).toContain('within 0.3 s')
    expect(r.ms).toBeLessThan(5000)
    noStack(r)
  })

  it('2 when the run outlasts --deadline, saying so (issue 19, item 9)', async () => {
    const r = await corsica([
      'doctor',
      `${silent.origin}/`,
      '--origin',
      PAGE,
      '--timeout',
      '20s',
      '--deadline',
      '700ms',
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^corsica: the diagnosis did not finish within 0\.7 s \(1 request sent; raise it with --deadline\)\n$/,
    )
    expect(r.ms).toBeLessThan(5000)
    noStack(r)
  })

  it('0 for --help', async () => {
    const r = await corsica(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: corsica doctor <url> --origin <origin>')
    expect(r.stdout).toContain('corsica explain "<console line>"')
    expect(r.stdout).toContain('-H, --header')
    expect(r.stdout).toContain('--deadline <time>')
  })

  it('1 for a redirect to data: with correct CORS headers, saying why', async () => {
    const r = await corsica(['doctor', `${server.origin}/to-data`, '--origin', PAGE])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('CORSRequestNotHttp')
    expect(r.stdout).toContain('only to http: and https: URLs')
    expect(r.stdout).not.toContain('corsica doctor data:')
  })
})

describe('--json', () => {
  it('has exactly the documented fields when allowed', async () => {
    const r = await corsica([
      'doctor',
      `${server.origin}/ok`,
      '--origin',
      PAGE,
      '--method',
      'PUT',
      '-H',
      'Content-Type: application/json',
      '--header',
      'X-Api-Key: k',
      '--credentials',
      '--json',
    ])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const v = JSON.parse(r.stdout)
    expect(Object.keys(v)).toEqual(['allowed', 'preflight', 'problems', 'warnings', 'exposedHeaders'])
    expect(v).toMatchObject({ allowed: true, preflight: true, problems: [], warnings: [] })
    expect(v.exposedHeaders).toEqual(['content-length', 'content-type', 'x-request-id'])
  })

  it('lists problems as { code, message, fix } when blocked', async () => {
    const r = await corsica([
      'doctor',
      `${server.origin}/none`,
      '--origin',
      PAGE,
      '--method',
      'DELETE',
      '--json',
    ])
    expect(r.code).toBe(1)
    const v = JSON.parse(r.stdout)
    expect(v.allowed).toBe(false)
    expect(v.preflight).toBe(true)
    expect(v.exposedHeaders).toEqual([])
    expect(v.problems.length).toBeGreaterThan(0)
    for (const p of v.problems) expect(Object.keys(p)).toEqual(['code', 'message', 'fix'])
    expect(v.problems[0].code).toBe('CORSMissingAllowOrigin')
    expect(v.problems[0].message).toBe(
      `Access to fetch at '${server.origin}/none' from origin '${PAGE}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
    )
  })

  it('lists warnings as { code, message, fix }', async () => {
    const r = await corsica([
      'doctor',
      `${server.origin}/ok`,
      '--origin',
      PAGE,
      '-H',
      'Cookie: a=1',
      '--json',
    ])
    expect(r.code).toBe(0)
    const v = JSON.parse(r.stdout)
    expect(v.warnings.map((w: { code: string }) => w.code)).toEqual(['ForbiddenHeaderDropped'])
    for (const w of v.warnings) expect(Object.keys(w)).toEqual(['code', 'message', 'fix'])
  })
})

describe('colour', () => {
  it('is off when stdout is not a terminal', async () => {
    const r = await corsica(['doctor', `${server.origin}/none`, '--origin', PAGE])
    expect(r.stdout).not.toContain('\x1b[')
  })

  it('is on with FORCE_COLOR, and off again with NO_COLOR', async () => {
    const on = await corsica(['doctor', `${server.origin}/none`, '--origin', PAGE], { FORCE_COLOR: '1' })
    expect(on.stdout).toContain('\x1b[31m')
    const off = await corsica(['doctor', `${server.origin}/none`, '--origin', PAGE], {
      FORCE_COLOR: '1',
      NO_COLOR: '1',
    })
    expect(off.stdout).not.toContain('\x1b[')
  })
})

describe('corsica explain', () => {
  const line = `Access to fetch at '${PAGE.replace('app', 'api')}/items' from origin '${PAGE}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.`

  it('0 for a line it knows, from the argument', async () => {
    const r = await corsica(['explain', line])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^CORSMissingAllowOrigin {2}\(Chromium\)/)
    expect(r.stdout).toContain('At fault: the preflight response (OPTIONS)')
    expect(r.stdout).toContain('Corsica: add')
    expect(r.stdout).toContain('hono/cors: add')
    expect(r.stdout).toContain('express cors(): add')
    expect(r.stdout).toContain(
      `corsica doctor https://api.example.com/items --origin ${PAGE} --method <method>`,
    )
  })

  it('0 for a line read from stdin, worded for the one --server names', async () => {
    const firefox =
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://127.0.0.1:3000/api. (Reason: header ‘x-api-key’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).'
    const r = await corsica(['explain', '--server', 'express', '--json'], {}, `${firefox}\n`)
    expect(r.code).toBe(0)
    const v = JSON.parse(r.stdout)
    expect(v).toMatchObject({
      code: 'CORSMissingAllowHeaderFromPreflight',
      step: 'preflight',
      fixes: { express: "add 'x-api-key' to allowedHeaders" },
      line: { engine: 'firefox', value: 'x-api-key', url: 'http://127.0.0.1:3000/api' },
    })
    expect(Object.keys(v.fixes)).toEqual(['express'])
  })

  it('2 for a line it does not know, saying what it knows', async () => {
    const r = await corsica(['explain', 'TypeError: Failed to fetch'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('not a CORS console line the doctor knows')
    expect(r.stderr).toContain('Firefox:')
    expect(r.stderr).toContain('WebKit:')
  })

  it('escapes control characters pasted with the line', async () => {
    const hostile = line.replace(`origin '${PAGE}'`, `origin 'https://app\x1b]0;x\x07.example.com'`)
    expect(hostile).not.toBe(line)
    const r = await corsica(['explain', hostile])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('https://app\\x1b]0;x\\x07.example.com')
    expect(r.stdout).not.toContain('\x1b]0;')
  })
})
