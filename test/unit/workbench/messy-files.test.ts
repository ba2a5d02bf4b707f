/**
 * Messy files (written by test/helpers/messy-files.ts) opened the way the
 * SQL page opens them, through the DuckDB it ships (1.1.1, run in Node):
 * each becomes the table it should, with the sums, counts, types, names and
 * notes computed from the values the file was written from.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {before, test} from "node:test";
import * as Arrow from "apache-arrow";
import * as hyparquet from "hyparquet";
import {compressors} from "hyparquet-compressors";
import readXlsxFile from "read-excel-file/universal";
import {AnalystFiles, type AnalystTable, type Clash, type Progress} from "../../../src/components/workbench/files/analyst-files.js";
import {FileError} from "../../../src/components/workbench/files/file-readers.js";
import type {ReadXlsx} from "../../../src/components/workbench/files/excel-reader.js";
import type {FileStore, StoredFile} from "../../../src/components/workbench/files/file-store.js";
import {nodeReader, nodeRunner, openNodeDuckDB} from "../../helpers/duckdb-node.js";
import {emptyFile, europeanCsv, nestedJson, nestedParquet, oldWorkbook, singleSheetWorkbook, statisticsRelease, unicodeText, windows1252, windowsCsv, workbook, type MessyFile} from "../../helpers/messy-files.js";

type Db = Awaited<ReturnType<typeof openNodeDuckDB>>;
let db: Db;
before(async () => {
  db = await openNodeDuckDB();
});

function memoryStore(): FileStore {
  const files = new Map<string, {entry: StoredFile; file: File}>();
  return {
    persistent: false,
    list: async () => [...files.values()].map((f) => f.entry),
    // As the browser's store does, the copy has a name of its own.
    open: async (table) => new File([files.get(table)!.file], `${table}.data`),
    save: async (entry, file) => void files.set(entry.table, {entry, file: file as File}),
    update: async (entry) => void files.set(entry.table, {...files.get(entry.table)!, entry}),
    remove: async (table) => void files.delete(table)
  };
}

function workbench({onClash, onProgress = () => undefined}: {onClash?: (fileName: string, table: string, earlier: string) => Promise<Clash>; onProgress?: (progress: Progress | null) => void} = {}) {
  const runner = nodeRunner(db);
  const files = new AnalystFiles({
    runner,
    store: memoryStore(),
    openReader: async () => ({_db: nodeReader(db)}),
    arrow: async () => Arrow,
    parquet: async () => ({hyparquet, compressors}),
    excel: async () => readXlsxFile as unknown as ReadXlsx,
    reserved: (name) => name === "events",
    onProgress,
    onClash
  });
  const one = (sql: string) => at(runner.query(sql), 0, sql);
  return {files, runner, one};
}

function fileOf({name, buffer}: MessyFile): File {
  return new File([new Uint8Array(buffer)], name);
}

function types(table: AnalystTable): Record<string, string> {
  return Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
}

test("Excel's Windows-1252 CSV: £ and accents read, the encoding said, amounts as exact numbers", async () => {
  const {files, one} = workbench();
  const made = windowsCsv();
  const table = at(await files.open(fileOf(made.file)), 0, "table");
  assert.equal(table.table, made.table);
  assert.match(at(table.notes, 0, "notes"), /^Characters read as Windows-1252 .*\(detected\)\.$/);
  assert.equal(types(table).Spend, "BIGINT");
  assert.deepEqual(one(`SELECT sum(Spend)::BIGINT, count(*)::INTEGER, min(Trust) FROM ${made.table}`), [BigInt(made.totalSpend), made.rows.length, [...made.rows.map((r) => r.trust)].sort()[0]]);
  assert.ok(table.notes.some((n) => /Read as numbers.*“Spend” \(BIGINT\)/.test(n)), table.notes.join("\n"));
});

test("Excel's Unicode text (UTF-16, tabs), little- and big-endian", async () => {
  for (const bigEndian of [false, true]) {
    const {files, one} = workbench();
    const made = unicodeText(bigEndian ? "Décès BE.txt" : undefined, bigEndian);
    const table = at(await files.open(fileOf(made.file)), 0, "table");
    assert.match(at(table.notes, 0, "notes"), bigEndian ? /UTF-16 BE/ : /UTF-16 LE/);
    assert.deepEqual(table.columns.map((c) => c.name), ["Trust", "Décès"]);
    assert.deepEqual(one(`SELECT sum("Décès")::INTEGER, max(Trust) FROM ${table.table}`), [made.totalDeaths, [...made.rows.map((r) => r.trust)].sort().at(-1)]);
  }
});

test("a statistics release: title lines and the source note left out and said; numbers as written; marks as NULL and counted", async () => {
  const {files, one} = workbench();
  const made = statisticsRelease();
  const table = at(await files.open(fileOf(made.file)), 0, "table");
  assert.equal(table.text?.headerLine, made.headerLine);
  assert.deepEqual(table.columns.map((c) => c.name), ["Trust", "Deaths", "Rate", "Code"]);
  assert.equal(table.rows, made.rows.length);
  const layout = table.notes.find((n) => n.startsWith("Left out"));
  assert.match(layout ?? "", /^Left out 2 lines above the header and 1 below the data \(above: “Table 3: Deaths reported by trust”, “England, 2015\/16 \(provisional\)”; below: “Source: Example statistics release”\)/);
  assert.equal(types(table).Deaths, "BIGINT");
  assert.equal(types(table).Rate, "DECIMAL(18,1)");
  assert.equal(types(table).Code, "VARCHAR", "codes with leading zeros stay text");
  assert.deepEqual(one(`SELECT sum(Deaths)::BIGINT, count(Deaths)::INTEGER, sum(Rate)::VARCHAR FROM ${made.table}`), [BigInt(made.deathsSum), made.deathsCount, made.rateSum.toFixed(1)]);
  const marks = table.notes.find((n) => n.startsWith("Read as NULL"));
  for (const [mark, cells] of made.marks) assert.match(marks ?? "", new RegExp(`“${mark.replace(/[.*[\]]/g, "\\$&")}” in ${cells} cell`));
  assert.ok(table.notes.some((n) => /38\.0% is 38\.0/.test(n)));
});

test("the analyst sets the header line, and the file is read again from it (or told why not)", async () => {
  const {files} = workbench();
  const made = statisticsRelease("Release again.csv");
  const first = at(await files.open(fileOf(made.file)), 0, "first");
  // The first data row as the header: its values name the columns, and one row fewer is left.
  const again = await files.setReading(first.table, {headerLine: made.headerLine + 1});
  assert.equal(again.text?.headerLine, made.headerLine + 1);
  assert.equal(at(again.columns, 0, "columns").name, at(made.rows, 0, "rows").trust);
  assert.equal(again.rows, made.rows.length - 1);
  // The title line as the header: the next line does not have its fields, and the error says where.
  await assert.rejects(files.setReading(first.table, {headerLine: 1}), /^FileError: Release again\.csv, line 2: this row has 2 fields where the header \(line 1\) has 4/);
  assert.equal(files.tables.get(first.table)!.text?.headerLine, made.headerLine + 1, "the table is as it was");
  const back = await files.setReading(first.table, {headerLine: undefined});
  assert.equal(back.text?.headerLine, made.headerLine);
  assert.equal(back.rows, made.rows.length);
});

test("choosing another encoding reads the file again with it", async () => {
  const {files, one} = workbench();
  const made = windowsCsv("Chosen.csv");
  const table = at(await files.open(fileOf(made.file)), 0, "table");
  const asMac = await files.setReading(table.table, {encoding: "macintosh"});
  assert.match(at(asMac.notes, 0, "notes"), /Mac Roman .*\(your choice; detected: Windows-1252/);
  // In Mac Roman, byte 0xA3 is still "£" but 0xE9 is "È", not "é": the choice is applied, and the file read.
  assert.equal(one(`SELECT count(*) FILTER (WHERE Trust LIKE '%Caf\u00c8%')::INTEGER FROM chosen`)[0], made.rows.length);
});

test("a European file: semicolons, decimal commas, dots between thousands, day-first dates, accented name", async () => {
  const {files, one} = workbench();
  const made = europeanCsv();
  const table = at(await files.open(fileOf(made.file)), 0, "table");
  assert.equal(table.table, "deces_a_l_hopital_2016_v2");
  assert.deepEqual(types(table), {"Établissement": "VARCHAR", "Coût": "DECIMAL(18,2)", Ratio: "DECIMAL(18,1)", Jour: "DATE"});
  assert.deepEqual(one(`SELECT sum("Coût")::VARCHAR, min(Jour)::VARCHAR FROM ${made.table}`), [made.costSum.toFixed(2), "2016-02-01"]);
});

test("nested JSON arrives as STRUCT and LIST, with integers past 2^53 exact", async () => {
  const {files, one} = workbench();
  const made = nestedJson();
  const table = at(await files.open(fileOf(made.file)), 0, "table");
  assert.deepEqual(types(table), {id: "BIGINT", count: "BIGINT", trust: "STRUCT(\"name\" VARCHAR, code VARCHAR)", sites: "VARCHAR[]"});
  assert.deepEqual(one(`SELECT sum(id)::VARCHAR, max(t.trust.name), (SELECT count(*)::INTEGER FROM (SELECT unnest(sites) FROM trusts)) FROM trusts AS t`), [String(made.idSum), [...made.rows.map((r) => r.trust.name)].sort().at(-1), made.siteCount]);
  assert.equal(one(`SELECT id::VARCHAR FROM trusts LIMIT 1`)[0], String(at(made.rows, 0, "rows").id));
});

test("Parquet keeps STRUCT, LIST, an exact DECIMAL and microseconds", async () => {
  const {files, one} = workbench();
  const made = nestedParquet();
  const table = at(await files.open(fileOf(made.file)), 0, "table");
  assert.deepEqual(types(table), {amount: "DECIMAL(10,3)", paid_at: "TIMESTAMP", payee: "STRUCT(\"name\" VARCHAR, code VARCHAR)", tags: "VARCHAR[]"});
  assert.deepEqual(one(`SELECT sum(amount)::VARCHAR, (SELECT count(*)::INTEGER FROM (SELECT unnest(tags) FROM payments)), max(payee.name) FROM payments`), [made.amountSum, made.tagCount, [...made.rows.map((r) => r.payee.name)].sort().at(-1)]);
  assert.equal(one(`SELECT epoch_us(paid_at)::VARCHAR FROM payments ORDER BY paid_at LIMIT 1`)[0], String(at(made.rows, 0, "rows").micros));
});

test("an Excel workbook: each sheet a table, title rows left out, dates as dates, a '*' as NULL", async () => {
  const {files, one} = workbench();
  const made = workbook();
  const tables = await files.open(fileOf(made.file));
  assert.deepEqual(tables.map((t) => t.table), made.tables);
  const deaths = at(tables, 0, "tables");
  assert.deepEqual(types(deaths), {Trust: "VARCHAR", Date: "DATE", Deaths: "BIGINT"});
  assert.match(deaths.notes.join(" "), /Left out 1 row above the header/);
  assert.match(deaths.notes.join(" "), /“\*” in 1 cell/);
  assert.deepEqual(one(`SELECT sum(Deaths)::INTEGER, min(Date)::VARCHAR, count(Deaths)::INTEGER FROM ${made.tables[0]}`), [made.deathsSum, made.firstDay, made.rows.filter((r) => r.deaths !== null).length]);
  const single = workbench();
  const beds = singleSheetWorkbook();
  const bedsTable = at(await single.files.open(fileOf(beds.file)), 0, "bedsTable");
  assert.equal(bedsTable.table, beds.table);
  assert.equal(single.one(`SELECT sum(Beds)::INTEGER FROM beds`)[0], beds.bedsSum);
});

test("an empty file and an old .xls are refused by name, with what to do; no table is made", async () => {
  const {files} = workbench();
  await assert.rejects(files.open(fileOf(emptyFile())), (e: unknown) => e instanceof FileError && e.message === "Nothing here.csv: this file is empty: it has no lines, so no table was made.");
  await assert.rejects(files.open(fileOf(oldWorkbook())), /^FileError: Budget 2015\.xls: this is an old Excel workbook \(\.xls\).*save it as “CSV UTF-8” or as an Excel workbook \(\.xlsx\)/);
  assert.equal(files.tables.size, 0);
});

test("a second file with a taken name: replaced, or kept beside as name_2, as the analyst answers", async () => {
  const answers: Clash[] = ["keep", "replace"];
  const asked: string[] = [];
  const {files, one} = workbench({onClash: async (fileName, table, earlier) => (asked.push(`${fileName}|${table}|${earlier}`), answers.shift()!)});
  const made = windowsCsv("Clash.csv");
  await files.open(fileOf(made.file));
  const kept = at(await files.open(fileOf(made.file)), 0, "kept");
  assert.equal(kept.table, "clash_2");
  const replaced = at(await files.open(fileOf(windowsCsv("clash.csv").file)), 0, "replaced");
  assert.equal(replaced.table, "clash");
  assert.deepEqual(asked, ["Clash.csv|clash|Clash.csv", "clash.csv|clash|Clash.csv"]);
  assert.equal(one("SELECT count(*)::INTEGER FROM clash")[0], made.rows.length);
});

test("a type override says how many values would not convert, and changes nothing; one that converts keeps every value", async () => {
  const {files, one} = workbench();
  const made = statisticsRelease("Override.csv");
  const table = at(await files.open(fileOf(made.file)), 0, "table");
  await assert.rejects(
    files.setType(table.table, "Trust", "BIGINT"),
    (e: unknown) => e instanceof FileError && new RegExp(`^Override\\.csv: ${made.rows.length} values of “Trust” cannot be read as whole numbers \\(for example “Avon and Wiltshire”, “Berkshire Healthcare”, “Dorset HealthCare”\\), so the column was not changed`).test(e.message)
  );
  assert.equal(at(files.tables.get(table.table)!.columns, 0, "columns").type, "VARCHAR");
  // Deaths as DOUBLE: the marks are NULL and said; every number is kept.
  const asDouble = await files.setType(table.table, "Deaths", "DOUBLE");
  assert.equal(types(asDouble).Deaths, "DOUBLE");
  assert.ok(asDouble.notes.some((n) => /^Read as NULL .*in “Deaths”/.test(n)));
  assert.deepEqual(one("SELECT sum(Deaths)::BIGINT, count(Deaths)::INTEGER FROM override"), [BigInt(made.deathsSum), made.deathsCount]);
  // And as text again: every cell as written.
  const asText = await files.setType(table.table, "Deaths", "VARCHAR");
  assert.equal(types(asText).Deaths, "VARCHAR");
  assert.equal(one(`SELECT count(*) FILTER (WHERE Deaths LIKE '%,%')::INTEGER FROM override`)[0], made.rows.filter((r) => !r.mark && !r.empty && r.deaths! >= 1000).length);
});

test("a ragged row is named by its line in the file, counting the lines above the header", async () => {
  const {files} = workbench();
  const text = "Title of the table\n\na,b,c\n1,2,3\n4,5,6,7\n";
  await assert.rejects(files.open(new File([text], "Ragged.csv")), (e: unknown) => e instanceof FileError && e.line === 5 && /^Ragged\.csv, line 5: this row has 4 fields where the header \(line 3\) has 3/.test(e.message));
});

test("a Windows byte past the first megabyte (after plain ASCII) still makes the file Windows-1252, not broken text", async () => {
  const {files, one} = workbench();
  const lines = ["id,name"];
  for (let i = 0; i < 60_000; ++i) lines.push(`${i},row number ${i}`);
  lines.push("60000,Caf\u00e9 \u00a3");
  const table = at(await files.open(new File([new Uint8Array(windows1252(lines.join("\r\n") + "\r\n"))], "Late byte.csv")), 0, "table");
  assert.match(at(table.notes, 0, "notes"), /^Characters read as Windows-1252/);
  assert.equal(table.rows, 60_001);
  assert.equal(one("SELECT name FROM late_byte WHERE id = 60000")[0], "Caf\u00e9 \u00a3");
});

test("the progress bar moves with the bytes read, from the check of the characters to the last rows", async () => {
  const seen: number[] = [];
  const {files} = workbench({onProgress: (progress) => void (progress?.fraction && seen.push(progress.fraction))});
  // Over a megabyte of UTF-8 without a byte-order mark, so the whole file is checked before DuckDB reads it; fewer rows than one chunk.
  const rows = Array.from({length: 120_000}, (_, i) => `${i},ward ${i % 40},${(i * 7) % 1000}.5`);
  const table = at(await files.open(new File([["id,ward,value", ...rows].join("\n")], "wards.csv")), 0, "table");
  assert.equal(table.rows, rows.length);
  assert.ok(seen.every((f, i) => i === 0 || f > at(seen, i - 1, "progress")), `progress went back: ${seen.join(", ")}`);
  assert.ok(seen.some((f) => f <= 0.05), `the check of the characters moved nothing: ${seen.join(", ")}`);
  assert.ok(seen.filter((f) => f > 0.05).length >= 10, `DuckDB's reading moved the bar ${seen.filter((f) => f > 0.05).length} times`);
  assert.ok(seen.every((f) => f < 1));
});

test("the CSV reader is closed once no load waits for it, giving back its memory, and opened again for the next CSV", async () => {
  const runner = nodeRunner(db);
  let opened = 0;
  let ended = 0;
  const files = new AnalystFiles({
    runner,
    store: memoryStore(),
    openReader: async () => {
      ++opened;
      return {_db: {...nodeReader(db), terminate: async () => void ++ended}};
    },
    arrow: async () => Arrow,
    parquet: async () => ({hyparquet, compressors}),
    reserved: () => false,
    onProgress: () => undefined
  });
  const csv = (name: string) => new File([`a,b\n1,2\n3,4\n`], name);
  // Two files dropped together share one reader, closed after the second.
  await Promise.all([files.open(csv("first.csv")), files.open(csv("second.csv"))]);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual({opened, ended}, {opened: 1, ended: 1});
  await files.open(csv("third.csv"));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual({opened, ended}, {opened: 2, ended: 2});
  assert.equal(at(runner.query("SELECT sum(a)::INTEGER FROM third"), 0, "rows")[0], 4);
});
