/** Table names from file names, and quoting in the SQL the workbench writes. */
import assert from "node:assert/strict";
import {test} from "node:test";
import {freeTableName, quoteIdentifier, quoteString, tableNameForFile, tablesMentioned} from "../../../src/components/workbench/sql-identifiers.js";

test("a file's table is its name in lower case, without the extension, other characters as _", () => {
  assert.equal(tableNameForFile("My Data (2016).csv"), "my_data_2016");
  assert.equal(tableNameForFile("FOI-response_Deaths  2011–2015.xlsx.csv"), "foi_response_deaths_2011_2015_xlsx");
  assert.equal(tableNameForFile("C:\\Users\\me\\Downloads\\Ratings.parquet"), "ratings");
  assert.equal(tableNameForFile("données.json"), "donnees", "accents are folded");
  assert.equal(tableNameForFile("Décès à l'hôpital 2016 (v2).csv"), "deces_a_l_hopital_2016_v2");
  assert.equal(tableNameForFile("Straße Øresund Œuvre.csv"), "strasse_oresund_oeuvre");
  // Names SQL could not take unquoted get a prefix.
  assert.equal(tableNameForFile("2016 deaths.csv"), "t_2016_deaths");
  assert.equal(tableNameForFile("(1).csv"), "t_1");
  assert.equal(tableNameForFile("£££.csv"), "t");
});

test("a name already taken gets a number", () => {
  const taken = new Set(["events", "events_2"]);
  assert.equal(freeTableName("events", (n) => taken.has(n)), "events_3");
  assert.equal(freeTableName("mine", (n) => taken.has(n)), "mine");
});

test("quoting doubles the quote characters", () => {
  assert.equal(quoteIdentifier('a "b"'), '"a ""b"""');
  assert.equal(quoteString("it's"), "'it''s'");
});

test("the tables a query mentions are found as words, in any case", () => {
  assert.deepEqual(tablesMentioned("SELECT * FROM My_Data_2016 JOIN events USING (id)", ["my_data_2016", "other", "data"]), ["my_data_2016"]);
  assert.deepEqual(tablesMentioned("SELECT 'other_table'", ["other"]), []);
});
