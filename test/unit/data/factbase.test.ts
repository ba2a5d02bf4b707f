/**
 * The fact base as a whole: the real data/ loads, and each way an editor could
 * break a copy of it is refused with an error that names the file, the line
 * and the column, and says what is wrong.
 *
 * Every bad input is a temporary copy of data/ with one thing changed. Where
 * the error should point is worked out from the text of the copy (which line,
 * how many characters before the cell), not taken from the parser under test.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {after, describe, test} from "node:test";
import {DataError} from "../../../src/lib/factbase/errors.js";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";

const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));
const copies: string[] = [];

after(() => {
  for (const dir of copies) rmSync(dir, {recursive: true, force: true});
});

function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), "shft-factbase-"));
  copies.push(dir);
  cpSync(DATA, dir, {recursive: true});
  return dir;
}

interface Place {
  file: string;
  line: number;
  column: number;
}

function lines(dir: string, file: string): string[] {
  return readFileSync(join(dir, file), "utf8").split("\n");
}

/**
 * The place of one cell: the line that starts with `id,`, and the column of
 * field `name` (counted from the header). Only used for cells with no quoted
 * field before them, so counting commas is exact.
 */
function cellAt(dir: string, file: string, id: string, name: string): Place & {fields: string[]; index: number} {
  const text = lines(dir, file);
  const index = at(text, 0, "text").split(",").indexOf(name);
  assert.ok(index >= 0, `${file} has no column ${name}`);
  const row = text.findIndex((l) => l.startsWith(`${id},`));
  assert.ok(row > 0, `${file} has no row ${id}`);
  const fields = at(text, row, "text").split(",");
  assert.ok(!fields.slice(0, index + 1).some((f) => f.includes('"')), `a quoted field precedes ${name} in ${file}:${row + 1}; pick another cell`);
  const column = fields.slice(0, index).reduce((sum, f) => sum + f.length + 1, 1);
  return {file, line: row + 1, column, fields, index};
}

/** Sets one cell of a copy, returning where it is. */
function setCell(dir: string, file: string, id: string, name: string, value: string): Place {
  const place = cellAt(dir, file, id, name);
  const text = lines(dir, file);
  place.fields[place.index] = value;
  text[place.line - 1] = place.fields.join(",");
  writeFileSync(join(dir, file), text.join("\n"));
  return place;
}

function cellValue(dir: string, file: string, id: string, name: string): string {
  const {fields, index} = cellAt(dir, file, id, name);
  return at(fields, index, "fields");
}

/** loadFactBase(dir) throws a DataError at `place` whose message says `problem`. */
function assertRejected(dir: string, place: Place, columnName: string | undefined, problem: string | RegExp): DataError {
  let caught: unknown;
  try {
    loadFactBase(dir);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof DataError, `expected a DataError, got ${caught === undefined ? "no error" : caught}`);
  const error = caught;
  assert.equal(resolve(error.file), join(dir, place.file), "the error names the file");
  assert.deepEqual({line: error.line, column: error.column}, {line: place.line, column: place.column}, `wrong place in: ${error.message}`);
  assert.equal(error.columnName, columnName, `wrong column name in: ${error.message}`);
  const prefix = `${error.file}:${place.line}:${place.column}: ${columnName ? `column '${columnName}': ` : ""}`;
  assert.ok(error.message.startsWith(prefix), `expected the message to start with ${JSON.stringify(prefix)}: ${error.message}`);
  if (typeof problem === "string") assert.equal(error.problem, problem);
  else assert.match(error.problem, problem);
  return error;
}

