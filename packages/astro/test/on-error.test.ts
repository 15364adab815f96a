/**
 * onError in Astro, against the built test app: the middleware answers what an endpoint throws
 * (Astro 5.18 would answer a bare 500 no middleware sees), the way `wrap` does.
 */
import { send } from '@corsica/testkit/http'
import { expect, inject, test } from 'vitest'

const url = inject('astroUrl')
const APP = 'https://app.example.com'
const ACAO = 'access-control-allow-origin'
const throwing = (onError?: 'shape' | 'rethrow') =>
  send(`${url}/api/throws`, { headers: { origin: APP, ...(onError ? { 'x-on-error': onError } : {}) } })

test("onError's Response answers a thrown error, with the CORS headers", async () => {
  const answer = await throwing('shape')
  expect(answer.status).toBe(503)
  expect(JSON.parse(answer.body)).toEqual({ error: 'the endpoint failed' })
  expect(answer.headers.get(ACAO)).toBe(APP)
})

test("onError: false rethrows: Astro's own bare 500, which no middleware sees, without them", async () => {
  const answer = await throwing('rethrow')
  expect(answer.status).toBe(500)
  expect(answer.headers.get(ACAO)).toBeNull()
})

test('left out: a 500 with them, as before', async () => {
  const answer = await throwing()
  expect(answer.status).toBe(500)
  expect(answer.headers.get(ACAO)).toBe(APP)
})
