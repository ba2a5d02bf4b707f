/**
 * The detection behind opening analysts' files, as pure functions: which
 * encoding, which delimiter, where the header and the notes are, which text
 * columns are numbers as written (and in which style), which cells are
 * missing marks, and JSON's big integers. Fast: no DuckDB, no browser.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {test} from "node:test";
import * as Arrow from "apache-arrow";
import {detectDelimiter, headerIndex, notesStart, rowShape, splitRecords} from "../../../src/components/workbench/files/csv-layout.js";
import {inferArrowType, parseJsonExact} from "../../../src/components/workbench/files/nested-values.js";
import {detectEncoding, textDecoder} from "../../../src/components/workbench/files/text-encodings.js";
import {exactNumberType, isMissingMark, isWrittenNumber, readColumn} from "../../../src/components/workbench/files/written-numbers.js";
import {windows1252} from "../../helpers/messy-files.js";

test("encodings: byte-order marks, UTF-16 without one, UTF-8, and Windows-1252 for the rest", () => {
  const text = "Trust,Décès\r\nSolent,12\r\n";
  assert.deepEqual(detectEncoding(Buffer.from("\ufeff" + text, "utf8")), {encoding: "utf-8", bom: 3});
  assert.deepEqual(detectEncoding(Buffer.from("\ufeff" + text, "utf16le")), {encoding: "utf-16le", bom: 2});
  const be = Buffer.from("\ufeff" + text, "utf16le").swap16();
  assert.deepEqual(detectEncoding(be), {encoding: "utf-16be", bom: 2});
  assert.deepEqual(detectEncoding(Buffer.from(text, "utf16le")), {encoding: "utf-16le", bom: 0});
  assert.deepEqual(detectEncoding(Buffer.from(text, "utf16le").swap16()), {encoding: "utf-16be", bom: 0});
  assert.deepEqual(detectEncoding(Buffer.from(text, "utf8")), {encoding: "utf-8", bom: 0});
  assert.deepEqual(detectEncoding(windows1252("Spend,£125\r\nCafé – Trust’s,1\r\n")), {encoding: "windows-1252", bom: 0});
  // A UTF-8 character cut off by the end of the sample is still UTF-8.
  assert.equal(detectEncoding(Buffer.from("a,é", "utf8").subarray(0, 3)).encoding, "utf-8");
  assert.equal(textDecoder("windows-1252").decode(windows1252("£ é – ’ €")), "£ é – ’ €");
});

test("delimiters: the one most lines agree on, quotes respected", () => {
  assert.equal(detectDelimiter("a,b,c\n1,2,3\n"), ",");
  assert.equal(detectDelimiter("a;b;c\n1,5;2,5;3\n4;5;6\n"), ";");
  assert.equal(detectDelimiter("a\tb\n\"x, y\"\t2\n"), "\t");
  assert.equal(detectDelimiter("Title, with a comma\na|b|c\n1|2|3\n4|5|6\n"), "|");
});

function layoutOf(text: string) {
  const records = splitRecords(text, ",");
  const shape = rowShape(records);
  const header = headerIndex(records, shape);
  const body = records.slice(header + 1);
  return {headerLine: at(records, header, "records").line, notes: body.slice(notesStart(body, shape)).filter((r) => r.fields.some((f) => f.trim())).map((r) => r.line)};
}

test("the header is the first line shaped like the rows; notes below the data are found", () => {
  assert.deepEqual(layoutOf("a,b\n1,2\n3,4\n"), {headerLine: 1, notes: []});
  // Title lines, one with Excel's trailing commas, a blank line, then the header.
  assert.deepEqual(layoutOf("Table 1: deaths,,\nEngland 2016\n\nTrust,Deaths,Rate\nA,1,2\nB,3,4\n\nSource: ONS,,\nNote: provisional\n"), {headerLine: 4, notes: [8, 9]});
  // Key-value lines above a wider table are not its header.
  assert.deepEqual(layoutOf("Period,2016,,\nUnit,deaths,,\nTrust,Deaths,Rate,Code\nA,1,2,X\nB,3,4,Y\n"), {headerLine: 3, notes: []});
  // A header with its row-label cell blank (with four columns or more).
  assert.deepEqual(layoutOf("Title,,,\n,2015,2016,2017\nA,1,2,3\nB,4,5,6\n"), {headerLine: 2, notes: []});
  // A quoted field with a line break and the delimiter stays one field.
  assert.deepEqual(layoutOf('a,b\n"x,\ny",2\nz,3\n'), {headerLine: 1, notes: []});
  // A row with too many fields at the end is not a note: it is left for the reader to report.
  assert.deepEqual(layoutOf("a,b,c\n1,2,3\n4,5,6,7\n"), {headerLine: 1, notes: []});
});

test("numbers as written, in either style, and the UK's missing marks", () => {
  for (const value of ["1,234", "£6,724,039", "38.0%", "-1,234.5", "(1,200)", "£ 12", "1 234", "0.25", "−5", "€12.50"]) assert.ok(isWrittenNumber(value, "point"), value);
  for (const value of ["1.234,5", "11,1", "1.234", "12 €", "-0,5", "1 234,5"]) assert.ok(isWrittenNumber(value, "comma"), value);
  for (const value of ["12abc", "1,23,4", "Solent", "1.2.3", "", "£", "%"]) assert.ok(!isWrittenNumber(value, "point"), value);
  for (const mark of ["*", "..", "[c]", "[x]", "x", "-", "n/a", "N/A", " [z] "]) assert.ok(isMissingMark(mark), mark);
  assert.ok(!isMissingMark("0") && !isMissingMark("none given"));

  assert.deepEqual(readColumn(["1,234", "*", "12.5", null, ""]), {kind: "numbers", style: "point"});
  assert.deepEqual(readColumn(["11,1", "1.234,5", ".."], "point"), {kind: "numbers", style: "comma"}, "decimal commas decide against the file's default");
  assert.deepEqual(readColumn(["1,234", "5,678"], "comma"), {kind: "numbers", style: "comma"}, "ambiguous values take the file's style");
  assert.deepEqual(readColumn(["1,234", "5,678"], "point"), {kind: "numbers", style: "point"});
  assert.equal(readColumn(["12.5", "11,1"]).kind, "text", "both styles in one column: not numbers");
  assert.equal(readColumn(["12", "approx 5"]).kind, "text");
  assert.equal(readColumn(["00123", "00456"]).kind, "text", "codes with leading zeros stay text");
  assert.equal(readColumn(["*", "..", null]).kind, "text", "marks alone are not numbers");

  assert.equal(exactNumberType(7, 0), "BIGINT");
  assert.equal(exactNumberType(20, 0), "HUGEINT");
  assert.equal(exactNumberType(7, 2), "DECIMAL(18, 2)");
  assert.equal(exactNumberType(30, 3), "DECIMAL(38, 3)");
});

test("JSON: integers past 2^53 stay exact; nested values keep their shape as Arrow types", () => {
  const parsed = parseJsonExact('[{"id": 9007199254740993, "n": -12345678901234567, "x": 1.5, "s": "9007199254740993", "o": {"a": [1, 2]}}]') as Record<string, unknown>[];
  assert.equal(at(parsed, 0, "parsed").id, 9007199254740993n);
  assert.equal(at(parsed, 0, "parsed").n, -12345678901234567n);
  assert.equal(at(parsed, 0, "parsed").x, 1.5);
  assert.equal(at(parsed, 0, "parsed").s, "9007199254740993");
  assert.deepEqual(at(parsed, 0, "parsed").o, {a: [1, 2]});
  assert.throws(() => parseJsonExact('[{"id": 12345678901234567,}]'), /position 26/);
  assert.equal(String(inferArrowType(Arrow, [1, 2 ** 31, null])), "Int64");
  assert.equal(String(inferArrowType(Arrow, [1, 2.5])), "Float64");
  assert.equal(String(inferArrowType(Arrow, [2n ** 70n])), "Utf8", "past 64 bits: kept exact as text");
  assert.equal(String(inferArrowType(Arrow, [{a: 1, b: "x"}, {a: null, c: [true]}])), "Struct<{a:Int32, b:Utf8, c:List<Bool>}>");
  assert.equal(String(inferArrowType(Arrow, [[{k: 1}], []])), "List<Struct<{k:Int32}>>");
  assert.equal(String(inferArrowType(Arrow, [1, "a"])), "Utf8");
});
