/**
 * Reading analysts' files in Node with the same packages the page is served:
 * Parquet through hyparquet (files written by hyparquet-writer here), JSON
 * records, and the checks on CSV text that DuckDB's sniffer leaves to us.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {test} from "node:test";
import * as Arrow from "apache-arrow";
import * as hyparquet from "hyparquet";
import {compressors} from "hyparquet-compressors";
import {parquetWriteBuffer} from "hyparquet-writer";
import {dayFirst, formatOf, headerDelimiter, lineOf, raggedLine} from "../../../src/components/workbench/files/file-formats.js";
import {FileError, jsonRecords, readArrow, readJson, readParquet, recordsToArrow, type ReadResult} from "../../../src/components/workbench/files/file-readers.js";

async function tableOf(result: ReadResult): Promise<Arrow.Table> {
  const batches: Arrow.RecordBatch[] = [];
  for await (const chunk of result.chunks) batches.push(...Arrow.tableFromIPC(chunk).batches);
  return new Arrow.Table(batches);
}

function fileOf(name: string, bytes: Uint8Array | string): Blob & {name: string} {
  return Object.assign(new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)]), {name});
}

test("formats are told from the file name", () => {
  assert.equal(formatOf("a.CSV"), "csv");
  assert.equal(formatOf("b.tsv"), "tsv");
  assert.equal(formatOf("c.ndjson"), "json");
  assert.equal(formatOf("d.feather"), "arrow");
  assert.equal(formatOf("e.parquet"), "parquet");
  assert.equal(formatOf("f.xlsx"), "xlsx");
  assert.equal(formatOf("g.xls"), null, "an old workbook gets advice instead");
});

test("a month-first date format is read day-first; others are left alone", () => {
  assert.equal(dayFirst("%m/%d/%Y"), "%d/%m/%Y");
  assert.equal(dayFirst("%m-%d-%Y %H:%M:%S"), "%d-%m-%Y %H:%M:%S");
  assert.equal(dayFirst("%d/%m/%Y"), null);
  assert.equal(dayFirst("%Y-%m-%d"), null);
  assert.equal(dayFirst(null), null);
});

test("the line of a ragged row is found, with quoted delimiters and line breaks read as one field", () => {
  assert.equal(headerDelimiter("\uFEFFa;b;c\r\n1;2;3"), ";");
  assert.equal(headerDelimiter('"a,b"\tc\n'), "\t");
  const text = 'a,b,c\r\n1,"x, ""y""",3\r\n4,"two\r\nlines",6\r\n7,8,9,10\r\n';
  assert.deepEqual(raggedLine(text, ","), {line: 5, fields: 4, expected: 3});
  assert.equal(raggedLine("a,b\n1,2\n\n3,4\n", ","), null, "a blank line is not a ragged row");
  assert.equal(lineOf("CSV Error on Line: 12\nOriginal Line: x"), 12);
});

test("a Parquet file becomes Arrow columns of the right types, row group by row group", async () => {
  const n = 2500;
  const ids = Array.from({length: n}, (_, i) => `id-${i}`);
  const counts = Array.from({length: n}, (_, i) => (i % 7 === 0 ? null : i));
  const big = Array.from({length: n}, (_, i) => 2n ** 60n + BigInt(i));
  const shares = Array.from({length: n}, (_, i) => i / 4);
  const flags = Array.from({length: n}, (_, i) => i % 2 === 0);
  const moments = Array.from({length: n}, (_, i) => new Date(Date.UTC(2016, 0, 1) + i * 3_600_000));
  const bytes = parquetWriteBuffer({
    columnData: [
      {name: "id", data: ids, type: "STRING"},
      {name: "count", data: counts, type: "INT32"},
      {name: "big", data: big, type: "INT64"},
      {name: "share", data: shares, type: "DOUBLE"},
      {name: "flag", data: flags, type: "BOOLEAN"},
      {name: "moment", data: moments, type: "TIMESTAMP"}
    ],
    rowGroupSize: 1000
  });
  const progress: (number | null)[] = [];
  const result = await readParquet(Arrow, hyparquet, compressors, {file: fileOf("x.parquet", new Uint8Array(bytes)), format: "parquet", overrides: {count: "VARCHAR"}, onProgress: (f) => progress.push(f)});
  assert.deepEqual(result.casts, {count: "VARCHAR"}, "overrides are applied by DuckDB afterwards");
  const table = await tableOf(result);
  assert.equal(table.numRows, n);
  assert.deepEqual(table.schema.fields.map((f) => String(f.type)), ["Utf8", "Int32", "Int64", "Float64", "Bool", "Timestamp<MICROSECOND>"], "timestamps are carried in microseconds, DuckDB's own unit");
  assert.deepEqual(table.getChild("id")!.toArray().slice(0, 3), ids.slice(0, 3));
  assert.deepEqual([...table.getChild("count")!].slice(0, 8), counts.slice(0, 8));
  assert.equal(table.getChild("big")!.get(n - 1), big[n - 1], "INT64 stays exact");
  assert.equal(table.getChild("share")!.get(999), shares[999]);
  assert.equal(table.getChild("flag")!.get(3), false);
  assert.equal(Number(table.getChild("moment")!.get(1500)), at(moments, 1500, "moments").getTime());
  assert.deepEqual(progress, [0.4, 0.8, 0.99], "progress moves with each row group");
});

test("what is not Parquet is refused with the file's name", async () => {
  await assert.rejects(
    readParquet(Arrow, hyparquet, compressors, {file: fileOf("Cut.parquet", "PAR1 cut short"), format: "parquet", overrides: {}}),
    (error: unknown) => error instanceof FileError && /^Cut\.parquet: not a readable Parquet file/.test(error.message)
  );
});

test("JSON: an array of records, one record per line, or one array inside a wrapper", async () => {
  assert.deepEqual(jsonRecords("a.json", '\uFEFF[{"a": 1}, {"b": "x"}]'), [{a: 1}, {b: "x"}]);
  assert.deepEqual(jsonRecords("b.ndjson", '{"a": 1}\r\n\r\n{"a": 2}\n'), [{a: 1}, {a: 2}]);
  assert.deepEqual(jsonRecords("c.json", '{"meta": {"n": 1}, "data": [{"a": 1}]}'), [{a: 1}]);
  assert.throws(() => jsonRecords("d.ndjson", '{"a": 1}\n{"a": 2\n{"a": 3}'), (e: unknown) => e instanceof FileError && e.line === 2);
  assert.throws(() => jsonRecords("e.json", '[{"a": 1},\n{"a" 2}]'), (e: unknown) => e instanceof FileError && e.line === 2 && /^e\.json, line 2: not valid JSON/.test(e.message));
  // Where the parser gives no position, the file is still named.
  assert.throws(() => jsonRecords("h.json", '[{"a": }]'), (e: unknown) => e instanceof FileError && /^h\.json: not valid JSON/.test(e.message));
  assert.throws(() => jsonRecords("f.json", "[1, 2, 3]"), /not a table/);
  const table = recordsToArrow(Arrow, [{n: 1, x: 1.5, ok: true, s: "a", nested: {k: 1}}, {n: null, x: 2, s: 3}]);
  assert.deepEqual(table.schema.fields.map((f) => `${f.name}:${f.type}`), ["n:Int32", "x:Float64", "ok:Bool", "s:Utf8", "nested:Struct<{k:Int32}>"]);
  assert.deepEqual(table.getChild("s")!.toArray(), ["a", "3"]);
  assert.equal(table.getChild("nested")!.get(0)!.k, 1);
  const read = await tableOf(await readJson(Arrow, {file: fileOf("g.json", '[{"a": 1}, {"a": 2}]'), format: "json", overrides: {}}));
  assert.equal(read.numRows, 2);
});

test("an Arrow file passes through; a broken one is refused", async () => {
  const source = Arrow.tableFromArrays({a: Int32Array.from([1, 2, 3]), b: ["x", "y", "z"]});
  const read = await tableOf(await readArrow(Arrow, {file: fileOf("t.arrow", Arrow.tableToIPC(source, "file")), format: "arrow", overrides: {}}));
  assert.deepEqual(read.getChild("b")!.toArray(), ["x", "y", "z"]);
  await assert.rejects(readArrow(Arrow, {file: fileOf("bad.arrow", "ARROW1 no"), format: "arrow", overrides: {}}), /^FileError: bad\.arrow: not a readable Arrow IPC file|bad\.arrow: not a readable Arrow IPC file/);
});
