/** The quick chart's choice of mark and columns, from a result's column types. */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {test} from "node:test";
import {chooseChart, markFor, xOptions, yOptions} from "../../../src/components/workbench/chart-choice.js";
import type {Cell, ColumnKind, ResultColumn} from "../../../src/components/workbench/sql-values.js";

function cols(...kinds: [string, ColumnKind][]): ResultColumn[] {
  return kinds.map(([name, kind]) => ({name, kind, typeName: kind}));
}

test("a date column makes a line of the last number over time", () => {
  const columns = cols(["day", "date"], ["theme", "string"], ["n", "bigint"]);
  assert.deepEqual(chooseChart(columns, [["2016-01-01", "a", 1n]]), {mark: "line", x: 0, y: 2});
});

test("labels make bars, preferring a label that names each row once", () => {
  const columns = cols(["population", "string"], ["measure", "string"], ["investigated", "integer"], ["percent", "number"]);
  const rows: Cell[][] = [
    ["Southern Health", "unexpected deaths", 272, 37.7],
    ["Southern Health", "learning disability", 4, 4.3]
  ];
  assert.deepEqual(chooseChart(columns, rows), {mark: "bar", x: 1, y: 3});
  // With no unique label, the first label (bars then add up rows that share it).
  assert.deepEqual(chooseChart(columns, [at(rows, 0, "rows"), at(rows, 0, "rows")]), {mark: "bar", x: 0, y: 3});
});

test("two numbers make dots; one number alone, or none, makes no chart", () => {
  assert.deepEqual(chooseChart(cols(["year", "bigint"], ["findings", "bigint"]), [[2016n, 3n]]), {mark: "dot", x: 0, y: 1});
  assert.equal(chooseChart(cols(["n", "bigint"]), [[1n]]), null);
  assert.equal(chooseChart(cols(["event", "string"], ["day", "date"]), [["a", "2016-01-01"]]), null);
});

test("the mark follows whichever x column the analyst picks", () => {
  assert.equal(markFor("timestamp"), "line");
  assert.equal(markFor("integer"), "dot");
  assert.equal(markFor("boolean"), "bar");
  const columns = cols(["label", "string"], ["list", "list"], ["n", "integer"], ["day", "date"]);
  assert.deepEqual(xOptions(columns), [0, 2, 3], "lists cannot go on an axis");
  assert.deepEqual(yOptions(columns), [2]);
});

test("a column of nothing but NULL is not taken for the measure", () => {
  const columns = cols(["year", "bigint"], ["findings", "bigint"], ["note", "integer"]);
  assert.deepEqual(chooseChart(columns, [[2016n, 3n, null], [2017n, 5n, null]]), {mark: "dot", x: 0, y: 1});
  assert.equal(chooseChart(cols(["label", "string"], ["note", "integer"]), [["a", null]]), null);
});
