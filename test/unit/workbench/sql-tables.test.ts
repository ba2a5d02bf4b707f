import {test} from "node:test";
import assert from "node:assert/strict";
import {tablesNamed} from "../../../src/components/workbench/sql-tables.js";

const TABLES = ["deaths", "notes", "my table"];

test("a table named as a word or a whole quoted identifier counts, in any case", () => {
  assert.deepEqual(tablesNamed(`SELECT * FROM Notes JOIN "my table" USING (id)`, TABLES), ["notes", "my table"]);
  assert.deepEqual(tablesNamed(`SELECT * FROM "DEATHS"`, TABLES), ["deaths"]);
});

test("words inside strings, comments and quoted column names do not", () => {
  assert.deepEqual(tablesNamed(`SELECT "Deaths (2015/16)", 'deaths' AS w, $$notes$$ FROM other -- deaths\n/* notes */`, TABLES), []);
  assert.deepEqual(tablesNamed(`SELECT 'it''s deaths' FROM notes`, TABLES), ["notes"]);
  assert.deepEqual(tablesNamed(`SELECT "a ""deaths"" b" FROM x`, TABLES), []);
});
