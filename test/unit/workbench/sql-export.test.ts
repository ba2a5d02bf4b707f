/**
 * The workbench's downloads: RFC 4180 CSV and JSON of every row, with exact
 * integers kept exact, NULL as an empty field / null, dates as the table
 * shows them, and no spreadsheet formula smuggled in by a shared query.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import {resultToCsv, resultToJson, uniqueNames} from "../../../src/components/workbench/sql-export.js";
import {UNSHOWN, type Cell, type ResultColumn} from "../../../src/components/workbench/sql-values.js";
import {parseCsv} from "../../../src/lib/factbase/csv.js";

const columns: ResultColumn[] = [
  {name: "label", kind: "string", typeName: "VARCHAR"},
  {name: "total", kind: "bigint", typeName: "DECIMAL(38,0)"},
  {name: "share", kind: "number", typeName: "DOUBLE"},
  {name: "day", kind: "date", typeName: "DATE"}
];
const huge = 2n ** 100n;
const rows: Cell[][] = [
  ["plain", 10306n, 0.1 + 0.2, "2016-04-28"],
  ['quote " and, comma\nnewline', huge, null, null],
  [null, -5n, NaN, "2015-12-17"]
];

describe("CSV", () => {
  test("reads back, cell for cell, with the loaders' strict CSV reader", () => {
    const text = resultToCsv(columns, rows);
    const table = parseCsv("result.csv", text);
    assert.deepEqual(table.header, ["label", "total", "share", "day"]);
    assert.deepEqual(
      table.records.map((r) => table.header.map((h) => r.cells.get(h)!.value)),
      [
        ["plain", "10306", "0.30000000000000004", "2016-04-28"],
        ['quote " and, comma\nnewline', huge.toString(), "", ""],
        ["", "-5", "nan", "2015-12-17"]
      ]
    );
  });

  test("uses CRLF line ends and quotes only where needed", () => {
    assert.equal(resultToCsv([at(columns, 0, "columns")], [["a"], ["b,c"]]), '\uFEFFlabel\r\na\r\n"b,c"\r\n');
    assert.equal(resultToCsv([{name: "a,b", kind: "string", typeName: "VARCHAR"}], []), '\uFEFF"a,b"\r\n');
  });

  test("text that a spreadsheet would run as a formula is prefixed so it stays text", () => {
    const text = resultToCsv(columns.slice(0, 2), [["=HYPERLINK(\"http://x\")", -3n], ["+1", 0n], ["@SUM(A1)", 1n], ["-2", 2n], ["a=b", 3n]]);
    const values = parseCsv("f.csv", text).records.map((r) => [r.cells.get("label")!.value, r.cells.get("total")!.value]);
    assert.deepEqual(values, [["'=HYPERLINK(\"http://x\")", "-3"], ["'+1", "0"], ["'@SUM(A1)", "1"], ["'-2", "2"], ["a=b", "3"]]);
  });

  test("a value the table could not show is an empty field", () => {
    assert.equal(resultToCsv([{name: "gap", kind: "unsupported", typeName: "INTERVAL"}], [[UNSHOWN]]), "\uFEFFgap\r\n\r\n");
  });
});

describe("JSON", () => {
  test("one object per row; safe integers as numbers, larger ones as exact strings", () => {
    assert.deepEqual(JSON.parse(resultToJson(columns, rows)), [
      {label: "plain", total: 10306, share: 0.30000000000000004, day: "2016-04-28"},
      {label: 'quote " and, comma\nnewline', total: huge.toString(), share: null, day: null},
      {label: null, total: -5, share: "nan", day: "2015-12-17"}
    ]);
  });

  test("nested values and duplicate column names", () => {
    const nested: ResultColumn[] = [
      {name: "a", kind: "list", typeName: "BIGINT[]"},
      {name: "a", kind: "struct", typeName: "STRUCT"}
    ];
    assert.deepEqual(JSON.parse(resultToJson(nested, [[[1n, null], {k: 2n}]])), [{a: [1, null], a_2: {k: 2}}]);
    assert.deepEqual(uniqueNames(["n", "n", "n_2", "n"]), ["n", "n_3", "n_2", "n_4"]);
  });
});
