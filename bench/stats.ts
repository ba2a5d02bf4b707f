/**
 * Summaries of repeated measurements: the median and the spread (min–max and
 * the interquartile range). Quantiles are interpolated linearly between the
 * sorted values (type 7 in Hyndman & Fan, the default of R and NumPy), so
 * the median of an even count is the mean of the middle two.
 */
import {at} from "../src/lib/story/checked-lookups.js";

export interface Summary {
  /** How many values were measured. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles. */
  q1: number;
  q3: number;
  /** Every value, in the order measured. */
  values: number[];
}

export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("quantile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return at(sorted, below, "the values") + (at(sorted, above, "the values") - at(sorted, below, "the values")) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError("summary of no values");
  for (const value of values) if (!Number.isFinite(value)) throw new RangeError(`not a finite measurement: ${value}`);
  return {
    n: values.length,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    values: [...values]
  };
}
