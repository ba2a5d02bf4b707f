/**
 * The statistics behind every computed share, checked against values worked
 * out by hand from the Wilson score formula (not by calling the code under
 * test):
 *
 *   p = x/n, z = 1.959964 (two-sided 95%), z² = 3.841459
 *   centre    = (p + z²/2n) / (1 + z²/n)
 *   halfWidth = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
 *   interval  = centre ± halfWidth
 */
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import {percentOf, wilsonInterval, Z95} from "../../../src/lib/story/stats.js";

/** Agreement to 1e-6 of a fraction, i.e. 0.0001 percentage points: far finer than any figure we print. */
function assertClose(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: expected ${expected}, got ${actual}`);
}

describe("wilsonInterval", () => {
  test("uses the two-sided 95% z value", () => {
    // Φ⁻¹(0.975) = 1.959963984540054 (standard normal quantile tables give 1.95996).
    assertClose(Z95, 1.95996398454, "z");
  });

  test("4 of 93 (learning-disability unexpected deaths investigated) → 1.685%–10.543%", () => {
    // p = 4/93 = 0.0430108; z²/n = 0.0413060; z²/2n = 0.0206530
    // centre = (0.0430108 + 0.0206530) / 1.0413060 = 0.0611384
    // p(1−p)/n = 0.0430108 · 0.9569892 / 93 = 0.00044259; z²/4n² = 3.841459 / 34596 = 0.00011104
    // halfWidth = 1.959964 / 1.0413060 · √0.00055363 = 1.882217 · 0.0235293 = 0.0442873
    // → 0.0168511 to 0.1054257
    const {lower, upper} = wilsonInterval(4, 93);
    assertClose(lower, 0.01685115, "lower");
    assertClose(upper, 0.1054256, "upper");
  });

  test("0 of 10 → 0%–27.753%, and the lower end is 0, never negative", () => {
    // With x = 0, centre = halfWidth = (z²/2n) / (1 + z²/n), so lower = 0 and
    // upper = z² / (n + z²) = 3.841459 / 13.841459 = 0.2775328.
    const {lower, upper} = wilsonInterval(0, 10);
    assert.ok(lower >= 0, `lower ${lower} is negative`);
    assertClose(lower, 0, "lower");
    assertClose(upper, 0.2775328, "upper");
  });

  test("10 of 10 → 72.247%–100%, and the upper end is 1, never above", () => {
    // Mirror image of 0 of 10: lower = n / (n + z²) = 10 / 13.841459 = 0.7224672, upper = 1.
    const {lower, upper} = wilsonInterval(10, 10);
    assertClose(lower, 0.7224672, "lower");
    assert.ok(upper <= 1, `upper ${upper} is above 1`);
    assertClose(upper, 1, "upper");
  });

  test("272 of 722 (unexpected deaths investigated) → 34.213%–41.264%", () => {
    // p = 272/722 = 0.3767313; z²/n = 0.00532058; z²/2n = 0.00266029
    // centre = (0.3767313 + 0.0026603) / 1.0053206 = 0.3773837
    // p(1−p)/n = 0.3767313 · 0.6232687 / 722 = 0.00032522; z²/4n² = 3.841459 / 2085136 = 0.00000184
    // halfWidth = 1.959964 / 1.0053206 · √0.00032706 = 1.949591 · 0.0180849 = 0.0352581
    // → 0.3421256 to 0.4126418
    const {lower, upper} = wilsonInterval(272, 722);
    assertClose(lower, 0.3421259, "lower");
    assertClose(upper, 0.4126415, "upper");
  });

  test("1 of 93 stays above 0 where the normal (Wald) interval would not", () => {
    // Wald: 0.0107527 ± 1.959964 · √(0.0107527 · 0.9892473 / 93) = 0.0107527 ± 0.0209613 → −0.0102 (impossible).
    // Wilson: centre = (0.0107527 + 0.0206530) / 1.0413060 = 0.0301599;
    // halfWidth = 1.882217 · √(0.00011438 + 0.00011104) = 1.882217 · 0.0150139 = 0.0282593 → 0.0019006 to 0.0584192.
    const {lower, upper} = wilsonInterval(1, 93);
    assertClose(lower, 0.0019006, "lower");
    assertClose(upper, 0.0584192, "upper");
    // Asymmetric about p = 1/93: the centre is pulled towards ½.
    assert.ok(upper - 1 / 93 > 1 / 93 - lower);
  });

  test("a wider z gives a wider interval", () => {
    const z95 = wilsonInterval(272, 722);
    const z99 = wilsonInterval(272, 722, 2.5758293035489);
    assert.ok(z99.lower < z95.lower && z99.upper > z95.upper);
  });

  for (const [x, n, why] of [
    [5, 4, "more successes than trials"],
    [-1, 10, "a negative count"],
    [1, 0, "no trials"],
    [0, 0, "no trials"],
    [1, -5, "a negative denominator"],
    [1.5, 10, "a fractional count"],
    [1, 10.5, "a fractional denominator"],
    [Number.NaN, 10, "NaN"],
    [1, Number.POSITIVE_INFINITY, "an infinite denominator"]
  ] as const) {
    test(`rejects ${why} (${x} of ${n})`, () => {
      assert.throws(() => wilsonInterval(x, n), {name: "RangeError", message: /whole counts with 0 ≤ x ≤ n and n > 0/});
    });
  }
});

describe("percentOf", () => {
  test("is x as a percentage of n", () => {
    assert.equal(percentOf(722, 1454), (722 * 100) / 1454); // 49.656121...
    assertClose(percentOf(722, 1454), 49.6561211, "722 of 1,454");
    assert.equal(percentOf(0, 93), 0);
    assert.equal(percentOf(93, 93), 100);
    assert.equal(percentOf(1, 4), 25);
  });

  test("matches the figures in the story", () => {
    // 272 / 722 = 0.376731 → 37.7% as printed; 4 / 93 = 0.043011 → 4.3%.
    assert.equal(percentOf(272, 722).toFixed(1), "37.7");
    assert.equal(percentOf(4, 93).toFixed(1), "4.3");
  });

  for (const [x, n, why] of [
    [1, 0, "a zero denominator"],
    [1, -10, "a negative denominator"],
    [1, Number.NaN, "a NaN denominator"],
    [Number.NaN, 10, "a NaN numerator"],
    [Number.POSITIVE_INFINITY, 10, "an infinite numerator"],
    [1, Number.POSITIVE_INFINITY, "an infinite denominator"]
  ] as const) {
    test(`rejects ${why} (${x} of ${n})`, () => {
      assert.throws(() => percentOf(x, n), {name: "RangeError"});
    });
  }
});
