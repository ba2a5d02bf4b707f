/**
 * The export under test loads nothing from another origin, and the check that
 * says so catches a page that would. dist/ itself is only read. That a build
 * needs no network and that a failed build keeps the previous export are
 * tried on the suite's other build (changed-input.test.ts).
 */
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {tmpdir} from "node:os";
import {after, test} from "node:test";
import {findThirdPartyLoads} from "../../scripts/export/check-export.js";
import {assertBuilt, distDir} from "../helpers/site.js";

const scratch = mkdtempSync(join(tmpdir(), "shft-export-test-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

test("the export loads nothing from another origin", async () => {
  assertBuilt();
  assert.deepEqual(await findThirdPartyLoads(distDir), []);
});

test("the third-party check itself catches a page that loads from a CDN", async () => {
  const site = join(scratch, "cdn-site");
  cpSync(distDir, site, {recursive: true});
  const index = join(site, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace("</head>", '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=X">\n</head>'));
  assert.deepEqual(await findThirdPartyLoads(site), [{file: "index.html", url: "https://fonts.googleapis.com/css2?family=X"}]);
});
