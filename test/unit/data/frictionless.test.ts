/**
 * data/datapackage.json under Frictionless' own validator (the `datapackage`
 * package, with `tableschema`), not only under the notebook's: the descriptor
 * is a valid Tabular Data Package, and every table reads with its declared
 * types, constraints and foreign keys. Copies with one thing broken show that
 * the validator can say no.
 */
import {at} from "../../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {after, test} from "node:test";
import {Package} from "datapackage";

const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));
const copies: string[] = [];
after(() => copies.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), "shft-frictionless-"));
  copies.push(dir);
  cpSync(DATA, dir, {recursive: true});
  return dir;
}

/** Reads every resource with Frictionless' casting and checks; returns the first failure, or null. */
async function readAll(pkg: Package): Promise<string | null> {
  for (const resource of pkg.resources) {
    try {
      await resource.read({keyed: true, relations: true});
    } catch (error) {
      const details = ((error as {errors?: Error[]}).errors ?? []).map((e) => e.message);
      return `${resource.name}: ${(error as Error).message} ${details.join("; ")}`;
    }
  }
  return null;
}

test("the data package is valid under Frictionless, and every table reads with its types, constraints and foreign keys", async () => {
  const pkg = await Package.load(join(DATA, "datapackage.json"));
  assert.deepEqual(pkg.errors.map((e: Error) => e.message), []);
  assert.equal(pkg.valid, true);
  assert.equal(await readAll(pkg), null);
});

test("an empty foreignKeys array makes the descriptor invalid", async () => {
  const dir = copyData();
  const descriptor = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8"));
  descriptor.resources[0].schema.foreignKeys = [];
  writeFileSync(join(dir, "datapackage.json"), JSON.stringify(descriptor));
  const pkg = await Package.load(join(dir, "datapackage.json"));
  assert.equal(pkg.valid, false);
});

test("a cell that breaks its column's type is refused when the table is read", async () => {
  const dir = copyData();
  const path = join(dir, "mazars_figures.csv");
  const lines = readFileSync(path, "utf8").split("\n");
  const periodStart = at(lines, 0, "lines").split(",").indexOf("period_start");
  // The first data row has no quoted field before period_start, so the comma count is exact.
  const cells = at(lines, 1, "lines").split(",");
  assert.ok(!cells.slice(0, periodStart + 1).some((c) => c.includes('"')), "pick a row with no quoted field before period_start");
  cells[periodStart] = "April 2011";
  lines[1] = cells.join(",");
  writeFileSync(path, lines.join("\n"));
  const pkg = await Package.load(join(dir, "datapackage.json"));
  assert.equal(pkg.valid, true, "the descriptor itself is still valid");
  assert.match((await readAll(pkg)) ?? "no error", /mazars_figures/);
});
