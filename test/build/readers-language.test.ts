/**
 * Readers' language in what the export publishes: no page, embed or chart
 * image shows a reader (in its text, tooltips or screen-reader names) a key of
 * the fact base, an ISO date, a machine's identifier or our notes' shorthand. Read from dist/, built
 * before the suites run.
 */
import assert from "node:assert/strict";
import {readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {test} from "node:test";
import {assertBuilt, distDir} from "../helpers/site.js";
import {factBaseKeys, internalTokens, readFile, readersText, shorthandIn} from "../helpers/readers-text.js";

/** Every file under `dir` whose name ends in one of `endings`. */
function filesUnder(dir: string, endings: string[]): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && endings.some((end) => entry.name.endsWith(end)))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !relative(dir, path).startsWith("_"));
}

test("the scan finds a key and an ISO date where a reader would read them, and nothing in a script", () => {
  const keys = new Set(factBaseKeys());
  assert.ok(keys.has("deaths_total") && keys.has("2016_10_percy_leaves_trust"), "figure and event ids are among the keys");
  const page = `<html><head><title>x</title><script>const a = "deaths_total 2016-10";</script></head><body>
    <p>kept only as leak_unexpected_1454 (superseded)</p><span title="left on 2016-10">October 2016</span>
    <svg><text>April 2012</text></svg><p>2015–16, 10,306 deaths</p>
    <p>under debate A9008047-29BB-48FC-93C7-1CBD7A849F77, 3rd May 2016</p></body></html>`;
  const found = readersText(page).flatMap((text) => internalTokens(text, keys));
  assert.deepEqual(found, ["leak_unexpected_1454", "2016-10", "A9008047-29BB-48FC-93C7-1CBD7A849F77"]);
});

test("the scan finds shorthand a newspaper would spell out, and leaves full words and headlines alone", () => {
  const shorthand = ["raised Jan 2014, Oct 2014", "Oct-Dec 2017 (Q3 2017/18)", "acute MH inpatient and LD services", "The record holds 29", "not in the text read"];
  assert.deepEqual(shorthand.map((text) => shorthandIn(text).length > 0), [true, true, true, true, true]);
  const clean = ["raised in January 2014", "October to December 2017", "Southern Health CEO resigns", "a record of its own", "Decision in May 2016", "Marchwood"];
  assert.deepEqual(clean.flatMap(shorthandIn), []);
});

test("no built page, embed or chart image shows a reader a key of the fact base, an ISO date or shorthand", () => {
  assertBuilt();
  const keys = new Set(factBaseKeys());
  const files = [...filesUnder(distDir, [".html"]), ...filesUnder(join(distDir, "charts"), [".svg"])];
  assert.ok(files.some((f) => f.endsWith("embed/funnel.html")) && files.some((f) => f.endsWith("charts/funnel.svg")), "pages, embeds and images are scanned");
  const problems: string[] = [];
  for (const file of files) {
    for (const text of readersText(readFile(file))) {
      const tokens = [...internalTokens(text, keys), ...shorthandIn(text)];
      if (tokens.length) problems.push(`${relative(distDir, file)}: ${tokens.join(", ")} in “${text.slice(0, 160)}”`);
    }
  }
  assert.deepEqual(problems, [], `${problems.length} internal keys, ISO dates or shorthand in what readers see`);
});

test("the figures sheet's display columns name no key, give no ISO date and use no shorthand", async () => {
  const {figuresSheet} = await import("../../scripts/export/figures-sheet.js");
  const keys = new Set(factBaseKeys());
  const problems = figuresSheet().flatMap((entry) =>
    (["label", "display", "definition", "period", "status_label", "sources"] as const).flatMap((column) => {
      const text = [entry[column] ?? ""].flat().join("; ");
      const tokens = [...internalTokens(text, keys), ...shorthandIn(text)];
      return tokens.length ? [`${entry.id} ${column}: ${tokens.join(", ")}`] : [];
    })
  );
  assert.deepEqual(problems, []);
});
