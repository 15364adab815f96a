/** The list of engine departures the doctor and the engines tests share. */
import { describe, expect, it } from 'vitest'
import { departingEngines, departure, ENGINE_DEPARTURES, ENGINES } from './engines'

describe('ENGINE_DEPARTURES', () => {
  it('has unique ids, and every engine named for each', () => {
    const ids = ENGINE_DEPARTURES.map((d) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const d of ENGINE_DEPARTURES) expect(Object.keys(d.engines).sort()).toEqual([...ENGINES].sort())
  })

  it('holds the three departures the tests check', () => {
    expect(departingEngines('acah-wildcard-authorization')).toEqual(['chromium', 'firefox', 'webkit'])
    expect(departingEngines('max-age-not-a-number')).toEqual(['firefox'])
    expect(departingEngines('redirect-307-preflight-origin')).toEqual(['chromium', 'webkit'])
    expect(() => departure('no-such-rule')).toThrow(/no engine departure/)
  })
})
