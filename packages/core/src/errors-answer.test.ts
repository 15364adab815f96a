/**
 * Issue 23: a handler that throws must not look like a CORS error. Its answer is a 500 with the
 * CORS headers the request would have had, so the page reads the status and the console does
 * not say "No 'Access-Control-Allow-Origin' header is present".
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCors } from './index.ts'

const APP = 'https://app.test'
const get = () => new Request('http://api.test/', { headers: { origin: APP } })

afterEach(() => vi.restoreAllMocks())

describe('a throwing handler', () => {
  const policy = createCors({ origin: [APP], credentials: true, exposedHeaders: ['x-request-id'] })
  const throwers: [string, () => Response | Promise<Response>][] = [
    [
      'a sync handler that throws',
      () => {
        throw new Error('sync boom')
      },
    ],
    [
      'an async handler that rejects',
      async () => {
        throw new Error('async boom')
      },
    ],
    [
      'a thrown non-Error',
      () => {
        throw { not: 'an error' }
      },
    ],
    ['a rejected promise of undefined', () => Promise.reject(undefined)],
  ]

  it.each(throwers)(
    '%s: a 500 with the CORS headers, the error logged once with its stack',
    async (_, handler) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const response = await policy.wrap(handler)(get())
      expect(response.status).toBe(500)
      expect(response.headers.get('access-control-allow-origin')).toBe(APP)
      expect(response.headers.get('access-control-allow-credentials')).toBe('true')
      expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id')
      expect(response.headers.get('vary')).toBe('Origin')
      expect(await response.text()).toBe('Internal Server Error')
      expect(error).toHaveBeenCalledTimes(1)
      const [line, thrown] = error.mock.calls[0]!
      expect(String(line)).toContain('[corsica] the handler threw')
      if (thrown instanceof Error) expect(thrown.stack).toContain('boom')
    },
  )

  it('grants a refused origin nothing on the 500 either', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const response = await policy.wrap(() => {
      throw new Error('boom')
    })(new Request('http://api.test/', { headers: { origin: 'https://evil.test' } }))
    expect(response.status).toBe(500)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('onError shapes the answer, and the CORS headers are added to it', async () => {
    const onError = vi.fn((error: unknown) =>
      Response.json({ error: (error as Error).message }, { status: 503, headers: { 'retry-after': '5' } }),
    )
    const shaped = createCors({ origin: [APP], onError })
    const request = get()
    const response = await shaped.wrap(async () => {
      throw new Error('db down')
    })(request)
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ error: 'db down' })
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(onError).toHaveBeenCalledWith(expect.any(Error), request)
  })

  it('with an async origin function too', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await createCors({ origin: async (o) => o === APP }).wrap(() => {
      throw new Error('boom')
    })(get())
    expect(response.status).toBe(500)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
  })

  it('after streaming started, the headers are already out: the body errors, the status stays', async () => {
    // Once the handler returned its Response, its status and headers (with CORS) are the answer;
    // an error inside the body stream can only cut the body short. Nothing can turn it into a 500.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('partial'))
        controller.error(new Error('stream boom'))
      },
    })
    const response = await policy.wrap(() => new Response(body))(get())
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe(APP)
    await expect(response.text()).rejects.toThrow('stream boom')
  })
})
