/** What both entries export, checked where a bundler-friendly shape could drift from the source. */
import { describe, expect, it } from 'vitest'
import * as spec from './fetch-spec.ts'
import { fetchSpec } from './index.ts'
import { fetchSpec as liteFetchSpec } from './lite.ts'

describe('fetchSpec', () => {
  it('holds every definition of fetch-spec.ts, frozen, in both entries', () => {
    expect(Object.keys(fetchSpec).sort()).toEqual(Object.keys(spec).sort())
    for (const [name, value] of Object.entries(spec)) expect(fetchSpec[name as keyof typeof spec]).toBe(value)
    expect(Object.isFrozen(fetchSpec)).toBe(true)
    expect(liteFetchSpec).toBe(fetchSpec)
  })
})
