/** The shared table through Hono apps on Node, in-process with `app.request`. */
import { describe, expect, it } from 'vitest'
import { cases, runInProcess } from '../test/table.ts'

describe('cors() in a Hono app (app.request, Node)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await runInProcess(c)).toEqual([])
  })
})
