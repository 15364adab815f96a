/**
 * The demo page in real Chromium: every card's verdict is the one its policy intends, the
 * preflights are where the Fetch standard puts them, and a screenshot is kept for a person.
 */
import { mkdir } from 'node:fs/promises'
import { type Demo, startDemo } from '@corsica/demo'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, launchChromium } from './browser'

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
}

describe('pnpm demo in Chromium', () => {
  let demo: Demo
  let browser: Browser
  const cards: Record<string, { verdict?: string; preflight?: string; text: string }> = {}

  beforeAll(async () => {
    demo = await startDemo({ appPort: 0, otherPort: 0, apiPort: 0 })
    browser = await launchChromium()
    const page = await browser.context.newPage()
    await page.goto(`${demo.urls.app}/`)
    await page.click('#run-all:not([disabled])')
    await page.waitForSelector('body[data-ran="all"]', { timeout: 30_000 })
    await mkdir(RESULTS, { recursive: true })
    await page.screenshot({ path: `${RESULTS}demo.png`, fullPage: true })
    for (const card of await page.$$('article.card')) {
      const id = await card.getAttribute('id')
      cards[id!] = {
        verdict: (await card.getAttribute('data-verdict')) ?? undefined,
        preflight: (await card.getAttribute('data-preflight')) ?? undefined,
        text: (await card.textContent()) ?? '',
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
    expect(cards['unlisted-origin']!.text).toMatch(/origin-not-allowed[\s\S]*Fix:/)
    expect(cards['delete-not-allowed']!.text).toMatch(/method-not-allowed[\s\S]*Fix: .*DELETE/)
    expect(cards['header-not-allowed']!.text).toMatch(/header-not-allowed[\s\S]*Fix: .*x-debug/)
  })

  it('never runs the handler for a refused preflight', () => {
    expect(cards['delete-not-allowed']!.text).not.toContain('handler ran')
  })

  it('sends the cookie on the credentialed request, and script reads the answer', () => {
    expect(cards['credentialed']!.text).toContain('"signedIn":true')
    expect(cards['credentialed']!.text).toMatch(/cookie\s*\(sent\)/)
  })
})
