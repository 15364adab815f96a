/**
 * Issue 19, item 7: the demo's journal grew about 0.7 KB per request (`/_journal?rid=<unique>`
 * from an unlisted origin: each refusal was kept waiting for a response the journal never
 * records), and any open page can send such simple GETs. Its size is now bounded.
 */
import { describe, expect, it } from 'vitest'
import { createApi } from './api'
import { createJournal, MAX_KEPT_STRING } from './journal'

const APP = 'http://localhost:5173'
const API = 'http://localhost:5174'
const STRANGER = 'https://evil.example'

describe('the demo journal stays bounded (issue 19, item 7)', () => {
  it('/_journal?rid=<unique> from an unlisted origin, 5,000 times: nothing kept beyond the bound', async () => {
    const { handler, journal } = createApi(APP)
    const warn = console.warn
    console.warn = () => {} // the demo logs each refusal
    try {
      for (let i = 0; i < 5_000; i++) {
        await handler(new Request(`${API}/_journal?rid=r${i}`, { headers: { origin: STRANGER } }))
      }
    } finally {
      console.warn = warn
    }
    const size = journal.size()
    expect(size.pending).toBeLessThanOrEqual(1000)
    expect(size.exchanges).toBeLessThanOrEqual(1000)
  })

  it('API requests with unique ids, and one id sent over and over: at most `limit` exchanges', async () => {
    const { handler, journal } = createApi(APP)
    const warn = console.warn
    console.warn = () => {}
    try {
      for (let i = 0; i < 3_000; i++) {
        const rid = i % 2 === 0 ? `u${i}` : 'same'
        const origin = i % 3 === 0 ? STRANGER : APP
        await handler(new Request(`${API}/api/items?rid=${rid}`, { headers: { origin } }))
      }
    } finally {
      console.warn = warn
    }
    const size = journal.size()
    expect(size.exchanges).toBe(1000)
    expect(size.pending).toBe(0)
    expect(journal.get('same').length).toBeLessThanOrEqual(1000)
    // The latest are kept: the last unique id is there.
    expect(journal.get('u2998')).toHaveLength(1)
  })

  it('clips long URLs, ids and header values', () => {
    const journal = createJournal(10)
    const long = 'x'.repeat(50_000)
    const request = new Request(`${API}/api/items?rid=${long}&q=${long}`, {
      headers: { origin: APP, 'access-control-request-headers': long },
    })
    journal.record(request, new Response(null, { headers: { 'access-control-allow-headers': long } }))
    const [e] = journal.get(`${long.slice(0, MAX_KEPT_STRING - 1)}…`)
    expect(e).toBeDefined()
    expect(e!.url.length).toBeLessThanOrEqual(MAX_KEPT_STRING)
    expect(e!.requestHeaders['access-control-request-headers']!.length).toBeLessThanOrEqual(MAX_KEPT_STRING)
    expect(e!.responseHeaders['access-control-allow-headers']!.length).toBeLessThanOrEqual(MAX_KEPT_STRING)
    expect(JSON.stringify(journal.get(`${long.slice(0, MAX_KEPT_STRING - 1)}…`)).length).toBeLessThan(
      10 * MAX_KEPT_STRING,
    )
  })

  it('still keeps what a page needs: the preflight and the request under one id', async () => {
    const { handler, journal } = createApi(APP)
    await handler(
      new Request(`${API}/api/items/1?rid=card`, {
        method: 'OPTIONS',
        headers: {
          origin: APP,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'x-client-version',
        },
      }),
    )
    await handler(
      new Request(`${API}/api/items/1?rid=card`, {
        method: 'PUT',
        headers: { origin: APP, 'x-client-version': '2.4.0' },
      }),
    )
    expect(journal.get('card').map((e) => e.kind)).toEqual(['preflight', 'actual'])
  })
})
