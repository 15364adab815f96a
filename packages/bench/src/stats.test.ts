import { describe, expect, it } from 'vitest'
import { mad, median, medianDifference, medianEstimate, quantile } from './stats.js'

describe('stats', () => {
  it('interpolates quantiles between neighbours, whatever the input order', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(quantile([10, 0, 20], 0.25)).toBe(5)
    expect(quantile([7], 0.9)).toBe(7)
    expect(median([])).toBeNaN()
  })

  it('measures spread by the median absolute deviation, blind to a minority of outliers', () => {
    expect(mad([1, 2, 3, 4, 100])).toBe(1)
  })

  it('subtracts medians, so batches hit by a collection on either side do not move the figure', () => {
    const reference = [100, 101, 99, 250, 100, 102, 98, 260]
    const subject = [110, 280, 111, 109, 110, 270, 112, 108]
    expect(medianDifference(subject, reference).value).toBe(10)
    expect(medianEstimate([5, 5, 5, 5]).error).toBe(0)
  })
})
