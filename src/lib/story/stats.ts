/** Statistics for counts: a share with its denominator, and its 95% interval. */

export interface Interval {
  lower: number;
  upper: number;
}

/** The z value of a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion x/n, as fractions of 1. Chosen over
 * the normal ("Wald") interval because it stays within 0–1 and behaves for
 * small counts such as 4 of 93.
 */
export function wilsonInterval(x: number, n: number, z = Z95): Interval {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n <= 0 || x < 0 || x > n) {
    throw new RangeError(`wilsonInterval needs whole counts with 0 ≤ x ≤ n and n > 0, got ${x} of ${n}`);
  }
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth)};
}

/** x as a percentage of n. */
export function percentOf(x: number, n: number): number {
  // NaN and Infinity would otherwise reach the page as "NaN%" or "Infinity%".
  if (!Number.isFinite(x) || !Number.isFinite(n) || n <= 0) throw new RangeError(`percentOf needs a finite x and a positive, finite denominator, got ${x} of ${n}`);
  return (100 * x) / n;
}
