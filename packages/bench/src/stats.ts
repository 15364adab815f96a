/** Order statistics of a handful of batch figures. */

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

/** Median and quartiles, rounded to whole nanoseconds. */
export interface Summary {
  median: number
  p25: number
  p75: number
}

/** Summarises the values. */
export function summarize(values: readonly number[]): Summary {
  return {
    median: Math.round(median(values)),
    p25: Math.round(quantile(values, 0.25)),
    p75: Math.round(quantile(values, 0.75)),
  }
}

/** Pairwise differences a[i] - b[i]. */
export function differences(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, i) => value - b[i]!)
}
