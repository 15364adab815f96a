/**
 * The demo page in real Chromium, through playwright (console events, viewports): every card's verdict is the one its policy intends, the
 * preflights are where the Fetch standard puts them, each blocked card shows the very line
 * Chromium printed, and the page fits a phone and a desktop screen (screenshots are kept for a
 * person in test-results/).
 */
import { mkdir } from 'node:fs/promises'
import { type Demo, startDemo } from '@corsica/demo'
import { type Chromium, startChromium } from '@corsica/testkit/engines'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const RESULTS = new URL('../test-results/', import.meta.url).pathname

// What the Fetch standard says of each card's request under the demo's policy.
const EXPECTED: Record<string, { verdict: 'allowed' | 'blocked'; preflight: 'sent' | 'not-sent' }> = {
  'simple-get': { verdict: 'allowed', preflight: 'not-sent' },
  'json-post': { verdict: 'allowed', preflight: 'sent' },
  'put-custom-header': { verdict: 'allowed', preflight: 'sent' },
  credentialed: { verdict: 'allowed', preflight: 'not-sent' },
  'unlisted-origin': { verdict: 'blocked', preflight: 'not-sent' },
  'delete-not-allowed': { verdict: 'blocked', preflight: 'sent' },
  'header-not-allowed': { verdict: 'blocked', preflight: 'sent' },
  // A form-like POST from the unlisted origin: no preflight; the browser hides the answer either way.
  'write-without-csrf': { verdict: 'blocked', preflight: 'not-sent' },
  'write-with-csrf': { verdict: 'blocked', preflight: 'not-sent' },
}

interface Card {
  verdict?: string
  preflight?: string
  text: string
  browserLine: string
  serverLine: string
}

