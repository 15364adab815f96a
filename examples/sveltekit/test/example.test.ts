/**
 * The example as its README runs it (`vite build`, `node build`): CORS from the hook, and the
 * recommended CSRF setup, SvelteKit's check off (`csrf.trustedOrigins: ['*']`) and Corsica's
 * `csrf: true` on, so one list decides who may read and who may write.
 */

import { send } from '@corsica/testkit/http'
import { describe, expect, inject, test } from 'vitest'

const url = inject('exampleUrl')
const APP = 'https://app.example.com'
const PREVIEW = 'https://pr-7.preview.example.com'
const EVIL = 'https://evil.example.net'
const ACAO = 'access-control-allow-origin'
const form = (origin: string | null, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: {
    ...(origin === null ? {} : { origin }),
    'content-type': 'application/x-www-form-urlencoded',
    ...extra,
  },
  body: 'text=hi',
})

test('a preflight to an endpoint with no OPTIONS export is answered by the hook', async () => {
  const answer = await send(`${url}/api/notes`, {
    method: 'OPTIONS',
    headers: {
      origin: APP,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-request-id',
    },
  })
  expect(answer.status).toBe(204)
  expect(answer.headers.get(ACAO)).toBe(APP)
  expect(answer.headers.get('access-control-allow-headers')).toBe('content-type, x-request-id')
  expect(answer.headers.get('access-control-max-age')).toBe('600')
})

test("a GET gets the CORS headers and the later hook's x-request-id, exposed", async () => {
  const answer = await send(`${url}/api/notes`, { headers: { origin: PREVIEW, 'x-request-id': 'r1' } })
  expect(answer.status).toBe(200)
  expect(answer.headers.get(ACAO)).toBe(PREVIEW)
  expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
  expect(answer.headers.get('x-request-id')).toBe('r1')
  expect(answer.headers.get('access-control-expose-headers')).toBe('x-request-id')
})

test("an endpoint that throws: SvelteKit's 500 keeps the CORS headers", async () => {
  const answer = await send(`${url}/api/boom`, { headers: { origin: APP } })
  expect(answer.status).toBe(500)
  expect(answer.headers.get(ACAO)).toBe(APP)
})

test('a 404 keeps the CORS headers', async () => {
  const answer = await send(`${url}/api/nowhere`, { headers: { origin: APP } })
  expect(answer.status).toBe(404)
  expect(answer.headers.get(ACAO)).toBe(APP)
})

describe('cross-origin writes: Corsica decides, with the CORS list', () => {
  test('a form POST from a listed origin reaches the endpoint (SvelteKit alone would answer 403)', async () => {
    const answer = await send(`${url}/api/notes`, form(APP))
    expect(answer.status).toBe(201)
    expect(answer.headers.get(ACAO)).toBe(APP)
  })

  test('a form POST from an origin matching a pattern reaches it too (SvelteKit trusts exact origins only)', async () => {
    const answer = await send(`${url}/api/notes`, form(PREVIEW))
    expect(answer.status).toBe(201)
    expect(answer.headers.get(ACAO)).toBe(PREVIEW)
  })

  test('a form POST from any other origin is refused 403 before the endpoint runs', async () => {
    const answer = await send(`${url}/api/notes`, form(EVIL, { 'sec-fetch-site': 'cross-site' }))
    expect(answer.status).toBe(403)
    expect(answer.headers.get(ACAO)).toBeNull()
  })

  test('a JSON POST from another origin is refused as well (SvelteKit checks form content types only)', async () => {
    const answer = await send(`${url}/api/notes`, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/json' },
      body: '{"text":"x"}',
    })
    expect(answer.status).toBe(403)
  })

  test("the app's own page posting its form passes", async () => {
    const answer = await send(`${url}/api/notes`, form(url, { 'sec-fetch-site': 'same-origin' }))
    expect(answer.status).toBe(201)
  })

  test('a client that is no browser (no Origin, no Sec-Fetch-Site) passes', async () => {
    const answer = await send(`${url}/api/notes`, form(null))
    expect(answer.status).toBe(201)
  })
})
