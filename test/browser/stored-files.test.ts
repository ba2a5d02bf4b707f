/**
 * An analyst's stored files on the SQL workbench, in Chromium against the
 * built site: a share link names only the files its query reads (DuckDB's
 * parser decides, not words in the query), and after a reload the notebook's
 * own tables answer while a large stored file is still opening, and a query
 * that reads that file waits for it and says so.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import type {Page} from "playwright-core";
import {hashForQuery, queryFromHash} from "../../src/components/workbench/query-url.js";
import {openPage} from "../../scripts/export/chromium.js";
import {siteSession} from "../helpers/session.js";
import {dataRows, resultRows, runQuery, waitForRun} from "../helpers/workbench.js";
import type {TestFile} from "../helpers/analyst-files.js";

const site = siteSession();

function csvFile(name: string, lines: string[]): TestFile {
  return {name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n") + "\n")};
}

async function openFiles(page: Page, files: TestFile[]): Promise<void> {
  const before = Number(await page.locator(".sql-workbench").getAttribute("data-file-loads"));
  await page.locator("#sql-file-input").setInputFiles(files);
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".sql-workbench")?.dataset.fileLoads) >= n, before + files.length, {timeout: 120_000});
}

test("a share link names only the files its query reads, not words in strings or quoted column names", async () => {
  const context = await site.browser.newContext();
  const {page, consoleErrors} = await openPage(context, site.server.origin);
  try {
    await page.goto(`${site.server.url}explore${hashForQuery("SELECT 1 AS warm")}`);
    await waitForRun(page, 0);
    await openFiles(page, [csvFile("Deaths.csv", ["year,n", "2015,3", "2016,4"]), csvFile("Notes.csv", ['ward,"Deaths (2015/16)"', "Kingfisher,2", "Willow,5"])]);
    // Every word of the table "deaths" is here, in a quoted column name and a string, but the query reads only notes.
    const sql = `SELECT sum("Deaths (2015/16)") AS total, 'deaths' AS word FROM notes`;
    assert.equal(await runQuery(page, sql), "done");
    assert.deepEqual(await resultRows(page), [["7", "deaths"]]);
    const carried = queryFromHash(new URL(page.url()).hash);
    assert.ok(carried && "sql" in carried);
    assert.equal(carried.sql, sql);
    assert.deepEqual(carried.files, {notes: "Notes.csv"}, "the address bar's link asks for Notes.csv only");
    const shared = queryFromHash(new URL((await page.locator("a.sql-share").getAttribute("href"))!).hash);
    assert.deepEqual(shared && "files" in shared ? shared.files : null, {notes: "Notes.csv"}, "so does the result's link");
    // A query reading both, one of them through a common table expression, names both.
    assert.equal(await runQuery(page, "WITH d AS (SELECT * FROM Deaths) SELECT count(*) AS n FROM d, notes"), "done");
    const both = queryFromHash(new URL(page.url()).hash);
    assert.deepEqual(both && "files" in both ? both.files : null, {deaths: "Deaths.csv", notes: "Notes.csv"});
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

/** `rows` lines of id, group and value: about 20 bytes a row. */
function bigCsv(name: string, rows: number): TestFile {
  const lines = ["id,grp,value"];
  for (let i = 0; i < rows; ++i) lines.push(`${i},g${i % 97},${(i % 1000) / 10}`);
  return csvFile(name, lines);
}

test("after a reload, the notebook's tables answer while a large stored file opens; a query reading it waits and says so", async () => {
  const rows = 600_000;
  const context = await site.browser.newContext();
  const {page, consoleErrors} = await openPage(context, site.server.origin);
  try {
    await page.goto(`${site.server.url}explore${hashForQuery("SELECT 1 AS warm")}`);
    await waitForRun(page, 0);
    await openFiles(page, [bigCsv("Big export.csv", rows)]);
    assert.equal(await page.locator(".sql-file[data-table=big_export]").count(), 1);

    // Next visit, with a query on the notebook's own table in the link.
    await page.goto(`${site.server.url}explore${hashForQuery("SELECT count(*) AS n FROM events")}`);
    await page.reload();
    assert.equal(await waitForRun(page, 0), "done");
    assert.deepEqual(await resultRows(page), [[String(dataRows("events").length)]]);
    assert.equal(await page.locator(".sql-file[data-table=big_export][data-opening]").count(), 1, "answered while the stored file was still opening");

    // A query reading the file waits for it, and says why.
    await page.locator("#sql-input").fill("SELECT count(*) AS n, count(DISTINCT grp) AS groups FROM big_export");
    await page.locator("button.sql-run").click();
    await page.waitForFunction(() => /Waiting for big_export \(from “Big export\.csv”\)/.test(document.querySelector(".sql-status")?.textContent ?? ""), undefined, {timeout: 10_000});
    assert.equal(await waitForRun(page, 1, 120_000), "done");
    assert.deepEqual(await resultRows(page), [[String(rows), "97"]]);
    assert.equal(await page.locator(".sql-file[data-table=big_export][data-opening]").count(), 0, "the file is listed as open");
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
