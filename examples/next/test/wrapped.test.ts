/**
 * Route handlers wrapped by `withCors` (app/wrapped/*), outside the proxy's matcher, so only
 * withCors handles CORS there. Run against both builds.
 */
import { describe, expect, inject, test } from 'vitest'
import { ACAC, ACAH, ACAM, ACAO, ACEH, ADMIN, APP, EVIL, preflight, send, vary } from './http'

const urls = inject('nextUrls')

for (const runtime of ['node', 'edge'] as const) {
  const url = `${urls[runtime]}/wrapped/messages`

  describe(`withCors route handlers (${runtime} build)`, () => {
    test('OPTIONS answers a preflight from an allowed origin', async () => {
      const answer = await send(url, preflight(APP, 'POST', 'content-type'))
      expect(answer.status).toBe(204)
      expect(answer.headers.get(ACAO)).toBe(APP)
      expect(answer.headers.get(ACAC)).toBe('true')
      expect(answer.headers.get(ACAM)).toBe('GET, POST, PUT, DELETE')
      expect(answer.headers.get(ACAH)).toBe('content-type, x-request-id')
      expect(vary(answer)).toEqual(expect.arrayContaining(['origin', 'access-control-request-method']))
      expect(answer.headers.get('x-request-id')).toBeNull() // no middleware on this path
    })

    test('OPTIONS refuses a preflight from a refused origin with 403 and no grant', async () => {
      const answer = await send(url, preflight(EVIL, 'POST'))
      expect(answer.status).toBe(403)
      for (const name of [ACAO, ACAC, ACAM, ACAH]) expect(answer.headers.get(name)).toBeNull()
    })

    test('a non-preflight OPTIONS gets what Next answers without an OPTIONS export: 204 and Allow', async () => {
      const answer = await send(url, { method: 'OPTIONS' })
      expect(answer.status).toBe(204)
      expect(answer.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST')
      expect(answer.headers.get(ACAO)).toBeNull()
    })

    test('GET runs the handler with its route context and adds the CORS headers', async () => {
      const answer = await send(url, { headers: { origin: ADMIN } })
      expect(answer.status).toBe(200)
      expect(JSON.parse(answer.body)).toEqual([{ id: 1, text: 'hello' }])
      expect(answer.headers.get('x-request-id')).toBe('wrapped')
      expect(answer.headers.get(ACAO)).toBe(ADMIN)
      expect(answer.headers.get(ACAC)).toBe('true')
      expect(answer.headers.get(ACEH)).toBe('x-request-id')
      expect(vary(answer)).toContain('origin')
    })

    test('HEAD (Next runs GET for it) carries the CORS headers', async () => {
      const answer = await send(url, { method: 'HEAD', headers: { origin: APP } })
      expect(answer.status).toBe(200)
      expect(answer.body).toBe('')
      expect(answer.headers.get(ACAO)).toBe(APP)
    })

    test('POST from an allowed origin', async () => {
      const answer = await send(url, {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hi' }),
      })
      expect(answer.status).toBe(201)
      expect(JSON.parse(answer.body)).toEqual({ id: 2, text: 'hi' })
      expect(answer.headers.get(ACAO)).toBe(APP)
    })

    test('GET from a refused origin: the handler answers, nothing is granted', async () => {
      const answer = await send(url, { headers: { origin: EVIL } })
      expect(answer.status).toBe(200)
      for (const name of [ACAO, ACAC, ACEH]) expect(answer.headers.get(name)).toBeNull()
      expect(vary(answer)).toContain('origin')
    })

    // wrap() answers it (the default onError): Next never sees the exception. With onError: false
    // it would reach Next, whose 500 is built after withCors gave up, without the CORS headers.
    test("a wrapped handler's exception: a 500 with the CORS headers, so the console does not blame CORS", async () => {
      const answer = await send(`${urls[runtime]}/wrapped/boom`, { headers: { origin: APP } })
      expect(answer.status).toBe(500)
      expect(answer.headers.get(ACAO)).toBe(APP)
    })
  })
}
