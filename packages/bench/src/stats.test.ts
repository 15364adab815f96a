import { describe, expect, it } from 'vitest'
import { differences, median, quantile, summarize } from './stats.js'

describe('stats', () => {
  it('interpolates quantiles between neighbours, whatever the input order', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(quantile([10, 0, 20], 0.25)).toBe(5)
    expect(quantile([7], 0.9)).toBe(7)
    expect(median([])).toBeNaN()
  })

  it('pairs differences index by index and summarises them', () => {
    expect(differences([5, 7, 9], [1, 1, 10])).toEqual([4, 6, -1])
    expect(summarize([1, 2, 3, 4, 5])).toEqual({ median: 3, p25: 2, p75: 4 })
  })
})