describe("the real fact base", () => {
  test("loads cleanly, with every table of the data package", () => {
    const facts = loadFactBase(DATA);
    const names = facts.descriptor.resources.map((r) => r.name);
    assert.deepEqual([...facts.tables.keys()], names);
    for (const name of ["sources", "mazars_figures", "cqc_ratings", "cqc_findings", "events", "leadership_terms", "comparators", "trust_facts", "claims"]) {
      assert.ok(names.includes(name), `table ${name} is described`);
    }
  });

  test("has one row per CSV record, typed by its schema", () => {
    const facts = loadFactBase(DATA);
    for (const resource of facts.descriptor.resources) {
      // No file has a field that spans lines, so records = non-empty lines − header.
      const records = readFileSync(join(DATA, resource.path), "utf8").split("\n").filter((l) => l !== "").length - 1;
      assert.equal(facts.tables.get(resource.name)?.rows.length, records, resource.name);
    }
    const byId = new Map(facts.rows("mazars_figures").map((r) => [r.figure_id, r]));
    assert.equal(byId.get("deaths_total")?.value, 10306);
    assert.equal(byId.get("deaths_unexpected")?.value, 722);
    assert.equal(byId.get("deaths_total")?.denominator_id, null, "an empty cell is null");
  });
});

describe("loadFactBase rejects", () => {
  test("text in a number column", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "value", "four");
    assertRejected(dir, place, "value", 'expected a number, got "four"');
  });

  test("a missing column", () => {
    const dir = copyData();
    // Drop the column role (the second) from every line of leadership_terms.csv: neither of the first two columns is ever quoted.
    const text = lines(dir, "leadership_terms.csv").map((l) => l.replace(/^([^,"]+),[^,"]*,/, "$1,"));
    assert.equal(text[0], "term_id,person,start_event_id,end_event_id,note");
    writeFileSync(join(dir, "leadership_terms.csv"), text.join("\n"));
    assertRejected(dir, {file: "leadership_terms.csv", line: 1, column: 1}, undefined, /^missing column 'role' \(expected columns: term_id, role, person, start_event_id, end_event_id, note\)$/);
  });

  test("a column the schema does not know", () => {
    const dir = copyData();
    const text = lines(dir, "claims.csv").map((l, i) => (l === "" ? l : `${l},${i === 0 ? "verified" : "yes"}`));
    writeFileSync(join(dir, "claims.csv"), text.join("\n"));
    const header = at(text, 0, "lines");
    assertRejected(dir, {file: "claims.csv", line: 1, column: header.length - "verified".length + 1}, undefined, "unknown column 'verified'");
  });

  test("a category not in the list (enum)", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "service_group", "children");
    assertRejected(dir, place, "service_group", `"children" is not one of: all, adult mental health, learning disability, older people's mental health`);
  });

  test("a broken invariant: more learning-disability unexpected deaths investigated than there were", () => {
    const dir = copyData();
    const whole = cellValue(dir, "mazars_figures.csv", "ld_unexpected", "value");
    const more = String(Number(whole) + 1);
    const place = setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "value", more);
    assertRejected(dir, place, "value", `${more} is more than its whole, ld_unexpected = ${whole}`);
  });

  test("a broken invariant: more unexpected deaths than deaths reported", () => {
    const dir = copyData();
    const whole = cellValue(dir, "mazars_figures.csv", "deaths_reported_ulysses", "value");
    const more = String(Number(whole) + 500);
    const place = setCell(dir, "mazars_figures.csv", "deaths_unexpected", "value", more);
    assertRejected(dir, place, "value", `${more} is more than its whole, deaths_reported_ulysses = ${whole}`);
  });

  test("a figure with no source (empty source_id)", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "source_id", "");
    assertRejected(dir, place, "source_id", "is required but empty");
  });

  test("a source_id that is not in sources.csv", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "source_id", "no_such_page");
    assertRejected(dir, place, "source_id", `"no_such_page" does not exist in sources.source_id`);
  });

  test("a denominator that is not a figure", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "denominator_id", "ld_unexpectd");
    assertRejected(dir, place, "denominator_id", `"ld_unexpectd" does not exist in mazars_figures.figure_id`);
  });

  test("a duplicated key, at the second row", () => {
    const dir = copyData();
    const text = lines(dir, "events.csv");
    const first = at(text, 1, "lines");
    const id = at(first.split(","), 0, "fields");
    const body = text.filter((l) => l !== "");
    writeFileSync(join(dir, "events.csv"), [...body, first, ""].join("\n"));
    assertRejected(dir, {file: "events.csv", line: body.length + 1, column: 1}, "event_id", `duplicate key ${id} (first on line 2)`);
  });

  test("an empty file", () => {
    const dir = copyData();
    writeFileSync(join(dir, "claims.csv"), "");
    assertRejected(dir, {file: "claims.csv", line: 1, column: 1}, undefined, "the file is empty");
  });

  test("a file with a header and no rows", () => {
    const dir = copyData();
    writeFileSync(join(dir, "claims.csv"), `${lines(dir, "claims.csv")[0]}\n`);
    assertRejected(dir, {file: "claims.csv", line: 2, column: 1}, undefined, "the table has a header but no rows");
  });

  test("a missing file", () => {
    const dir = copyData();
    unlinkSync(join(dir, "trust_facts.csv"));
    assertRejected(dir, {file: "trust_facts.csv", line: 1, column: 1}, undefined, /^cannot be read: ENOENT/);
  });

  test("a truncated file, cut in the middle of a row", () => {
    const dir = copyData();
    const text = lines(dir, "events.csv").filter((l) => l !== "");
    const last = text.length; // line number of the last record
    // Keep the last record's first three fields (id, date, precision); the cut falls before the fourth comma.
    const fields = at(text, last - 1, "text").split(",");
    assert.ok(!fields.slice(0, 3).some((f) => f.includes('"')));
    const kept = fields.slice(0, 3).join(",");
    writeFileSync(join(dir, "events.csv"), [...text.slice(0, -1), kept].join("\n"));
    assertRejected(dir, {file: "events.csv", line: last, column: kept.length + 1}, undefined, /^expected 11 fields, found 3 /);
  });

  test("a truncated file, cut inside a quoted field", () => {
    const dir = copyData();
    const text = lines(dir, "mazars_figures.csv").filter((l) => l !== "");
    const last = text.length;
    const row = at(text, last - 1, "lines");
    const quote = row.indexOf(',"') + 1; // the opening quote of the first quoted field
    assert.ok(quote > 0, "the last row has a quoted field");
    writeFileSync(join(dir, "mazars_figures.csv"), [...text.slice(0, -1), row.slice(0, quote + 12)].join("\n"));
    assertRejected(dir, {file: "mazars_figures.csv", line: last, column: quote + 1}, undefined, "a quoted field is never closed (is the file truncated?)");
  });

  test("a negative count", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "value", "-4");
    assertRejected(dir, place, "value", "-4 is below the minimum 0");
  });

  test("a negative denominator in a comparator", () => {
    const dir = copyData();
    const place = setCell(dir, "comparators.csv", "guardian_ld_deaths_investigated", "denominator", "-1638");
    assertRejected(dir, place, "denominator", "-1638 is below the minimum 1");
  });

  test("a share above 100", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "amh_unexpected_investigated_pct", "value", "160");
    assertRejected(dir, place, "value", "a share of 160% is outside 0–100");
  });

  test("a numerator above its denominator", () => {
    const dir = copyData();
    const place = setCell(dir, "comparators.csv", "guardian_ld_deaths_investigated", "numerator", "1639");
    assertRejected(dir, place, "numerator", "1639 is more than its denominator 1638");
  });

  test("a day date whose precision says month", () => {
    const dir = copyData();
    const date = cellValue(dir, "events.csv", "2013_07_04_connor_dies", "date");
    assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
    setCell(dir, "events.csv", "2013_07_04_connor_dies", "date_precision", "month");
    // The date is what disagrees: the error points at it.
    const place = cellAt(dir, "events.csv", "2013_07_04_connor_dies", "date");
    assertRejected(dir, place, "date", `"${date}" is not a month (expected YYYY-MM)`);
  });

  test("a month date whose precision says day", () => {
    const dir = copyData();
    const place = setCell(dir, "events.csv", "2013_07_04_connor_dies", "date", "2013-07");
    assertRejected(dir, place, "date", `"2013-07" is not a day (expected YYYY-MM-DD)`);
  });

  test("a day that is not in the calendar", () => {
    const dir = copyData();
    // 2013 is not a leap year; JavaScript's Date.parse would silently read this as 2 March.
    const place = setCell(dir, "events.csv", "2013_07_04_connor_dies", "date", "2013-02-30");
    assertRejected(dir, place, "date", "2013-02-30 is not a calendar date");
  });

  test("a date with no precision", () => {
    const dir = copyData();
    const date = cellValue(dir, "sources.csv", "cqc_2015_02_25_rated_ri", "published");
    const place = setCell(dir, "sources.csv", "cqc_2015_02_25_rated_ri", "published_precision", "");
    assertRejected(dir, place, "published_precision", `is empty; say how precise the date ${date} is (year, month or day)`);
  });

  test("an unconfirmed rating given a value", () => {
    const dir = copyData();
    assert.equal(cellValue(dir, "cqc_ratings.csv", "2014_comprehensive_trust_safe", "status"), "unconfirmed");
    const place = setCell(dir, "cqc_ratings.csv", "2014_comprehensive_trust_safe", "rating", "good");
    assertRejected(dir, place, "rating", `an unconfirmed figure must be left as 'not found', not "good"`);
  });

  test("a 'not found' rating that claims to be final", () => {
    const dir = copyData();
    const place = setCell(dir, "cqc_ratings.csv", "2014_comprehensive_trust_safe", "status", "final");
    assertRejected(dir, place, "status", "a 'not found' rating is only allowed with status 'unconfirmed', not 'final'");
  });

  test("a final Mazars figure with its value left empty", () => {
    const dir = copyData();
    assert.equal(cellValue(dir, "mazars_figures.csv", "deaths_unexpected", "status"), "final");
    setCell(dir, "mazars_figures.csv", "deaths_unexpected", "value", "");
    const place = cellAt(dir, "mazars_figures.csv", "deaths_unexpected", "status");
    assertRejected(dir, place, "status", "an empty value is only allowed with status 'unconfirmed', not 'final'");
  });

  test("an unconfirmed Mazars figure given a value", () => {
    const dir = copyData();
    const value = cellValue(dir, "mazars_figures.csv", "ld_unexpected_investigated", "value");
    setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "status", "unconfirmed");
    const place = cellAt(dir, "mazars_figures.csv", "ld_unexpected_investigated", "value");
    assertRejected(dir, place, "value", `an unconfirmed figure must be left as an empty cell, not ${value}`);
  });

  test("a value that does not match its pattern", () => {
    const dir = copyData();
    const place = setCell(dir, "sources.csv", "autism_eye_4917", "url", "ftp://example.org/page");
    assertRejected(dir, place, "url", '"ftp://example.org/page" does not match the pattern https?://[^ ]+');
  });

  test("a term of office that ends before it starts", () => {
    const dir = copyData();
    const place = setCell(dir, "leadership_terms.csv", "petter_chair", "end_event_id", "2011_trust_formed");
    assertRejected(dir, place, "end_event_id", /^ends \(2011\) before it starts \(\d{4}/);
  });

  test("a value with a trailing space", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "value", "4 ");
    assertRejected(dir, place, "value", 'has leading or trailing spaces: "4 "');
  });
});

