/** Robust statistics of a handful of batch means. */

/** The value at quantile q (0..1) of the values, interpolated between neighbours. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.ceil(position)
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below)
}

/** The median of the values. */
export const median = (values: readonly number[]): number => quantile(values, 0.5)

/** Median absolute deviation from the median: a spread that ignores up to half the values. */
export function mad(values: readonly number[]): number {
  const m = median(values)
  return median(values.map((v) => Math.abs(v - m)))
}

/**
 * Standard error of a median, from a normal approximation (1.2533 sigma / sqrt n) with sigma
 * estimated robustly as 1.4826 MAD.
 */
function medianError(values: readonly number[]): number {
  return (1.2533 * 1.4826 * mad(values)) / Math.sqrt(values.length)
}

/** A figure in ns and its standard error, rounded to whole nanoseconds. */
export interface Estimate {
  value: number
  error: number
}

/** The median of the values. */
export function medianEstimate(values: readonly number[]): Estimate {
  return { value: Math.round(median(values)), error: Math.round(medianError(values)) }
}

/**
 * median(a) - median(b), of two interleaved series. Medians per side rather than the median of
 * pairwise differences: a batch that meets an old-generation collection costs twice a normal one,
 * and when a quarter of the batches on each side do, nearly half the pairs hold one, while each
 * side's median still sees none.
 */
export function medianDifference(a: readonly number[], b: readonly number[]): Estimate {
  return {
    value: Math.round(median(a) - median(b)),
    error: Math.round(Math.hypot(medianError(a), medianError(b))),
  }
}
