/** The shared table through Hono apps on Node, in-process with `app.request`. */
import { perOriginCases } from '@corsica/testkit'
import { describe, expect, it, vi } from 'vitest'
import { cases, runInProcess } from '../test/table.ts'

describe('cors() in a Hono app (app.request, Node)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await runInProcess(c)).toEqual([])
  })
})

describe('cors([...]) in a Hono app: the per-origin table (a list of options)', () => {
  it.each(perOriginCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(await runInProcess(c)).toEqual([])
    warn.mockRestore()
  })
})
