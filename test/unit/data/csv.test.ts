/**
 * The strict CSV reader: what it accepts (RFC 4180 quoting, and what
 * spreadsheets write: a byte-order mark, Windows line endings) and what it
 * rejects, each time at the line and column an editor would go to.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import {parseCsv, type CsvTable} from "../../../src/lib/factbase/csv.js";
import {DataError} from "../../../src/lib/factbase/errors.js";

const FILE = "data/example.csv";

/** The records as plain objects, with the line each starts on. */
function rows(table: CsvTable): {line: number; values: Record<string, string>}[] {
  return table.records.map((r) => ({line: r.line, values: Object.fromEntries([...r.cells].map(([k, c]) => [k, c.value]))}));
}

function cell(table: CsvTable, record: number, column: string) {
  const found = at(table.records, record, "records").cells.get(column);
  assert.ok(found, `record ${record} has no column ${column}`);
  return found;
}

/** Parsing `text` fails with a DataError at exactly this place, saying this. */
function assertRejected(text: string, line: number, column: number, problem: RegExp): void {
  assert.throws(
    () => parseCsv(FILE, text),
    (error: unknown) => {
      assert.ok(error instanceof DataError, `expected a DataError, got ${error}`);
      assert.equal(error.file, FILE);
      assert.deepEqual([error.line, error.column], [line, column], `wrong place: ${error.message}`);
      assert.match(error.problem, problem);
      assert.ok(error.message.startsWith(`${FILE}:${line}:${column}: `), error.message);
      return true;
    }
  );
}

describe("parseCsv accepts", () => {
  test("a plain table, keeping header order and each cell's line and column", () => {
    const table = parseCsv(FILE, "id,name,count\na,Alpha,1\nb,Beta,22\n");
    assert.equal(table.file, FILE);
    assert.deepEqual(table.header, ["id", "name", "count"]);
    assert.deepEqual(rows(table), [
      {line: 2, values: {id: "a", name: "Alpha", count: "1"}},
      {line: 3, values: {id: "b", name: "Beta", count: "22"}}
    ]);
    // "b,Beta,22": b at column 1, Beta at 3, 22 at 8.
    assert.deepEqual([cell(table, 1, "name").line, cell(table, 1, "name").column], [3, 3]);
    assert.deepEqual([cell(table, 1, "count").line, cell(table, 1, "count").column], [3, 8]);
  });

  test("empty cells, as empty strings", () => {
    const table = parseCsv(FILE, "a,b,c\n,,\n1,,3\n");
    assert.deepEqual(rows(table).map((r) => r.values), [
      {a: "", b: "", c: ""},
      {a: "1", b: "", c: "3"}
    ]);
  });

  test("a quoted field holding commas", () => {
    const table = parseCsv(FILE, 'id,text\n1,"Hampshire, Dorset, Wiltshire"\n');
    assert.equal(cell(table, 0, "text").value, "Hampshire, Dorset, Wiltshire");
    assert.equal(cell(table, 0, "text").column, 3, "a quoted field starts at its opening quote");
  });

  test("doubled quotes inside a quoted field, as one quote", () => {
    const table = parseCsv(FILE, 'id,quote,after\n1,"argued that ""in most cases"" it was not",x\n');
    assert.equal(cell(table, 0, "quote").value, 'argued that "in most cases" it was not');
    // 1,"argued that ""in most cases"" it was not",x: the closing quote is column 44, x is column 46.
    assert.equal(cell(table, 0, "after").column, 46);
  });

  test("a quoted field that is only a doubled quote, or empty", () => {
    const table = parseCsv(FILE, 'a,b\n"""",""\n');
    assert.deepEqual(at(rows(table), 0, "rows").values, {a: '"', b: ""});
  });

  test("a newline inside a quoted field, counting lines after it correctly", () => {
    const table = parseCsv(FILE, 'id,text,n\n1,"first line\nsecond line",7\n2,plain,8\n');
    assert.deepEqual(rows(table), [
      {line: 2, values: {id: "1", text: "first line\nsecond line", n: "7"}},
      {line: 4, values: {id: "2", text: "plain", n: "8"}}
    ]);
    // second line",7 is line 3; the closing quote is column 12, the 7 column 14.
    assert.deepEqual([cell(table, 0, "n").line, cell(table, 0, "n").column], [3, 14]);
  });

  test("a last row with no line ending", () => {
    assert.deepEqual(rows(parseCsv(FILE, "a,b\n1,2")), rows(parseCsv(FILE, "a,b\n1,2\n")));
  });

  test("blank lines, which carry nothing", () => {
    const table = parseCsv(FILE, "a,b\n1,2\n\n3,4\n\n");
    assert.deepEqual(rows(table), [
      {line: 2, values: {a: "1", b: "2"}},
      {line: 4, values: {a: "3", b: "4"}}
    ]);
  });

  const LF = 'id,text,n\n1,"quoted, with comma",7\n2,"two\nlines",8\n3,"say ""hi""",9\n';

  test("a byte-order mark, giving the same header and rows as without one", () => {
    const withBom = parseCsv(FILE, `\ufeff${LF}`);
    const without = parseCsv(FILE, LF);
    assert.deepEqual(withBom.header, ["id", "text", "n"], "the first column name must not start with U+FEFF");
    assert.deepEqual(rows(withBom), rows(without));
  });

  test("Windows CRLF line endings, giving the same rows, lines and values as LF", () => {
    const crlf = parseCsv(FILE, LF.replace(/\n/g, "\r\n"));
    const lf = parseCsv(FILE, LF);
    assert.deepEqual(crlf.header, lf.header);
    assert.deepEqual(rows(crlf), rows(lf));
    assert.ok(!rows(crlf).some((r) => Object.values(r.values).some((v) => v.includes("\r"))), "no carriage return is left in a value");
  });

  test("a byte-order mark and CRLF together", () => {
    assert.deepEqual(rows(parseCsv(FILE, `\ufeff${LF.replace(/\n/g, "\r\n")}`)), rows(parseCsv(FILE, LF)));
  });
});

