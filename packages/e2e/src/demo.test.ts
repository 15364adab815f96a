/**
 * The demo page in each real browser engine: every card's verdict is the one its policy intends,
 * the preflights are where the Fetch standard puts them, and a screenshot is kept for a person.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { type Demo, startDemo } from '@corsica/demo'
import { launch, type Session, selectedEngines } from '@corsica/testkit/engines'
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

type Card = { verdict?: string; preflight?: string; counter?: string; text: string }

/** Runs in the page: waits for the button, presses it, waits until every card has its answer. */
async function runAll(timeoutMs: number): Promise<Record<string, Card>> {
  const until = async (ready: () => boolean) => {
    const deadline = Date.now() + timeoutMs
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`the demo page did not finish within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const button = () => document.querySelector<HTMLButtonElement>('#run-all:not([disabled])')
  await until(() => button() !== null)
  button()!.click()
  await until(() => document.body.dataset['ran'] === 'all')
  const cards: Record<string, Card> = {}
  for (const card of document.querySelectorAll<HTMLElement>('article.card')) {
    cards[card.id] = {
      verdict: card.dataset['verdict'],
      preflight: card.dataset['preflight'],
      counter: card.dataset['counter'],
      text: card.textContent ?? '',
    }
  }
  return cards
}

describe.each(selectedEngines())('[%s] pnpm demo', (engine) => {
  let demo: Demo
  let browser: Session
  let cards: Record<string, Card> = {}

  beforeAll(async () => {
    demo = await startDemo({ appPort: 0, otherPort: 0, apiPort: 0 })
    browser = await launch(engine)
    await browser.open(`${demo.urls.app}/`)
    cards = await browser.evaluate(runAll, 30_000)
    await mkdir(RESULTS, { recursive: true })
    await writeFile(`${RESULTS}demo-${engine}.png`, await browser.screenshot())
  })

  afterAll(async () => {
    await browser?.close()
    await demo?.stop()
  })

  it(`[${engine}] shows every card the page offers`, () => {
    expect(Object.keys(cards).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`[${engine}] ${id}: ${expected.verdict}, preflight ${expected.preflight}`, () => {
      expect(cards[id]).toMatchObject(expected)
      expect(cards[id]!.text).not.toContain('the browser disagrees')
    })
  }

  it(`[${engine}] shows the server reason and the one-line fix for each blocked request`, () => {
    expect(cards['unlisted-origin']!.text).toMatch(/origin-not-allowed[\s\S]*Fix:/)
    expect(cards['delete-not-allowed']!.text).toMatch(/method-not-allowed[\s\S]*Fix: .*DELETE/)
    expect(cards['header-not-allowed']!.text).toMatch(/header-not-allowed[\s\S]*Fix: .*x-debug/)
  })

  it(`[${engine}] a cross-site POST: blocked by the browser but run by the server without csrf; refused before the handler with csrf: true`, () => {
    const without = cards['write-without-csrf']!
    expect(without.counter, without.text).toBe('moved')
    expect(without.text).toMatch(/0 → 1: the handler ran/)
    expect(without.text).toMatch(/handler ran\s*yes/)
    expect(without.text).toContain('ran the handler; the browser hides the answer, but not the write')
    const withCsrf = cards['write-with-csrf']!
    expect(withCsrf.counter, withCsrf.text).toBe('still')
    expect(withCsrf.text).toMatch(/1 → 1: the handler never ran/)
    expect(withCsrf.text).toMatch(/→ 403[\s\S]*handler ran\s*no/)
    expect(withCsrf.text).toMatch(/cross-origin-write[\s\S]*Fix: if you trust it, add 'http:\/\/evil\./)
  })

  it(`[${engine}] never runs the handler for a refused preflight`, () => {
    expect(cards['delete-not-allowed']!.text).not.toContain('handler ran')
  })

  if (engine !== 'webkit') {
    it(`[${engine}] sends the cookie on the credentialed request, and script reads the answer`, () => {
      expect(cards['credentialed']!.text).toContain('"signedIn":true')
      expect(cards['credentialed']!.text).toMatch(/cookie\s*\(sent\)/)
    })
  } else {
    // Not CORS: the MiniBrowser's default cookie policy (no-third-party) drops the cookie the
    // login's answer sets from api.demo.localhost on a page of app.demo.localhost; with
    // --cookies-policy=always the cookie travels. CORS still lets script read both answers.
    it('[webkit] keeps no cookie a cross-origin answer sets (cookie policy), and script reads the answer', () => {
      expect(cards['credentialed']!.text).toContain('"signedIn":false')
      expect(cards['credentialed']!.text).not.toMatch(/cookie\s*\(sent\)/)
    })
  }
})
