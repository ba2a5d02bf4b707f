/**
 * The benchmark's summary statistics, against values worked out by hand.
 * Quantiles interpolate linearly between sorted values: for n values the
 * p-quantile sits at position (n − 1)·p of the sorted list (0-based).
 */
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import {median, quantile, summarize} from "../../../bench/stats.js";

describe("bench stats", () => {
  test("median of an odd count is the middle value, whatever the order", () => {
    assert.equal(median([9, 1, 5]), 5);
  });

  test("median of an even count is the mean of the middle two", () => {
    // sorted 1 2 4 10 → (2 + 4) / 2
    assert.equal(median([10, 2, 1, 4]), 3);
  });

  test("quartiles interpolate between neighbours", () => {
    // sorted 1 2 3 4 5 6 7 8; q1 at position 7·0.25 = 1.75 → 2 + 0.75·(3 − 2) = 2.75
    // q3 at position 5.25 → 6 + 0.25·(7 − 6) = 6.25
    const values = [8, 7, 6, 5, 4, 3, 2, 1];
    assert.equal(quantile(values, 0.25), 2.75);
    assert.equal(quantile(values, 0.75), 6.25);
    assert.equal(quantile(values, 0), 1);
    assert.equal(quantile(values, 1), 8);
  });

  test("a summary gives the median, the range and the quartiles, and keeps the values in order measured", () => {
    const summary = summarize([30, 10, 20, 50, 40]);
    assert.deepEqual(summary, {n: 5, median: 30, min: 10, max: 50, q1: 20, q3: 40, values: [30, 10, 20, 50, 40]});
  });

  test("a single measurement is its own median and spread", () => {
    assert.deepEqual(summarize([7]), {n: 1, median: 7, min: 7, max: 7, q1: 7, q3: 7, values: [7]});
  });

  test("no values, or a value that is not a number, is refused rather than summarised", () => {
    assert.throws(() => summarize([]), RangeError);
    assert.throws(() => summarize([1, Number.NaN]), RangeError);
    assert.throws(() => quantile([1, 2], 1.5), RangeError);
  });
});
