/**
 * The two verdicts the matrix compares: what the browser let script see, and what the testkit's
 * browser model predicts from the very responses the API gave the browser (read from its journal).
 */
import type { Exchange } from '@corsica/demo/journal'
import {
  type BrowserCase,
  corsCheck,
  needsPreflight,
  preflightCheck,
  readableHeaders,
} from '@corsica/testkit'
import type { FetchOutcome, Session } from '@corsica/testkit/engines'

/** The model's verdict. */
export interface ModelVerdict {
  allowed: boolean
  preflight: boolean
  reason?: string
  readable?: string[]
}

/** Makes the case's fetch() in the page, as the page's own script would. */
export async function fetchInPage(browser: Session, url: string, c: BrowserCase): Promise<FetchOutcome> {
  const { method, headers, credentials, body } = c.page
  return browser.fetch(url, { method, headers, credentials, body })
}

function seen(exchange: Exchange) {
  return { status: exchange.status, headers: new Headers(exchange.responseHeaders) }
}

/** Plays the model over the exchanges the API recorded for one page request. */
export function modelVerdict(c: BrowserCase, exchanges: Exchange[]): ModelVerdict {
  const preflight = needsPreflight(c.page)
  if (preflight) {
    const answer = exchanges.find((e) => e.kind === 'preflight')
    if (!answer) return { allowed: false, preflight, reason: 'no preflight reached the API' }
    const failure = preflightCheck(seen(answer), c.page)
    if (failure !== null) return { allowed: false, preflight, reason: failure }
  }
  const actual = exchanges.find((e) => e.kind === 'actual')
  if (!actual) return { allowed: false, preflight, reason: 'the request never reached the API' }
  const failure = corsCheck(seen(actual), c.page)
  if (failure !== null) return { allowed: false, preflight, reason: failure }
  return {
    allowed: true,
    preflight,
    readable: readableHeaders(seen(actual), c.page, actual.responseHeaderNames).sort(),
  }
}
