/** The shared table through Hono apps inside workerd, the runtime Cloudflare deploys to. */
import { describe, expect, it } from 'vitest'
import { cases, runInProcess } from '../table.ts'

describe('cors() in a Hono app (app.request, workerd)', () => {
  it('runs in workerd', () => {
    expect(navigator.userAgent).toBe('Cloudflare-Workers')
  })

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await runInProcess(c)).toEqual([])
  })
})