describe("parseCsv rejects", () => {
  test("an empty file", () => {
    assertRejected("", 1, 1, /the file is empty/);
  });

  test("a file of blank lines, or only a byte-order mark", () => {
    assertRejected("\n\n  \n", 1, 1, /the file is empty/);
    assertRejected("\ufeff", 1, 1, /the file is empty/);
  });

  test("a duplicated column name, at the second one", () => {
    // "id,name,id": the second id starts at column 9.
    assertRejected("id,name,id\n1,a,2\n", 1, 9, /column 'id' appears twice/);
  });

  test("a column with no name", () => {
    assertRejected("id,,name\n1,2,3\n", 1, 4, /a column has no name/);
  });

  test("a row with a field missing, just after its last field", () => {
    // "4,5" ends at column 3; the missing third field would start at column 4.
    assertRejected("a,b,c\n1,2,3\n4,5\n6,7,8\n", 3, 4, /expected 3 fields, found 2/);
  });

  test("a short row whose last field is quoted, just after its closing quote", () => {
    // 4,"five, or so" : the closing quote is column 15, so the missing field is at column 16.
    assertRejected('a,b,c\n1,2,3\n4,"five, or so"\n', 3, 16, /expected 3 fields, found 2/);
  });

  test("a row with a field too many, at the extra field", () => {
    // "4,5,6,7": the fourth field starts at column 7.
    assertRejected("a,b,c\n1,2,3\n4,5,6,7\n", 3, 7, /expected 3 fields, found 4/);
  });

  test("a row with a field too many after a multi-line field, on the line of the extra field", () => {
    // Row 2 starts on line 2; its extra field "9" is on line 3, column 10 (`lines",8,9`).
    assertRejected('a,b,c\n1,"two\nlines",8,9\n', 3, 10, /expected 3 fields, found 4/);
  });

  test("a file cut off in the middle of a row", () => {
    // The last record stops after two of four fields ("x,pa" ends at column 4).
    assertRejected("id,name,kind,url\na,Alpha,primary,https://a\nx,pa", 3, 5, /expected 4 fields, found 2/);
  });

  test("an unclosed quote (a truncated file), at the opening quote", () => {
    // The quote opens line 3 at column 3 and never closes.
    assertRejected('id,quote\n1,"fine"\n2,"The report identified 10,306 deaths that', 3, 3, /quoted field is never closed \(is the file truncated\?\)/);
  });

  test("an unclosed quote that swallows the following lines, still at the opening quote", () => {
    assertRejected('id,quote\n1,"never closed\n2,b\n3,c\n', 2, 3, /never closed/);
  });

  test("a quote inside an unquoted field, at the quote", () => {
    // 2,say "hi": the quote is at column 7.
    assertRejected('id,text\n1,ok\n2,say "hi"\n', 3, 7, /a quote inside an unquoted field/);
  });

  test("text after a closing quote, at that text", () => {
    // 1,"quoted"tail: the closing quote is column 10, t is column 11.
    assertRejected('id,text\n1,"quoted"tail\n', 2, 11, /unexpected character "t" after a closing quote/);
  });

  test("a ragged row in a CRLF file with a byte-order mark, at the same place as in LF", () => {
    assertRejected("\ufeffa,b,c\r\n1,2,3\r\n4,5\r\n", 3, 4, /expected 3 fields, found 2/);
  });
});
