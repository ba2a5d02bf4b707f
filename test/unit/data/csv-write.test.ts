import assert from "node:assert/strict";
import {test} from "node:test";
import {toCsv} from "../../../src/components/frame/frame.js";
import {parseCsv} from "../../../src/lib/factbase/csv.js";
import {BOM, objectsToCsv} from "../../../src/lib/delivery/csv-write.js";

const rows = [
  {item: "Fine", display: "£125,000", value: 125000, note: 'said "no", twice'},
  {item: "=1+1", display: "–5%", value: -5, note: "line\nbreak"}
];

test("the one CSV writer: BOM, CRLF, formula guard, display text as written, and it reads back", () => {
  const text = objectsToCsv(rows);
  assert.ok(text.startsWith(BOM), "starts with a byte-order mark");
  assert.match(text.slice(1), /^item,display,value,note\r\n/);
  assert.equal(text.split("\r\n").length, 4, "CRLF between rows, after the last");
  const table = parseCsv("t.csv", text);
  const values = table.records.map((r) => table.header.map((h) => r.cells.get(h)!.value));
  assert.deepEqual(values, [
    ["Fine", "£125,000", "125000", 'said "no", twice'],
    ["'=1+1", "–5%", "-5", "line\nbreak"]
  ]);
  assert.equal(toCsv(rows), text, "the chart download is the same writer");
});
