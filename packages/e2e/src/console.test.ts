/**
 * The troubleshooting guide (docs/troubleshooting.md), proven: each refusal class is made from
 * a real page origin against a Corsica server (or, for the mistakes of other servers, a server
 * that makes them) in real browsers, and the lines each console printed are the ones the
 * guide quotes for it, no more, no fewer. No refusal of an allowed origin may make a browser
 * blame the origin.
 *
 * Chromium through playwright's `console` events; Firefox ESR through puppeteer-core over
 * WebDriver BiDi (`log.entryAdded`); WebKitGTK's MiniBrowser with its console on stdout (its
 * WebDriver has no console and no BiDi). Firefox and WebKit run where they are installed
 * (`apt-get install -y firefox-esr webkit2gtk-driver xvfb`), and say they were skipped otherwise.
 */
import type { CorsRefusal } from '@corsica/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureChromium } from './console/chromium'
import type { RefusalClass } from './console/classes'
import { captureFirefox, hasFirefox } from './console/firefox'
import { type Captured, type ConsoleServers, startConsoleServers } from './console/servers'
import { type Engine, generic, guideLines } from './console/table'
import { captureWebKit, hasWebKit } from './console/webkit'

/** The lines of an engine's console that are about CORS. */
const CORS_LINE: Record<Engine, (line: string) => boolean> = {
  Chromium: (l) => l.includes('has been blocked by CORS policy'),
  Firefox: (l) => l.startsWith('Cross-Origin Request Blocked'),
  WebKit: () => true,
}

/** How each console blames a missing or refused origin. */
const BLAMES_ORIGIN: Record<Engine, RegExp> = {
  Chromium: /No 'Access-Control-Allow-Origin' header is present/,
  Firefox: /CORS header ‘Access-Control-Allow-Origin’ missing/,
  WebKit: /is not allowed by Access-Control-Allow-Origin/,
}

const guide = guideLines()

function checkEngine(engine: Engine, capture: (s: ConsoleServers) => Promise<Captured[]>) {
  let servers: ConsoleServers
  let captured: Captured[]
  let refusals: CorsRefusal[][]
  beforeAll(async () => {
    servers = await startConsoleServers()
    captured = await capture(servers)
    refusals = servers.refusals
  })
  afterAll(() => servers?.close())

  it('covers every refusal class the guide lists, and only those', () => {
    const classes = [...guide.keys()].filter((id) => id !== 'opaque')
    expect(classes.sort()).toEqual(captured.map((c) => c.cls.id).sort())
  })

  it('prints, for each class, exactly the lines the guide quotes', () => {
    for (const c of captured) {
      const lines = c.lines.filter(CORS_LINE[engine]).map((l) => generic(l, c.url, c.origin))
      const quoted = guide.get(c.cls.id)?.get(engine)
      expect(quoted, `${c.cls.id}: the guide has a ${engine} row`).toBeDefined()
      expect(lines.sort(), c.cls.id).toEqual([...quoted!].sort())
      // A class the guide quotes no line for is one the engine allows.
      expect(c.blocked, `${c.cls.id} blocked`).toBe(quoted!.length > 0)
    }
  })

  it('never blames the origin when Corsica refuses an allowed origin', () => {
    for (const c of captured.filter((c) => c.cls.options && c.cls.originAllowed)) {
      for (const line of c.lines) expect(line, c.cls.id).not.toMatch(BLAMES_ORIGIN[engine])
    }
  })

  if (engine === 'Chromium') {
    it("gets the server's onRefuse for each class Corsica refuses, with its code", () => {
      for (const [i, c] of captured.entries()) {
        expect(refusals[i]!.map((r) => r.code)[0], c.cls.id).toBe(c.cls.code)
      }
    })
  }
}

describe('Chromium: the console lines of the troubleshooting guide', () =>
  checkEngine('Chromium', captureChromium))

describe.skipIf(!hasFirefox)('Firefox ESR: the console lines of the troubleshooting guide', () =>
  checkEngine('Firefox', captureFirefox),
)

describe.skipIf(!hasWebKit)('WebKitGTK: the console lines of the troubleshooting guide', () =>
  checkEngine('WebKit', captureWebKit),
)

describe("preflightRefusals: 'opaque' in Chromium", () => {
  let servers: ConsoleServers
  let captured: Captured[]
  beforeAll(async () => {
    // The preflights Corsica refuses from the listed origin: the ones 'opaque' changes.
    const refusedPreflight = (c: RefusalClass) =>
      c.from === 'app' && c.code !== undefined && c.code !== 'origin-not-allowed'
    servers = await startConsoleServers({ preflightRefusals: 'opaque' }, refusedPreflight)
    captured = await captureChromium(servers)
  })
  afterAll(() => servers?.close())

  it('makes the browser blame the origin for every refused preflight, as the guide says', () => {
    const opaque = guide.get('opaque')?.get('Chromium')
    expect(opaque).toHaveLength(1)
    expect(captured.map((c) => c.cls.id)).toEqual([
      'method-not-listed',
      'method-lower-case',
      'header-not-listed',
      'json-content-type',
    ])
    for (const c of captured) {
      const lines = c.lines.filter(CORS_LINE.Chromium).map((l) => generic(l, c.url, c.origin))
      expect(lines, c.cls.id).toEqual(opaque)
    }
  })
})
