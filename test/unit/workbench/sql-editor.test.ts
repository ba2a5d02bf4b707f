/** Keyboard and sort rules of the workbench's editor and result table. */
import assert from "node:assert/strict";
import {test} from "node:test";
import {nextSort} from "../../../src/components/workbench/result-table.js";
import {errorMessage, isRunShortcut} from "../../../src/components/workbench/sql-editor.js";

test("Ctrl+Enter and Cmd+Enter run; Enter alone is a new line", () => {
  assert.equal(isRunShortcut({key: "Enter", ctrlKey: true, metaKey: false}), true);
  assert.equal(isRunShortcut({key: "Enter", ctrlKey: false, metaKey: true}), true);
  assert.equal(isRunShortcut({key: "Enter", ctrlKey: false, metaKey: false}), false);
  assert.equal(isRunShortcut({key: "e", ctrlKey: true, metaKey: false}), false);
  assert.equal(isRunShortcut({key: "Enter", ctrlKey: true, metaKey: false, altKey: true}), false);
});

test("a header sorts its column up first, then flips", () => {
  assert.deepEqual(nextSort(null, 2), {column: 2, direction: "ascending"});
  assert.deepEqual(nextSort({column: 2, direction: "ascending"}, 2), {column: 2, direction: "descending"});
  assert.deepEqual(nextSort({column: 2, direction: "descending"}, 2), {column: 2, direction: "ascending"});
  assert.deepEqual(nextSort({column: 2, direction: "descending"}, 0), {column: 0, direction: "ascending"});
});

test("DuckDB's message is shown as DuckDB wrote it, with a hint where it needs one", () => {
  assert.equal(errorMessage(new Error('Catalog Error: Table with name nope does not exist!')), "Catalog Error: Table with name nope does not exist!");
  assert.equal(errorMessage(new Error("Error: Parser Error: syntax error at or near \"SELEC\"")), 'Parser Error: syntax error at or near "SELEC"');
  assert.match(errorMessage(new Error("Error: Invalid Error: PendingQuery can only take a single statement")), /^Invalid Error: PendingQuery can only take a single statement\n\nRun one statement at a time/);
  assert.equal(errorMessage("a string"), "a string");
});
