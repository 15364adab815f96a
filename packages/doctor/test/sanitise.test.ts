/**
 * A hostile server: a raw node:net server that writes control characters into its status
 * reason phrase (undici passes every byte but CR and LF) and into header values (undici passes
 * tab and the Latin-1 range 0x80-0xff, C1 controls included). Nothing it sends may reach the
 * terminal unescaped; `--json` keeps every value exact.
 */
import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import fc from 'fast-check'
import { build } from 'tsup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diagnose, toJson, toText } from '../src/index'
import { escapeControls, safeJson } from '../src/sanitise'
import { cliBuild } from '../tsup.config'

const PACKAGE = join(import.meta.dirname, '..')
const OUT = join(PACKAGE, 'test-results', 'sanitise-bin')
const CLI = join(OUT, 'cli.js')
const PAGE = 'https://app.example.com'

/** Every character a terminal may act on: C0, DEL, C1, format characters, U+2028/9. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u
/** The report's own colour sequences (SGR), which are the only escapes it may print. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the report's colour sequences
const SGR = /\x1b\[\d+m/g

/** What the server answers to every request: a reason phrase (UTF-8) and header lines (Latin-1). */
let reply: { reason: string; headers: Array<[string, string]> } = { reason: 'OK', headers: [] }
let server: Server
let base: string

function head(): Buffer {
  const lines = reply.headers.map(([n, v]) => Buffer.from(`${n}: ${v}\r\n`, 'latin1'))
  return Buffer.concat([
    Buffer.from('HTTP/1.1 200 '),
    Buffer.from(reply.reason, 'utf8'),
    Buffer.from('\r\n'),
    ...lines,
    Buffer.from('Content-Length: 0\r\nConnection: close\r\n\r\n'),
  ])
}

beforeAll(async () => {
  server = createServer((socket) => {
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1')
      if (received.includes('\r\n\r\n')) socket.end(head())
    })
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  await build({ ...cliBuild, entry: [join(PACKAGE, 'src/cli.ts')], outDir: OUT, silent: true, config: false })
}, 60_000)
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await rm(OUT, { recursive: true, force: true })
})

function corsica(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A reason phrase that clears the screen, fakes the verdict, sets the title and writes the clipboard. */
const ATTACK =
  'OK\x1b[2J\x1b[H\x1b[32m✓ Allowed\x1b[0m\x1b]0;pwned\x07\x1b]52;c;ZWNobyBwd25lZA==\x07\x9b2J\u202e\x00\x08\x7f'

describe('corsica doctor against a hostile server', () => {
  it('prints the reason phrase escaped, never raw', async () => {
    reply = { reason: ATTACK, headers: [] }
    const r = await corsica(['doctor', `${base}/`, '--origin', PAGE, '--no-probe'])
    expect(r.code).toBe(1)
    expect(r.stdout.replace(/\n/g, '')).not.toMatch(CONTROL)
    expect(r.stdout).toContain(escapeControls(`200 ${ATTACK}`))
    expect(r.stdout).toContain('\\x1b]52;c;')
    // The only verdict line is the doctor's own.
    expect(r.stdout.match(/✓ Allowed/g)).toHaveLength(1) // inside the escaped reason phrase
    expect(r.stdout).toMatch(/^✗ Blocked/m)
    expect(r.stdout).not.toMatch(/^✓ Allowed/m)
  })

  it('prints only its own colour sequences when colour is on', async () => {
    reply = { reason: ATTACK, headers: [['Access-Control-Allow-Origin', 'http://x\x9b2J\t\xad']] }
    const r = await corsica(['doctor', `${base}/`, '--origin', PAGE, '--no-probe'], { FORCE_COLOR: '1' })
    expect(r.stdout).toContain('\x1b[31m')
    expect(r.stdout.replace(SGR, '').replace(/\n/g, '')).not.toMatch(CONTROL)
    expect(r.stdout).toContain('http://x\\x9b2J\\x09\\xad')
  })

  it('keeps --json exact, with the characters JSON leaves raw written as \\u escapes', async () => {
    const value = 'http://x\x9b2J\x85\xad'
    reply = { reason: ATTACK, headers: [['Access-Control-Allow-Origin', value]] }
    const r = await corsica(['doctor', `${base}/`, '--origin', PAGE, '--no-probe', '--json'])
    expect(r.code).toBe(1)
    expect(r.stdout.replace(/\n/g, '')).not.toMatch(CONTROL)
    const v = JSON.parse(r.stdout)
    expect(v.problems[0].code).toBe('CORSAllowOriginNotMatchingOrigin')
    expect(v.problems[0].message).toContain(`'${value}'`)
  })

  it('a header value undici refuses is a network error, told in one clean line', async () => {
    reply = { reason: 'OK', headers: [['X-Evil', 'a\x1b]0;pwned\x07b']] }
    const r = await corsica(['doctor', `${base}/`, '--origin', PAGE, '--no-probe'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.replace(/\n$/, '')).not.toMatch(CONTROL)
  })
})

/** Characters a hostile server would pick, and any other. */
const nasty = fc.constantFrom(
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\r' && c !== '\n'),
  '\x7f',
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
  '\u061c',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2028',
  '\u2029',
  '\ufeff',
)
const mixed = (chars: fc.Arbitrary<string>, maxLength: number) =>
  fc.array(fc.oneof(nasty, chars), { minLength: 1, maxLength }).map((a) => a.join(''))
/** A reason phrase: any characters but CR and LF, sent as UTF-8. */
const reasonArb = mixed(fc.string({ unit: 'binary', maxLength: 4 }), 24).map((s) => s.replace(/[\r\n]/g, ''))
/** A header value undici accepts: tab, 0x20-0x7e and 0x80-0xff, sent as Latin-1. */
const valueArb = mixed(fc.string({ unit: 'grapheme-ascii', maxLength: 4 }), 16).map((s) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the bytes undici refuses in a header value
  s.replace(/[\x00-\x08\x0a-\x1f\x7f]|[^\x00-\xff]/g, ''),
)

describe('escaping holds for any reason phrase and header value (fast-check)', () => {
  it('the text report carries no control character the server sent; the JSON is exact', async () => {
    await fc.assert(
      fc.asyncProperty(reasonArb, valueArb, async (reason, value) => {
        reply = {
          reason,
          headers: [
            ['Access-Control-Allow-Origin', `http://x${value}`],
            ['Vary', value],
          ],
        }
        const d = await diagnose({ url: `${base}/`, origin: PAGE, probe: false, timeoutMs: 5000 })
        const ex = d.actualExchange!
        for (const color of [false, true]) {
          const text = toText(d, color).replace(SGR, '').replace(/\n/g, '')
          expect(text).not.toMatch(CONTROL)
          expect(text).toContain(escapeControls(`${ex.status} ${ex.statusText}`.trim()))
        }
        const json = safeJson(toJson(d))
        expect(json.replace(/\n/g, '')).not.toMatch(CONTROL)
        expect(JSON.parse(json)).toEqual(toJson(d))
        const acao = ex.headers.get('access-control-allow-origin')!
        expect(toJson(d).problems[0]!.message).toContain(acao)
      }),
      { numRuns: 40 },
    )
  })
})
