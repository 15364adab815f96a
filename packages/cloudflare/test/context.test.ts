/**
 * Options from env (good and bad), the origin function's `(origin, request, env, ctx)`,
 * class-based entrypoints and preflightContinue, each in a worker of its own that workerd
 * dispatches to through a service binding.
 */
import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { checkOutcome, continueCases, handlers, toRequest } from '@corsica/testkit'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { CorsConfigError, withCors } from '../src/index.ts'

const APP = 'https://app.test'
const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'PUT' },
})

describe('options from env', () => {
  const worker = env.ENV_WORKER
  const seen = async () => (await worker.fetch('https://api.test/seen')).json<Record<string, unknown>>()

  it('are computed once: workerd passes the same env object to every request', async () => {
    for (const origin of [APP, 'https://admin.app.test', 'https://evil.test']) {
      await worker.fetch('https://api.test/x', preflight(origin))
      await worker.fetch('https://api.test/x', { headers: { origin } })
    }
    const s = await seen()
    expect(s.envs).toBe(1)
    expect(s.optionCalls).toBe(1)
  })

  it('grant what env lists, to preflights and actual requests, with credentials', async () => {
    const answer = await worker.fetch('https://api.test/x', preflight('https://admin.app.test'))
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://admin.app.test')
    const res = await worker.fetch('https://api.test/x', { headers: { origin: APP } })
    expect(await res.text()).toBe('ok')
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    const refused = await worker.fetch('https://api.test/x', { headers: { origin: 'https://evil.test' } })
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('give the origin function (origin, request, env, ctx) as the handler gets them', async () => {
    await worker.fetch('https://api.test/x', { headers: { origin: APP } })
    expect(await seen()).toMatchObject({ originSawEnv: true, originSawCtx: true })
  })
})

describe('bad options from env', () => {
  it('answer every request 500 with no grant, preflights included, without running the handler', async () => {
    for (const init of [preflight(APP), { headers: { origin: APP } }, {}]) {
      const res = await env.BAD_ENV_WORKER.fetch('https://api.test/x', init)
      expect(res.status).toBe(500)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(res.headers.get('x-handler')).toBeNull()
      expect(await res.text()).toBe('CORS configuration error: see the server log.')
    }
  })

  it('log the CorsConfigError once per env object, not once per request', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const fetch = withCors(
        (e: { ORIGIN: string }) => ({ origin: e.ORIGIN, credentials: true }),
        (_request: Request, _env: { ORIGIN: string }, _ctx: ExecutionContext) => new Response('ok'),
      )
      const badEnv = { ORIGIN: '*' }
      for (let i = 0; i < 3; i++) {
        expect((await fetch(new Request('https://api.test/'), badEnv, createExecutionContext())).status).toBe(
          500,
        )
      }
      expect(error).toHaveBeenCalledTimes(1)
      expect(error.mock.calls[0]![1]).toBeInstanceOf(CorsConfigError)
      // Another env object, with a good value: compiled for itself.
      const res = await fetch(
        new Request('https://api.test/', { headers: { origin: APP } }),
        { ORIGIN: APP },
        createExecutionContext(),
      )
      expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    } finally {
      error.mockRestore()
    }
  })

  it('fixed options still throw at start-up', () => {
    expect(() => withCors({ origin: '*', credentials: true }, () => new Response('ok'))).toThrow(
      CorsConfigError,
    )
  })
})

describe('a class-based entrypoint (class extends WorkerEntrypoint)', () => {
  const worker = env.CLASS_WORKER

  it('is dispatched by workerd, with this.env, and gets the CORS headers', async () => {
    const res = await worker.fetch('https://api.test/x', { headers: { origin: APP } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ greeting: 'hello from a class' })
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
  })

  it('with preflightContinue, answers the preflight itself and gets the grant on its answer', async () => {
    const res = await worker.fetch('https://api.test/x', preflight(APP))
    expect(res.status).toBe(204)
    expect(res.headers.get('x-seen-by')).toBe('entrypoint')
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, PUT, PATCH, POST, DELETE')
    const refused = await worker.fetch('https://api.test/x', preflight('https://evil.test'))
    expect(refused.headers.get('x-seen-by')).toBe('entrypoint')
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('without a fetch method is refused at once, with the shape that works', () => {
    class NoFetch {
      constructor(
        public ctx: unknown,
        public env: unknown,
      ) {}
    }
    // @ts-expect-error: a class without fetch(request) is not an entrypoint withCors can wrap
    expect(() => withCors({ origin: [APP] }, NoFetch)).toThrow(
      /has no fetch method.*class extends WorkerEntrypoint/,
    )
  })

  it('types env from the class', () => {
    class Typed {
      constructor(
        public ctx: ExecutionContext,
        public env: { GREETING: string },
      ) {}
      fetch(_request: Request) {
        return new Response('ok')
      }
    }
    const origin = (_o: string, _r: Request, e: { GREETING: string }) => e.GREETING !== ''
    withCors({ origin }, Typed)
    // @ts-expect-error: the class's env has no ORIGINS
    withCors({ origin: (_o: string, _r: Request, e: { ORIGINS: string }) => e.ORIGINS !== '' }, Typed)
  })
})

describe('preflightContinue in workerd (module worker)', () => {
  it.each(continueCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const handler = handlers[c.handler ?? 'ok']
    const worker = withCors(c.options, {
      fetch: (req: Request, _env: Cloudflare.Env, _ctx: ExecutionContext) => handler(req),
    })
    const response = await worker.fetch(toRequest(c, 'https://api.test'), env, createExecutionContext())
    expect(checkOutcome(c, response)).toEqual([])
  })
})

describe('types', () => {
  it("type the origin function's env as the handler's Env", () => {
    interface MyEnv {
      ORIGINS: string
    }
    withCors(
      {
        origin: (_origin, _request, e, _ctx) => {
          expectTypeOf(e).toEqualTypeOf<MyEnv>()
          return true
        },
      },
      { fetch: (_request: Request, _env: MyEnv, _ctx: ExecutionContext) => new Response('ok') },
    )
    withCors(
      (e: MyEnv) => ({ origin: e.ORIGINS.split(' ') }),
      (_request: Request, _env: MyEnv) => new Response('ok'),
    )
  })
})
