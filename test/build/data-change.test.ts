/**
 * The numbers follow the data. A copy of data/ with one count changed and one
 * event added is built, and the pages are read in the browser: the prose, the
 * chart, its text alternative and its download all show the new count and the
 * share recomputed from it, and the timeline lists the new event.
 */
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser} from "playwright-core";
import {launchBrowser, openPage, waitForCells} from "../../scripts/chromium.js";
import {serve, type StaticServer} from "../../scripts/static-server.js";
import {projectRoot} from "../helpers/site.js";

const scratch = mkdtempSync(join(projectRoot, ".test-builds-"));
const data = join(scratch, "data");
const out = join(scratch, "dist");
let server: StaticServer;
let browser: Browser;

/** Replaces one cell of the row whose first column is `id`, keeping the rest as written. */
function setCell(file: string, id: string, from: string, to: string): void {
  const lines = readFileSync(file, "utf8").split("\n");
  const i = lines.findIndex((line) => line.startsWith(`${id},`));
  assert.ok(i > 0 && lines[i].includes(`,${from},`), `row ${id} with ${from} not found in ${file}`);
  lines[i] = lines[i].replace(`,${from},`, `,${to},`);
  writeFileSync(file, lines.join("\n"));
}

const NEW_EVENT = "A test event added to a copy of the data";

before(async () => {
  cpSync(join(projectRoot, "data"), data, {recursive: true});
  // 272 investigated becomes 300: 300 / 722 = 41.6%.
  setCell(join(data, "mazars_figures.csv"), "unexpected_investigated_cir_siri", "272", "300");
  const events = join(data, "events.csv");
  // A final event needs a primary document or original reporting as its source.
  const source = readFileSync(join(data, "sources.csv"), "utf8").split("\n").find((line) => line.includes(",primary document,"))!.split(",")[0];
  writeFileSync(events, readFileSync(events, "utf8") + `2017_02_test_event,2017-02,month,,${NEW_EVENT},,report,final,${source},,A quote from the source\n`);
  const result = spawnSync("node_modules/.bin/tsx", ["scripts/build.ts", "--out", out], {cwd: projectRoot, encoding: "utf8", env: {...process.env, SHFT_DATA_DIR: data}, timeout: 300_000});
  assert.equal(result.status, 0, `build from the changed data failed:\n${result.stdout}\n${result.stderr}`);
  server = await serve(out);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(scratch, {recursive: true, force: true});
});

test("a changed count flows into the prose, the chart, its alt text and its download", async () => {
  const context = await browser.newContext();
  try {
    const {page} = await openPage(context, server.origin);
    await page.goto(`${server.url}deaths`);
    await waitForCells(page);
    const prose = await page.locator("#observablehq-main > p").allInnerTexts();
    assert.ok(prose.some((p) => p.includes("300") && p.includes("41.6%")), "the prose should state 300 and 41.6%");
    assert.ok(!prose.some((p) => /\b272\b/.test(p)), "the old count must be gone from the prose");
    const funnel = page.locator("#chart-funnel");
    assert.match(await funnel.locator(".chart-title").innerText(), /^300 of 722 /);
    assert.match((await funnel.locator(".chart-body").getAttribute("aria-label")) ?? "", /300 \(41\.6% of 722\)/);
    assert.match(await funnel.locator(".chart-body svg").innerHTML(), /300 \(41\.6% of 722\)/);
    const csv = decodeURIComponent((await funnel.locator("a.chart-download").getAttribute("href"))!.split(",").slice(1).join(","));
    const row = csv.split("\n").find((line) => line.includes("unexpected_investigated_cir_siri"));
    assert.ok(row?.includes(",300,") && row.includes("41.6"), `download row: ${row}`);
  } finally {
    await context.close();
  }
});

test("an added event appears in the timeline, dated to its month", async () => {
  const context = await browser.newContext();
  try {
    const {page} = await openPage(context, server.origin);
    await page.goto(`${server.url}timeline`);
    await waitForCells(page);
    const text = await page.locator("#observablehq-main").innerText();
    assert.ok(text.includes(NEW_EVENT), "the new event should be listed");
    assert.ok(text.includes("February 2017"), "its date should be written to the month");
  } finally {
    await context.close();
  }
});
