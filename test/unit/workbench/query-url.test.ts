/** The query in the URL fragment: whatever an analyst writes comes back exactly. */
import assert from "node:assert/strict";
import {test} from "node:test";
import {hashForQuery, queryFromHash} from "../../../src/components/workbench/query-url.js";

test("queries round-trip through the fragment, whatever they contain", () => {
  const queries = [
    "SELECT 1",
    "SELECT * FROM events\nWHERE event LIKE '%Mazars%' -- a comment #1",
    "SELECT '100%' AS a, 'x&y=z' AS b, '#sql=' AS c, 1 + 2 AS d",
    "SELECT 'Südwest – “quoted” 😀' AS unicode",
    "SELECT '<img src=x onerror=alert(1)>'",
    ""
  ];
  for (const sql of queries) {
    const hash = hashForQuery(sql);
    assert.match(hash, /^#sql=[A-Za-z0-9%\-_.!~*'()]*$/, "only characters a URL carries safely");
    assert.deepEqual(queryFromHash(hash), {sql});
  }
});

test("the fragment is encodeURIComponent, so links made elsewhere work", () => {
  assert.equal(hashForQuery("SELECT 1 + 1"), "#sql=SELECT%201%20%2B%201");
  assert.deepEqual(queryFromHash(`#sql=${encodeURIComponent("SELECT 'a b'")}`), {sql: "SELECT 'a b'"});
  assert.deepEqual(queryFromHash("sql=SELECT%202"), {sql: "SELECT 2"}, "a fragment without its #");
  assert.deepEqual(queryFromHash("#sql=SELECT+2"), {sql: "SELECT+2"}, "+ is a plus sign, not a space");
});

test("no query, or a broken one, is told apart from a query", () => {
  assert.equal(queryFromHash(""), null);
  assert.equal(queryFromHash("#"), null);
  assert.equal(queryFromHash("#tables"), null);
  const broken = queryFromHash("#sql=SELECT%2");
  assert.ok(broken && "error" in broken, "a cut-off escape is an error, not a half-decoded query");
});

test("a query over an analyst's files carries the files' names (never their contents), and old links still read", () => {
  const sql = "SELECT * FROM my_data_2016 JOIN events USING (id)";
  const files = {my_data_2016: "My Data (2016) & more.csv"};
  const hash = hashForQuery(sql, files);
  assert.match(hash, /^#sql=[^&]*&files=[A-Za-z0-9%\-_.!~*'()]*$/);
  assert.deepEqual(queryFromHash(hash), {sql, files});
  assert.equal(hashForQuery(sql, {}), hashForQuery(sql), "no files, no &files=");
  assert.deepEqual(queryFromHash(`${hashForQuery(sql)}&files=%7Bbroken`), {sql}, "a damaged list costs only the better message");
});
