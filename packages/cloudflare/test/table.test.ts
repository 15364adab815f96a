/** The shared table inside workerd, through both shapes of withCors: a module worker and a bare function. */

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import {
  type Case,
  cases,
  checkOutcome,
  handlers,
  type PerOriginCase,
  perOriginCases,
  toRequest,
} from '@corsica/testkit'
import { describe, expect, it } from 'vitest'
import { withCors } from '../src/index.ts'

type Env = Cloudflare.Env
const handlerOf = (c: Case | PerOriginCase) => handlers[c.handler ?? 'ok']

async function run(c: Case | PerOriginCase, shape: 'module worker' | 'fetch function') {
  const handler = handlerOf(c)
  const ctx = createExecutionContext()
  const request = toRequest(c, 'https://api.test')
  const response =
    shape === 'module worker'
      ? await withCors(c.options, {
          fetch: (req: Request, _env: Env, _ctx: ExecutionContext) => handler(req),
        }).fetch(request, env, ctx)
      : await withCors(c.options, (req: Request, _env: Env, _ctx: ExecutionContext) => handler(req))(
          request,
          env,
          ctx,
        )
  await waitOnExecutionContext(ctx)
  return checkOutcome(c, response)
}

describe('withCors in workerd: the shared table', () => {
  it('runs in workerd', () => {
    const { userAgent } = (globalThis as unknown as { navigator: { userAgent: string } }).navigator
    expect(userAgent).toBe('Cloudflare-Workers')
  })

  describe.each(['module worker', 'fetch function'] as const)('%s', (shape) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      expect(await run(c, shape)).toEqual([])
    })
  })
})

describe('withCors in workerd: the per-origin table (a list of options)', () => {
  describe.each(['module worker', 'fetch function'] as const)('%s', (shape) => {
    it.each(perOriginCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      expect(await run(c, shape)).toEqual([])
    })
  })
})

describe('withCors arguments', () => {
  it('hands the handler the very request, env and ctx it was called with', async () => {
    const ctx = createExecutionContext()
    const request = new Request('https://api.test/', { headers: { origin: 'https://app.test' } })
    const got: unknown[] = []
    const fetch = withCors({ origin: ['https://app.test'] }, (...args: unknown[]) => {
      got.push(...args)
      return new Response('ok')
    })
    const res = await fetch(request, env, ctx)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.test')
    expect(got).toHaveLength(3)
    expect(got[0]).toBe(request)
    expect(got[1]).toBe(env)
    expect(got[2]).toBe(ctx)
  })

  it('throws every configuration problem when withCors is called', () => {
    expect(() =>
      withCors({ origin: '*', credentials: true, maxAge: -1 }, { fetch: () => new Response() }),
    ).toThrow(/origin[\s\S]*maxAge|maxAge[\s\S]*origin/)
  })

  it('refuses a worker object without fetch, saying what to pass', () => {
    expect(() => withCors({ origin: '*' }, { scheduled() {} } as never)).toThrow(/fetch/)
  })
})