describe("loadFactBase accepts files as spreadsheets save them", () => {
  test("a byte-order mark and CRLF line endings in every file give identical rows", () => {
    const dir = copyData();
    const original = loadFactBase(DATA);
    for (const resource of original.descriptor.resources) {
      const text = readFileSync(join(dir, resource.path), "utf8");
      writeFileSync(join(dir, resource.path), `\ufeff${text.replace(/\n/g, "\r\n")}`);
      assert.ok(readFileSync(join(dir, resource.path), "utf8").includes("\r\n"));
    }
    const copy = loadFactBase(dir);
    for (const resource of original.descriptor.resources) {
      assert.deepEqual(copy.tables.get(resource.name)?.rows, original.tables.get(resource.name)?.rows, resource.name);
    }
  });

  test("errors in a BOM + CRLF file point at the same line and column", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "ld_unexpected_investigated", "value", "four");
    const text = readFileSync(join(dir, "mazars_figures.csv"), "utf8");
    writeFileSync(join(dir, "mazars_figures.csv"), `\ufeff${text.replace(/\n/g, "\r\n")}`);
    assertRejected(dir, place, "value", 'expected a number, got "four"');
  });
});

describe("the source policy: a record is only as strong as its sources", () => {
  test("a final figure that rests only on a secondary source", () => {
    const dir = copyData();
    assert.equal(cellValue(dir, "trust_facts.csv", "staff_2015", "source_id"), "autism_eye_4917");
    const place = setCell(dir, "trust_facts.csv", "staff_2015", "status", "final");
    assertRejected(dir, place, "status", /^'final' needs a primary document or original reporting as source_id, but "autism_eye_4917" is secondary/);
  });

  test("a final figure whose only source is a copy of another outlet's page", () => {
    const dir = copyData();
    setCell(dir, "sources.csv", "cqc_2015_02_25_rated_ri", "kind", "mirror");
    for (const [column, value] of [["copy_of", "another outlet's story"], ["copy_type", "reprint"], ["copy_of_kind", "original reporting"], ["copy_evidence", "compared"]] as const) {
      setCell(dir, "sources.csv", "cqc_2015_02_25_rated_ri", column, value);
    }
    // The trade press's rewrites of the release point at its row; as a mirror it is no longer their original.
    for (const id of ["hsj_rated_requires_improvement", "nhe_rated_requires_improvement"]) setCell(dir, "sources.csv", id, "copy_of_source_id", "");
    // Only this copy left: no further source that could carry the figure.
    for (const id of ["2014_comprehensive_trust_overall", "2014_comprehensive_trust_caring", "2014_comprehensive_trust_responsive"]) setCell(dir, "cqc_ratings.csv", id, "other_source_ids", "");
    const place = cellAt(dir, "cqc_ratings.csv", "2014_comprehensive_trust_overall", "status");
    assertRejected(dir, place, "status", /^'final' needs a primary document or original reporting as source_id, but "cqc_2015_02_25_rated_ri" is a reprint of another outlet's story \(original reporting\), which counts as mirror/);
  });

  test("a figure marked secondary although a primary document states it", () => {
    const dir = copyData();
    const place = setCell(dir, "mazars_figures.csv", "deaths_unexpected", "status", "secondary");
    assertRejected(dir, place, "status", /^'secondary' understates /);
  });

  test("a stronger source left among the further sources while a weaker one leads", () => {
    const dir = copyData();
    setCell(dir, "trust_facts.csv", "staff_2015", "other_source_ids", "cqc_2015_02_25_rated_ri");
    const place = cellAt(dir, "trust_facts.csv", "staff_2015", "source_id");
    assertRejected(dir, place, "source_id", /^"autism_eye_4917" is secondary while a further source, "cqc_2015_02_25_rated_ri", is primary document: cite the stronger source/);
  });

  test("a further source that is not in sources.csv", () => {
    const dir = copyData();
    const place = setCell(dir, "trust_facts.csv", "staff_2015", "other_source_ids", "no_such_source");
    assertRejected(dir, place, "other_source_ids", '"no_such_source" does not exist in sources.source_id');
  });

  test("a disagreement about a record that does not exist", () => {
    const dir = copyData();
    const first = at(at(lines(dir, "disagreements.csv"), 1, "lines").split(","), 0, "fields");
    const place = setCell(dir, "disagreements.csv", first, "record_id", "no_such_record");
    assertRejected(dir, place, "record_id", /^"no_such_record" does not exist in \w+\.\w+$/);
  });

  test("a source that nothing cites", () => {
    const dir = copyData();
    const text = lines(dir, "sources.csv");
    writeFileSync(join(dir, "sources.csv"), [...text.filter((l) => l !== ""), "unused_page,Example,Unused,https://example.org/unused,,,secondary,,,,,", ""].join("\n"));
    assertRejected(dir, {file: "sources.csv", line: text.filter((l) => l !== "").length + 1, column: 1}, "source_id", '"unused_page" is cited by no record; remove it or cite it');
  });
});

describe("copies, first publication and inference: a source is judged by what it copies", () => {
  /** Adds a source row to a copy of data/ and returns its line. */
  function addSource(dir: string, row: string): number {
    const text = lines(dir, "sources.csv").filter((l) => l !== "");
    writeFileSync(join(dir, "sources.csv"), [...text, row, ""].join("\n"));
    return text.length + 1;
  }
  const copied = (type: string, ofKind: string) => `copied_page,Example News,Copied,https://example.org/copied,,,original reporting,the original,${type},${ofKind},,compared word for word`;

  test("a final record whose lead source copies another outlet's story", () => {
    const dir = copyData();
    addSource(dir, copied("rewrite", "original reporting"));
    setCell(dir, "events.csv", "2016_04_14_licence_condition", "source_id", "copied_page");
    const place = cellAt(dir, "events.csv", "2016_04_14_licence_condition", "status");
    assertRejected(dir, place, "status", /^'final' needs a primary document or original reporting as source_id, but "copied_page" is a rewrite of the original \(original reporting\), which counts as secondary; mark it 'secondary' or cite a stronger source$/);
  });

  test("a reprint of a primary document that says so counts as that document; a rewrite of one, as reporting", () => {
    for (const type of ["reprint", "rewrite"]) {
      const dir = copyData();
      addSource(dir, copied(type, "primary document"));
      setCell(dir, "events.csv", "2016_04_14_licence_condition", "source_id", "copied_page");
      assert.doesNotThrow(() => loadFactBase(dir), type);
    }
  });

  test("a copy that does not say what it copies, or how it was found", () => {
    const dir = copyData();
    const place = setCell(dir, "sources.csv", "itv_2021_04_29_pascoe_hearing", "copy_type", "reprint");
    assertRejected(dir, {...place, column: cellAt(dir, "sources.csv", "itv_2021_04_29_pascoe_hearing", "copy_of").column}, "copy_of", /^is empty, but copy_type says that the page copies another's words/);
  });

  test("a mirror that does not say what it copies", () => {
    const dir = copyData();
    setCell(dir, "sources.csv", "itv_2021_04_29_pascoe_hearing", "kind", "mirror");
    assertRejected(dir, cellAt(dir, "sources.csv", "itv_2021_04_29_pascoe_hearing", "copy_type"), "copy_type", /^is empty, but "itv_2021_04_29_pascoe_hearing" is a mirror/);
  });

  test("a copy whose original in the record is not what it says", () => {
    const dir = copyData();
    const line = addSource(dir, `copied_page,Example News,Copied,https://example.org/copied,,,original reporting,the CQC's release,reprint,original reporting,cqc_2015_02_25_rated_ri,compared`);
    setCell(dir, "events.csv", "2016_04_14_licence_condition", "other_source_ids", "copied_page");
    const column = `copied_page,Example News,Copied,https://example.org/copied,,,original reporting,the CQC's release,reprint,`.length + 1;
    assertRejected(dir, {file: "sources.csv", line, column}, "copy_of_kind", 'says the original is original reporting, but "cqc_2015_02_25_rated_ri" is primary document');
  });

  test("a copied encyclopaedia or a content farm leading a record", () => {
    const dir = copyData();
    assert.match(cellValue(dir, "sources.csv", "masterjvbp_bbc_health_35156502", "url"), /masterjvbp\.com/);
    const place = setCell(dir, "events.csv", "2016_04_14_licence_condition", "source_id", "masterjvbp_bbc_health_35156502");
    assertRejected(dir, place, "source_id", /^"masterjvbp_bbc_health_35156502" is on masterjvbp\.com, a content farm re-serving BBC News articles: such a page may not lead a record/);
  });

  test("original reporting leading while the primary document waits among the further sources", () => {
    const dir = copyData();
    const place = setCell(dir, "events.csv", "2016_04_14_licence_condition", "source_id", "bbc_news_36199481");
    setCell(dir, "events.csv", "2016_04_14_licence_condition", "other_source_ids", "hansard_2016_05_03_lords");
    assertRejected(dir, place, "source_id", /^"bbc_news_36199481" is original reporting while a further source, "hansard_2016_05_03_lords", is primary document: cite the stronger source/);
  });

  test("a statement dated by its reprint, not when it was first published", () => {
    const dir = copyData();
    assert.ok(lines(dir, "statements.csv").find((l) => l.startsWith("cqc_warning_notice_statement,"))!.includes(",cqc_2016_04_06_warning_notice,"));
    const place = setCell(dir, "statements.csv", "cqc_warning_notice_statement", "date", "2016-04-28");
    assertRejected(dir, place, "date", /^2016-04-28 is later than "cqc_2016_04_06_warning_notice", published 2016-04-06, which prints it: date a statement when it was first said or published/);
  });

  test("a reporter's own sentence given as a statement", () => {
    const dir = copyData();
    const place = setCell(dir, "statements.csv", "percy_will_not_quit", "speaker", "Daily Echo");
    assertRejected(dir, place, "speaker", /^"Daily Echo" is the outlet that printed it \("daily_echo_chairman_resigns"\): a reporter's own sentences are not a statement$/);
  });

  test("an id that names a day its record does not hold", () => {
    const dir = copyData();
    setCell(dir, "events.csv", "2016_04_14_licence_condition", "date", "2016-04");
    setCell(dir, "events.csv", "2016_04_14_licence_condition", "date_precision", "month");
    const place = cellAt(dir, "events.csv", "2016_04_14_licence_condition", "event_id");
    assertRejected(dir, place, "event_id", /^names the date 2016-04-14, but its date is 2016-04: rename it/);
  });

  test("a note that cites a file that does not exist", () => {
    const dir = copyData();
    const place = setCell(dir, "events.csv", "2016_04_14_licence_condition", "date_note", "see disagreements-sources.csv");
    assertRejected(dir, place, "date_note", /^names the file disagreements-sources\.csv, which is not in /);
  });

  test("an inferred rating without a note that says why", () => {
    const dir = copyData();
    assert.equal(cellValue(dir, "cqc_ratings.csv", "2014_comprehensive_trust_caring", "note"), "");
    setCell(dir, "cqc_ratings.csv", "2014_comprehensive_trust_caring", "rating_basis", "inferred");
    const place = cellAt(dir, "cqc_ratings.csv", "2014_comprehensive_trust_caring", "note");
    assertRejected(dir, place, "note", 'an inferred rating needs a note beginning "Inferred:" that says why');
  });

  test("the real data: the January 2016 focused inspection's 'not published' is marked as an inference", () => {
    const facts = loadFactBase(DATA);
    const focused = facts.rows("cqc_ratings").find((r) => r.rating_id === "2016_focused_trust_overall")!;
    assert.equal(focused.rating, "not published");
    assert.equal(focused.rating_basis, "inferred");
    assert.ok(facts.rows("disagreements").some((d) => d.record_id === "2016_focused_trust_overall" && d.field === "rating"), "the contrary wording is a recorded disagreement");
  });
});
