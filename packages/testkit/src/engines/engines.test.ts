/**
 * The launcher in each engine: it opens a page on a `*.localhost` origin, runs script there, makes
 * a same-origin and a cross-origin fetch(), reads the console where the engine allows, and
 * leaves no process behind.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONSOLE, launch, type Session, selectedEngines } from './index.ts'

let server: Server
let port: number

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/granted') res.setHeader('access-control-allow-origin', req.headers.origin ?? '*')
    res.setHeader('content-type', 'text/html')
    res.end('<!doctype html><title>page</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('selectedEngines', () => {
  it('reads CORSICA_ENGINE: empty means all three, a list means those, a typo throws', () => {
    expect(selectedEngines('')).toEqual(['chromium', 'firefox', 'webkit'])
    expect(selectedEngines('webkit, Firefox')).toEqual(['firefox', 'webkit'])
    expect(() => selectedEngines('safari')).toThrow(/unknown engine safari/)
  })
})

for (const engine of selectedEngines()) {
  describe(`[${engine}] launch()`, () => {
    let session: Session
    beforeAll(async () => {
      session = await launch(engine)
      await session.open(`http://app.localhost:${port}/`)
    })
    afterAll(() => session?.close())

    it(`[${engine}] opens a page on app.localhost and runs script in it`, async () => {
      expect(await session.origin()).toBe(`http://app.localhost:${port}`)
      expect(await session.evaluate((n) => Promise.resolve(n + 1), 41)).toBe(42)
    })

    it(`[${engine}] loads localhost, a.b.app.localhost and 127.0.0.1 with no configuration`, async () => {
      for (const host of ['localhost', 'a.b.app.localhost', '127.0.0.1']) {
        await session.open(`http://${host}:${port}/`)
        expect(await session.origin()).toBe(`http://${host}:${port}`)
      }
      await session.open(`http://app.localhost:${port}/`)
    })

    it(`[${engine}] a cross-origin fetch is allowed when granted, blocked when not`, async () => {
      const granted = await session.fetch(`http://127.0.0.1:${port}/granted`)
      expect(granted).toMatchObject({ allowed: true, status: 200 })
      expect(granted.readable).toContain('content-type')
      const blocked = await session.fetch(`http://a.b.app.localhost:${port}/refused`)
      expect(blocked.allowed).toBe(false)
      expect(blocked.error).toMatch(/TypeError/)
      if (CONSOLE[engine] === 'browser') expect(blocked.console.join('\n')).toMatch(/CORS/)
      else expect(blocked.console).toEqual([])
    })

    it(`[${engine}] reads script's console.log where the engine allows`, async () => {
      await session.evaluate(() => console.log('hello from the page'), null)
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(session.consoleLines().includes('hello from the page')).toBe(CONSOLE[engine] !== 'none')
    })

    it(`[${engine}] takes a screenshot`, async () => {
      const png = await session.screenshot()
      expect(png.subarray(1, 4).toString()).toBe('PNG')
    })
  })
}
