/** The SQL that browsing a table makes: filters, search, sort and facet counts. */
import assert from "node:assert/strict";
import {test} from "node:test";
import {browseSql, distributionColumns, distributionSql, facetColumns, facetCountsSql, filterCondition, searchCondition, toggleFilter, type BrowseColumn, type BrowseState} from "../../../src/components/workbench/browse-sql.js";

const columns: BrowseColumn[] = [
  {name: "category", type: "VARCHAR"},
  {name: "year", type: "BIGINT"},
  {name: "date_from", type: "DATE"},
  {name: "flag", type: "BOOLEAN"},
  {name: "tags", type: "VARCHAR[]"}
];
const base: BrowseState = {table: "events", columns, filters: [], search: "", sort: null};

test("a filter is written as an analyst would write it for the column's type", () => {
  assert.equal(filterCondition({column: "category", value: "it's"}, columns), `"category" = 'it''s'`);
  assert.equal(filterCondition({column: "year", value: "2016"}, columns), `"year" = 2016`);
  assert.equal(filterCondition({column: "date_from", value: "2016-04-28"}, columns), `"date_from" = DATE '2016-04-28'`);
  assert.equal(filterCondition({column: "flag", value: "true"}, columns), `"flag" = BOOLEAN 'true'`);
  assert.equal(filterCondition({column: "tags", value: "[a]"}, columns), `"tags"::VARCHAR = '[a]'`);
  assert.equal(filterCondition({column: "category", value: null}, columns), `"category" IS NULL`);
  // A value that is not a number is never put in the SQL unquoted.
  assert.equal(filterCondition({column: "year", value: "1; DROP TABLE x"}, columns), `"year"::VARCHAR = '1; DROP TABLE x'`);
});

test("the search looks in every text column, with LIKE's wildcards taken literally", () => {
  assert.equal(searchCondition("  ", columns), null);
  assert.equal(searchCondition("50%_off", columns.slice(0, 1)), `"category" ILIKE '%50\\%\\_off%' ESCAPE '\\'`);
});

test("filters, search and sort make one readable query", () => {
  const state: BrowseState = {...base, filters: [{column: "category", value: "death"}], search: "Mazars", sort: {column: "year", descending: true}};
  assert.equal(
    browseSql(state),
    `SELECT *\nFROM "events"\nWHERE "category" = 'death'\n  AND "category" ILIKE '%Mazars%' ESCAPE '\\'\nORDER BY "year" DESC NULLS LAST\nLIMIT 1000`
  );
  assert.equal(browseSql(base), `SELECT *\nFROM "events"\nLIMIT 1000`);
});

test("facets are the columns with few values, and any filtered column; each ignores its own filter", () => {
  const distinct = new Map([["category", 12], ["year", 500], ["date_from", 1], ["flag", 2], ["tags", 40]]);
  assert.deepEqual(facetColumns(columns, distinct, []), ["category", "flag"]);
  assert.deepEqual(facetColumns(columns, distinct, [{column: "year", value: "2016"}]), ["category", "year", "flag"]);
  const sql = facetCountsSql({...base, filters: [{column: "category", value: "death"}, {column: "flag", value: "true"}]}, ["category", "flag"]);
  const [category = "", flag = ""] = sql.split("UNION ALL");
  assert.match(category, /WHERE "flag" = BOOLEAN 'true'/);
  assert.doesNotMatch(category, /"category" = 'death'/);
  assert.match(flag, /WHERE "category" = 'death'/);
});

test("a click adds a value, a second click takes it off, another value of the column replaces it", () => {
  let filters = toggleFilter([], {column: "category", value: "death"});
  assert.deepEqual(filters, [{column: "category", value: "death"}]);
  filters = toggleFilter(filters, {column: "category", value: "report"});
  assert.deepEqual(filters, [{column: "category", value: "report"}]);
  assert.deepEqual(toggleFilter(filters, {column: "category", value: "report"}), []);
});

test("numbers and dates that are not facets get a sampled distribution under the same filters", () => {
  assert.deepEqual(distributionColumns(columns, ["flag"]), ["year", "date_from"]);
  assert.deepEqual(distributionColumns(columns, ["year"]), ["date_from"]);
  const sql = distributionSql({...base, filters: [{column: "category", value: "death"}]}, "year");
  assert.match(sql, /SELECT "year"::DOUBLE AS value FROM "events" WHERE "category" = 'death' AND "year" IS NOT NULL\) USING SAMPLE reservoir\(2000 ROWS\)/);
});
