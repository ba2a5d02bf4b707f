/** The figures sheet as the export carries it (read from dist/; the writer itself is in test/unit/data/csv-write.test.ts). */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {parseCsv} from "../../src/lib/factbase/csv.js";
import {BOM} from "../../src/lib/delivery/csv-write.js";
import {distDir} from "../helpers/site.js";

test("the built figures sheet starts with a BOM and reads back", () => {
  const text = readFileSync(join(distDir, "figures.csv"), "utf8");
  assert.ok(text.startsWith(BOM));
  const table = parseCsv("figures.csv", text);
  assert.ok(table.records.length > 10);
  assert.ok(table.header.includes("display"));
});
