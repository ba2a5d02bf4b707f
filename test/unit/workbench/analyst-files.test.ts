/**
 * Opening analysts' files, with a scripted database and storage: names, the
 * size limits, a tab running out of memory, and a failed load leaving no
 * half table and nothing stored.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {test} from "node:test";
import * as Arrow from "apache-arrow";
import {AnalystFiles} from "../../../src/components/workbench/files/analyst-files.js";
import type {QueryRunner} from "../../../src/components/workbench/duckdb-runner.js";
import {FileError} from "../../../src/components/workbench/files/file-readers.js";
import type {FileStore, StoredFile} from "../../../src/components/workbench/files/file-store.js";

function fakes({failInsert}: {failInsert?: Error} = {}) {
  const statements: string[] = [];
  const inserted: string[] = [];
  const stored = new Map<string, StoredFile>();
  const runner = {
    inspect: async (sql: string) => {
      statements.push(sql);
      if (sql.startsWith("SELECT column_name")) return {columns: [], rows: [["a", "INTEGER", 2n]], capped: false};
      return {columns: [], rows: [], capped: false};
    },
    insertArrow: async (table: string) => {
      if (failInsert) throw failInsert;
      inserted.push(table);
    },
    onRestart: () => undefined
  } as unknown as QueryRunner;
  const store: FileStore = {
    persistent: true,
    list: async () => [...stored.values()],
    open: async () => {
      throw new Error("not stored");
    },
    save: async (entry) => void stored.set(entry.table, entry),
    update: async () => undefined,
    remove: async (table) => void stored.delete(table)
  };
  const files = new AnalystFiles({
    runner,
    store,
    openReader: async () => {
      throw new Error("no CSV in these tests");
    },
    arrow: async () => Arrow,
    parquet: async () => {
      throw new Error("no Parquet in these tests");
    },
    reserved: (name) => name === "events",
    onProgress: () => undefined
  });
  return {files, statements, inserted, stored};
}

function jsonFile(name: string, text: string): File {
  return new File([text], name);
}

test("a file becomes a table named after it, loaded under a temporary name and then renamed", async () => {
  const {files, statements, inserted, stored} = fakes();
  const table = at(await files.open(jsonFile("My Data (2016).json", '[{"a": 1}, {"a": 2}]')), 0, "table");
  assert.equal(table.table, "my_data_2016");
  assert.equal(table.rows, 2);
  assert.deepEqual(inserted, ["__loading_my_data_2016"]);
  assert.ok(statements.includes(`ALTER TABLE "__loading_my_data_2016" RENAME TO "my_data_2016"`));
  assert.deepEqual([...stored.keys()], ["my_data_2016"]);
  // The fact base's names are never taken.
  assert.equal(at(await files.open(jsonFile("events.json", '[{"a": 1}]')), 0, "tables").table, "events_2");
});

test("a file past the size limit is refused with its size, before anything is read", async () => {
  const {files, inserted} = fakes();
  // A file that says it is 300 MB (no need to make one): the limit is checked before it is read.
  const huge = new File(["[]"], "huge.json");
  Object.defineProperty(huge, "size", {value: 300 * 2 ** 20});
  await assert.rejects(files.open(huge), (error: unknown) => error instanceof FileError && /^huge\.json: at 300 MB this file is too big for a browser tab/.test(error.message));
  assert.deepEqual(inserted, []);
});

test("running out of memory while loading says so, and leaves no half table and nothing stored", async () => {
  const {files, statements, stored} = fakes({failInsert: new Error("Out of Memory Error: could not allocate block of size 256 KiB")});
  await assert.rejects(files.open(jsonFile("big.json", '[{"a": 1}]')), /big\.json: this file \(1 MB\) is too big for the memory of this browser tab/);
  assert.equal(statements.at(-1), `DROP TABLE IF EXISTS "__loading_big"`);
  assert.equal(stored.size, 0);
  assert.equal(files.tables.size, 0);
});

test("an unknown kind of file is refused by name", async () => {
  const {files} = fakes();
  await assert.rejects(files.open(jsonFile("budget.docx", "PK")), /budget\.docx: this kind of file cannot be opened here/);
  await assert.rejects(files.open(jsonFile("budget.ods", "PK")), /budget\.ods: this spreadsheet format cannot be read here\. Save it as “CSV UTF-8” or as an Excel workbook \(\.xlsx\)/);
});
