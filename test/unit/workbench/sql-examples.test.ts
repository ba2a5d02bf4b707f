/**
 * The workbench's example queries: the analysts' guide quotes each one as it
 * is, and each reads only tables that the workbench loads.
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {SQL_EXAMPLES} from "../../../src/components/workbench/sql-examples.js";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {tableNames} from "../../../src/lib/delivery/tables.js";
import {projectRoot} from "../../helpers/site.js";

test("docs/analysts.md quotes every example query exactly", () => {
  const guide = readFileSync(join(projectRoot, "docs", "analysts.md"), "utf8");
  for (const example of SQL_EXAMPLES) {
    assert.ok(guide.includes("```sql\n" + example.sql + "\n```"), `the guide's copy of '${example.id}' differs from the page's`);
    assert.ok(guide.includes(example.question), `the guide lacks the question of '${example.id}'`);
  }
});

test("examples read only the tables the workbench loads", () => {
  const tables = new Set(tableNames(loadFactBase()));
  const explore = readFileSync(join(projectRoot, "src", "explore.md"), "utf8");
  for (const name of tables) assert.match(explore, new RegExp(`\\b${name}: FileAttachment\\("data/${name}\\.arrow"\\)`), `the page loads ${name}`);
  for (const example of SQL_EXAMPLES) {
    const code = example.sql.replace(/--.*$/gm, "");
    const read = [...code.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/gi)].flatMap((m) => m[1] ?? []);
    assert.ok(read.length > 0, example.id);
    for (const name of read) assert.ok(tables.has(name), `'${example.id}' reads '${name}', which is not a table`);
  }
  assert.equal(new Set(SQL_EXAMPLES.map((e) => e.id)).size, SQL_EXAMPLES.length, "example ids are unique");
});

test("the examples' comments quote no figure: numbers come from the tables, with their sources", () => {
  for (const example of SQL_EXAMPLES) {
    const comments = [...example.sql.matchAll(/--.*$/gm)].map((m) => m[0]);
    assert.deepEqual(comments.filter((c) => /\d/.test(c)), [], `'${example.id}' quotes a number in a comment`);
    // A date the query needs is read from its sourced row, never typed in.
    assert.doesNotMatch(example.sql, /DATE\s*'\d{4}-\d{2}-\d{2}'/, `'${example.id}' types a date`);
  }
});

test("the event ids an example names exist", () => {
  const events = new Set(loadFactBase().rows("events").map((e) => e.event_id));
  const named = SQL_EXAMPLES.flatMap((example) => [...example.sql.matchAll(/event_id = '([a-z0-9_]+)'/g)].flatMap((m) => (m[1] === undefined ? [] : [[example.id, m[1]] as const])));
  assert.ok(named.length > 0, "an example names events");
  for (const [example, id] of named) assert.ok(events.has(id), `'${example}' names the unknown event ${id}`);
});