/** Layout problems at the current viewport: anything wider than the screen, or cut. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth > width)
      problems.push(`page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`)
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('[hidden]') || el.getClientRects().length === 0 || el.classList.contains('sr-only'))
        continue
      const box = el.getBoundingClientRect()
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`
      if (box.right > width + 0.5) problems.push(`${name} ends at ${Math.round(box.right)}px`)
      // Content scrolled or clipped inside its box (a pre that scrolls sideways, a cut word).
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        problems.push(`${name} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`)
    }
    return problems
  })
}

describe('the demo page in Chromium: console lines, server lines, layout, accessibility', () => {
  let demo: Demo
  let browser: Chromium
  let page: Page
  const cards: Record<string, Card> = {}
  /** Everything Chromium's console printed while the page ran. */
  const console: string[] = []
  const notFound: string[] = []

  beforeAll(async () => {
    demo = await startDemo({ appPort: 0, otherPort: 0, apiPort: 0 })
    browser = await startChromium()
    page = browser.page
    page.on('console', (m) => console.push(m.text()))
    page.on('response', (r) => {
      if (r.status() === 404) notFound.push(r.url())
    })
    await page.goto(`${demo.urls.app}/`)
    await page.click('#run-all:not([disabled])')
    await page.waitForSelector('body[data-ran="all"]', { timeout: 30_000 })
    await mkdir(RESULTS, { recursive: true })
    for (const card of await page.$$('article.card')) {
      const id = await card.getAttribute('id')
      cards[id!] = {
        verdict: (await card.getAttribute('data-verdict')) ?? undefined,
        preflight: (await card.getAttribute('data-preflight')) ?? undefined,
        text: (await card.textContent()) ?? '',
        browserLine: (await card.$eval('.browser-line', (e) => e.textContent)) ?? '',
        serverLine: (await card.$eval('.server-line', (e) => e.textContent)) ?? '',
      }
    }
  })

  afterAll(async () => {
    await browser?.close()
    await demo?.stop()
  })

  it('shows every card the page offers', () => {
    expect(Object.keys(cards).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`${id}: ${expected.verdict}, preflight ${expected.preflight}`, () => {
      expect(cards[id]).toMatchObject(expected)
      expect(cards[id]!.text).not.toContain('the browser disagrees')
    })
  }

  it('shows the server reason and the one-line fix for each blocked request', () => {
    expect(cards['unlisted-origin']!.text).toMatch(/origin-not-allowed[\s\S]*Fix: if you trust it/)
    expect(cards['delete-not-allowed']!.text).toMatch(/method-not-allowed[\s\S]*Fix: .*DELETE/)
    expect(cards['header-not-allowed']!.text).toMatch(/header-not-allowed[\s\S]*Fix: .*x-debug/)
  })

  it("shows, on each blocked card, the very line Chromium's console printed", () => {
    const printed = console.filter((line) => line.includes('has been blocked by CORS policy'))
    const blocked = Object.entries(EXPECTED).filter(([, e]) => e.verdict === 'blocked')
    expect(printed).toHaveLength(blocked.length)
    for (const [id] of blocked) expect(printed, id).toContain(cards[id]!.browserLine)
  })

  it('names the refused method and header in the console, not the origin that is listed', () => {
    expect(cards['delete-not-allowed']!.browserLine).toContain(
      'Method DELETE is not allowed by Access-Control-Allow-Methods in preflight response.',
    )
    expect(cards['header-not-allowed']!.browserLine).toContain(
      'Request header field x-debug is not allowed by Access-Control-Allow-Headers in preflight response.',
    )
    expect(cards['unlisted-origin']!.browserLine).toContain(
      "No 'Access-Control-Allow-Origin' header is present",
    )
  })

  it('shows the line the server logged next to it', () => {
    expect(cards['delete-not-allowed']!.serverLine).toBe(
      `[corsica] preflight from ${demo.urls.app} refused: method DELETE is not in methods. Fix: add 'DELETE' to methods`,
    )
    expect(cards['unlisted-origin']!.serverLine).toMatch(
      /^\[corsica\] request refused: origin http:\/\/evil\./,
    )
    expect(cards['simple-get']!.serverLine).toContain('nothing')
    expect(cards['write-without-csrf']!.serverLine).toMatch(
      /^\[corsica\] request refused: POST from http:\/\/evil\.\S+ ran the handler; the browser hides the answer, but not the write/,
    )
    expect(cards['write-with-csrf']!.serverLine).toMatch(
      /^\[corsica\] request refused: cross-origin POST from http:\/\/evil\.\S+ was refused with 403 before the handler ran \(csrf\)/,
    )
  })

  it('never runs the handler for a refused preflight', () => {
    expect(cards['delete-not-allowed']!.text).not.toContain('handler ran')
  })

  it('sends the cookie on the credentialed request, and script reads the answer', () => {
    expect(cards['credentialed']!.text).toContain('"signedIn":true')
    expect(cards['credentialed']!.text).toMatch(/cookie\s*\(sent\)/)
  })

  it('asks for no missing file (no /favicon.ico 404)', () => {
    expect(notFound).toEqual([])
  })

  it('gives every Run button its own accessible name, and announces results', async () => {
    const names = await page.$$eval('button.run', (buttons) =>
      buttons.map((b) => b.getAttribute('aria-label')),
    )
    expect(new Set(names).size).toBe(Object.keys(EXPECTED).length)
    expect(names.every((n) => n?.startsWith('Run: '))).toBe(true)
    const live = await page.$eval('[aria-live]', (e) => e.textContent)
    expect(live).toMatch(/: (allowed|blocked)\.$/)
  })

  for (const width of [390, 1280]) {
    it(`fits a ${width} px screen: nothing scrolls sideways or is cut (screenshot demo-${width}.png)`, async () => {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `${RESULTS}demo-${width}.png`, fullPage: true })
      expect(await layoutProblems(page)).toEqual([])
    })
  }

  it('lets each card be as tall as its content, not as its neighbour', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    const slack = await page.$$eval('article.card', (all) =>
      all.map((card) => {
        const last = card.lastElementChild!.getBoundingClientRect()
        return card.getBoundingClientRect().bottom - last.bottom
      }),
    )
    for (const s of slack) expect(s).toBeLessThan(30)
  })
})
