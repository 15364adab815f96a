/** `@corsica/hono/lite`: the shared table through Hono apps inside workerd. */
import { LITE_REFUSAL, liteCases, liteRefusedCases } from '@corsica/testkit'
import { describe, expect, it } from 'vitest'
import { cors } from '../../src/lite.ts'
import { runInProcess } from '../table.ts'

describe('cors() of @corsica/hono/lite in a Hono app (app.request, workerd)', () => {
  it.each(liteCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await runInProcess(c, cors)).toEqual([])
  })

  it.each(liteRefusedCases.map((c) => [c.name, c] as const))('refuses at start-up: %s', (_, c) => {
    expect(() => cors(c.options)).toThrow(LITE_REFUSAL)
  })
})
