/** `@corsica/cloudflare/lite` inside workerd: the shared table through both shapes, and its refusal of subdomain patterns. */

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import {
  type Case,
  checkOutcome,
  handlers,
  LITE_REFUSAL,
  liteCases,
  liteRefusedCases,
  toRequest,
} from '@corsica/testkit'
import { describe, expect, it } from 'vitest'
import { withCors } from '../src/lite.ts'

type Env = Cloudflare.Env

async function run(c: Case, shape: 'module worker' | 'fetch function') {
  const handler = handlers[c.handler ?? 'ok']
  const ctx = createExecutionContext()
  const request = toRequest(c, 'https://api.test')
  const fetch = (req: Request, _env: Env, _ctx: ExecutionContext) => handler(req)
  const response =
    shape === 'module worker'
      ? await withCors(c.options, { fetch }).fetch(request, env, ctx)
      : await withCors(c.options, fetch)(request, env, ctx)
  await waitOnExecutionContext(ctx)
  return checkOutcome(c, response)
}

describe('withCors of @corsica/cloudflare/lite in workerd: the shared table', () => {
  describe.each(['module worker', 'fetch function'] as const)('%s', (shape) => {
    it.each(liteCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      expect(await run(c, shape)).toEqual([])
    })
  })

  it.each(liteRefusedCases.map((c) => [c.name, c] as const))('refuses at start-up: %s', (_, c) => {
    expect(() => withCors(c.options, { fetch: () => new Response('ok') })).toThrow(LITE_REFUSAL)
  })
})
