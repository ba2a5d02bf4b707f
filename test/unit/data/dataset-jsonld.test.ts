/**
 * The data package as a schema.org Dataset: the years in its name and its
 * temporal coverage are counted from the events, so a new event moves them.
 */
import assert from "node:assert/strict";
import {appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {after, test} from "node:test";
import {loadFactBase} from "../../../src/lib/factbase/factbase.js";
import {datasetJsonLd} from "../../../src/lib/delivery/dataset-jsonld.js";

const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));
const copy = mkdtempSync(join(tmpdir(), "shft-dataset-"));
after(() => rmSync(copy, {recursive: true, force: true}));

/** The first and last years the events of a data folder fall in. */
function eventYears(dir: string): [string, string] {
  const years = loadFactBase(dir).rows("events").map((e) => e.date.slice(0, 4)).sort();
  return [years[0] ?? "", years.at(-1) ?? ""];
}

test("the Dataset's name and coverage give the years the events span", () => {
  const [first, last] = eventYears(DATA);
  const dataset = datasetJsonLd(loadFactBase(DATA));
  assert.match(String(dataset.name), new RegExp(`, ${first}–${last}$`));
  assert.equal(dataset.temporalCoverage, `${first}/${last}`);
});

test("an event in a later year moves the Dataset's name and coverage with it", () => {
  cpSync(DATA, copy, {recursive: true});
  const events = readFileSync(join(copy, "events.csv"), "utf8").trimEnd().split("\n");
  const last = events.at(-1) ?? "";
  const later = last.replace(/^\d{4}(?:_\d{2}){0,2}_/, "2031_").replace(/,(\d{4}(?:-\d{2})?(?:-\d{2})?),(day|month|year),/, ",2031,year,");
  appendFileSync(join(copy, "events.csv"), `${later}\n`);
  const [first, lastYear] = eventYears(copy);
  assert.equal(lastYear, "2031");
  const dataset = datasetJsonLd(loadFactBase(copy));
  assert.match(String(dataset.name), new RegExp(`, ${first}–2031$`));
  assert.equal(dataset.temporalCoverage, `${first}/2031`);
});
