/**
 * Messy files (test/helpers/messy-files.ts) opened on the built SQL page in
 * Chromium, as an analyst opens them: the tables they become, the sums and
 * counts of their values, the notes the page shows about how each was read,
 * the question a taken name asks, and the alerts for files it cannot read.
 */
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import {test} from "node:test";
import type {BrowserContext, Page} from "playwright-core";
import {openPage, type PageRecord} from "../../scripts/export/chromium.js";
import {hashForQuery} from "../../src/components/workbench/query-url.js";
import {siteSession} from "../helpers/session.js";
import {resultRows, runQuery, waitForRun} from "../helpers/workbench.js";
import {emptyFile, nestedJson, nestedParquet, oldWorkbook, statisticsRelease, windowsCsv, workbook, type MessyFile} from "../helpers/messy-files.js";

const site = siteSession();

interface Workbench extends PageRecord {
  context: BrowserContext;
  dialogs: string[];
}

async function openWorkbench(): Promise<Workbench> {
  const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
  const record = await openPage(context, site.server.origin);
  const dialogs: string[] = [];
  record.page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await record.page.goto(`${site.server.url}explore${hashForQuery("SELECT 1 AS warm")}`);
  // The first query waits for DuckDB to start, which a loaded machine makes slow.
  await waitForRun(record.page, 0, 120_000);
  return {...record, context, dialogs};
}

async function closeClean(workbench: Workbench): Promise<void> {
  try {
    assert.deepEqual(workbench.consoleErrors, [], "console errors");
    assert.deepEqual(workbench.failedRequests, [], "failed requests");
    assert.deepEqual(workbench.offHostRequests, [], "requests off this machine");
    assert.deepEqual(workbench.dialogs, [], "no browser dialog: questions are asked on the page");
  } finally {
    await workbench.context.close();
  }
}

function fileLoads(page: Page): Promise<number> {
  return page.locator(".sql-workbench").getAttribute("data-file-loads").then(Number);
}

/** Picks files and waits until each has been opened or refused. */
async function openFiles(page: Page, files: MessyFile[]): Promise<void> {
  const before = await fileLoads(page);
  await page.locator("#sql-file-input").setInputFiles(files);
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".sql-workbench")?.dataset.fileLoads) >= n, before + files.length, {timeout: 60_000});
}

async function notesOf(page: Page, table: string): Promise<string[]> {
  return page.locator(`.sql-file[data-table="${table}"] .sql-file-notes li`).allTextContents();
}

test("messy files open as the tables they hold, with notes on how each was read", async () => {
  const release = statisticsRelease();
  const windows = windowsCsv();
  const json = nestedJson();
  const parquet = nestedParquet();
  const book = workbook();
  const workbench = await openWorkbench();
  const page = workbench.page;
  try {
    await openFiles(page, [release.file, windows.file, json.file, parquet.file, book.file]);
    assert.equal(await page.locator(".sql-files [role=alert]").isVisible(), false, "no error");

    const releaseNotes = (await notesOf(page, release.table)).join("\n");
    assert.match(releaseNotes, /Characters read as UTF-8 \(detected\)/);
    assert.match(releaseNotes, /Left out 2 lines above the header and 1 below the data/);
    for (const [mark, cells] of release.marks) assert.ok(releaseNotes.includes(`“${mark}” in ${cells} cell`), `${mark} counted`);
    assert.equal(await page.locator(`#sql-file-header-${release.table}`).inputValue(), String(release.headerLine));
    assert.equal(await runQuery(page, `SELECT sum(Deaths)::BIGINT AS d, count(Deaths) AS n FROM ${release.table}`), "done");
    assert.deepEqual(await resultRows(page), [[String(release.deathsSum), String(release.deathsCount)]]);

    assert.match((await notesOf(page, windows.table)).join("\n"), /Windows-1252/);
    assert.equal(await page.locator(`#sql-file-encoding-${windows.table}`).inputValue(), "windows-1252");
    assert.equal(await runQuery(page, `SELECT sum(Spend)::BIGINT AS s, count(*) FILTER (WHERE Trust LIKE '%Café%’s') AS n FROM ${windows.table}`), "done");
    assert.deepEqual(await resultRows(page), [[String(windows.totalSpend), String(windows.rows.length)]]);

    assert.equal(await runQuery(page, `SELECT sum(id)::VARCHAR AS ids, count(DISTINCT t.trust.name) AS names, (SELECT count(*) FROM (SELECT unnest(sites) FROM trusts)) AS sites FROM trusts AS t`), "done");
    assert.deepEqual(await resultRows(page), [[String(json.idSum), String(json.rows.length), String(json.siteCount)]]);

    assert.equal(await runQuery(page, `SELECT sum(amount)::VARCHAR AS total, max(epoch_us(paid_at))::VARCHAR AS last_us, max(payee.name) AS payee FROM payments`), "done");
    assert.deepEqual(await resultRows(page), [[parquet.amountSum, String(parquet.rows.at(-1)!.micros), [...parquet.rows.map((r) => r.payee.name)].sort().at(-1)!]]);

    for (const table of book.tables) assert.equal(await page.locator(`.sql-file[data-table="${table}"]`).count(), 1, table);
    assert.equal(await runQuery(page, `SELECT sum(Deaths) AS d, min(Date) AS first FROM ${book.tables[0]}`), "done");
    assert.deepEqual(await resultRows(page), [[String(book.deathsSum), book.firstDay]]);

    // Another encoding, chosen on the page: the file is read again and the note says so.
    const before = await fileLoads(page);
    await page.locator(`#sql-file-encoding-${windows.table}`).selectOption("macintosh");
    await page.locator(`.sql-file[data-table="${windows.table}"] button.sql-file-reread`).click();
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".sql-workbench")?.dataset.fileLoads) > n, before);
    assert.match((await notesOf(page, windows.table)).join("\n"), /Mac Roman .*your choice; detected: Windows-1252/);

    // The notes and the reading choices are readable and labelled.
    const axe = await new AxeBuilder({page}).include(".sql-files").analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`), []);
  } finally {
    await closeClean(workbench);
  }
});

test("a taken name asks on the page; an empty file and an old .xls get alerts naming them", async () => {
  const release = statisticsRelease("Twice.csv");
  const workbench = await openWorkbench();
  const page = workbench.page;
  try {
    await openFiles(page, [release.file]);
    const before = await fileLoads(page);
    await page.locator("#sql-file-input").setInputFiles([release.file]);
    const question = page.locator(".sql-file-clash");
    await question.waitFor();
    assert.match((await question.textContent()) ?? "", /A table twice already came from “Twice\.csv”/);
    await question.locator("button.sql-file-keep").click();
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".sql-workbench")?.dataset.fileLoads) > n, before);
    assert.deepEqual(await page.locator(".sql-file").evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.table)), ["twice", "twice_2"]);

    await openFiles(page, [emptyFile(), oldWorkbook()]);
    const alert = (await page.locator(".sql-files [role=alert]").textContent()) ?? "";
    assert.match(alert, /Could not open Nothing here\.csv: this file is empty: it has no lines, so no table was made\./);
    assert.match(alert, /Could not open Budget 2015\.xls: this is an old Excel workbook \(\.xls\).*“CSV UTF-8” or as an Excel workbook \(\.xlsx\)/);
    assert.equal(await page.locator(".sql-file").count(), 2, "no table made");
    assert.match((await page.locator("#sql-file-input").getAttribute("accept")) ?? "", /\.xlsx/);
  } finally {
    await closeClean(workbench);
  }
});
