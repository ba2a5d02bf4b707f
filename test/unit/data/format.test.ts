/**
 * The page's number formats are written by hand (src/lib/story/format.ts says why); these
 * tests hold them to what Intl.NumberFormat writes for en-GB, on the numbers the record holds
 * and on the cases where rounding and grouping go wrong.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {formatCount, formatGBP, formatStated} from "../../../src/lib/story/format.js";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";

const intl = {
  count: new Intl.NumberFormat("en-GB", {maximumFractionDigits: 0}),
  stated: new Intl.NumberFormat("en-GB", {maximumFractionDigits: 10}),
  gbp: new Intl.NumberFormat("en-GB", {style: "currency", currency: "GBP", minimumFractionDigits: 0, maximumFractionDigits: 2})
};

const EDGES = [0, 1, 9, 10, 999, 1000, 1001, 10306, 99999, 100000, 999999, 1000000, 6724039, 123456789, -1, -1000, -1234567, 0.5, 1.5, 2.5, -2.5, 999.5, 1999.5, 0.1 + 0.2, 61.8, 1.005, 2.675, 1234.5, 1234.56, 1234.565, 0.004, 0.005, 12502.5, 38.0, 1e-11, 0.3333333333333, 2 / 3];

function check(values: number[]): void {
  for (const value of values) {
    assert.equal(formatCount(value), intl.count.format(value), `formatCount(${value})`);
    assert.equal(formatStated(value), intl.stated.format(value), `formatStated(${value})`);
    assert.equal(formatGBP(value), intl.gbp.format(value), `formatGBP(${value})`);
  }
}

test("counts, stated numbers and pounds read as Intl writes them in en-GB, at the edges of rounding and grouping", () => {
  check(EDGES);
});

test("every number in the record is written as Intl writes it", () => {
  const facts = loadFactBase();
  const tables = ["mazars_figures", "cqc_findings", "comparators", "trust_facts"] as const;
  const values = tables.flatMap((table) => facts.rows(table).flatMap((row) => Object.values(row).filter((v): v is number => typeof v === "number")));
  assert.ok(values.length > 50, `expected the record's figures, found ${values.length} numbers`);
  check(values);
});

test("a number a page cannot print is refused, not written as NaN", () => {
  assert.throws(() => formatCount(Number.NaN), /not a number/);
  assert.throws(() => formatGBP(Infinity), /not a number/);
});
