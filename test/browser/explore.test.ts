/**
 * The analysts' SQL workbench in Debian's Chromium, against the built site:
 * queries opened from a link, DuckDB's errors, markup that must stay text,
 * downloads of the whole result, history, exact integers, dates, sorting,
 * cancelling and the quick chart. Expected values come from data/ (parsed by
 * the loaders' CSV reader) or from the loaders' own catalog, never typed in.
 */
import {at} from "../../src/lib/story/checked-lookups.js";
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {after, test} from "node:test";
import type {BrowserContext, Download} from "playwright-core";
import {hashForQuery} from "../../src/components/workbench/query-url.js";
import {SQL_EXAMPLES} from "../../src/components/workbench/sql-examples.js";
import {parseCsv} from "../../src/lib/factbase/csv.js";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {tableCatalog} from "../../src/lib/delivery/tables.js";
import {networkSettled, openPage, type PageRecord} from "../../scripts/export/chromium.js";
import {dataRows, finishedRuns, resultHeaders, resultRows, runQuery, waitForRun} from "../helpers/workbench.js";
import {siteSession} from "../helpers/session.js";
import {notParquet, raggedCsv, sourcesParquet, spreadsheetCsv, type TestFile} from "../helpers/analyst-files.js";
import {COLOUR_RULES} from "./page-checks.js";

const site = siteSession();

interface Workbench extends PageRecord {
  context: BrowserContext;
  dialogs: string[];
  /** The state the page's first query ended in. */
  firstState: string;
}

/** Opens /explore (with a query in the link, if given) and waits for its first query to finish. */
async function openWorkbench(sql?: string): Promise<Workbench> {
  const context = await site.browser.newContext({colorScheme: "light", viewport: {width: 1280, height: 900}, acceptDownloads: true});
  const record = await openPage(context, site.server.origin);
  const dialogs: string[] = [];
  record.page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await record.page.goto(`${site.server.url}explore${sql === undefined ? "" : hashForQuery(sql)}`);
  const firstState = await waitForRun(record.page, 0);
  return {...record, context, dialogs, firstState};
}

async function closeClean(workbench: Workbench): Promise<void> {
  try {
    assert.deepEqual(workbench.consoleErrors, [], "console errors");
    assert.deepEqual(workbench.failedRequests, [], "failed requests");
    assert.deepEqual(workbench.offHostRequests, [], "requests off this machine");
    assert.deepEqual(workbench.dialogs, [], "dialogs opened");
  } finally {
    await workbench.context.close();
  }
}

let shared: Workbench | undefined;

/**
 * One workbench for the tests that only run queries and open files: opening /explore starts
 * DuckDB and loads every table of the catalog, most of such a test's time. The tests use table
 * names of their own, and each checks that it caused no console error, failed request, request
 * off this machine or dialog.
 */
async function onSharedWorkbench(run: (workbench: Workbench) => Promise<void>): Promise<void> {
  shared ??= await openWorkbench("SELECT 1 AS warm");
  const seen = {consoleErrors: shared.consoleErrors.length, failedRequests: shared.failedRequests.length, offHostRequests: shared.offHostRequests.length, dialogs: shared.dialogs.length};
  await run(shared);
  for (const key of Object.keys(seen) as (keyof typeof seen)[]) assert.deepEqual(shared[key].slice(seen[key]), [], key);
}

after(async () => {
  // The session's browser may already be closed, and with it this context.
  await shared?.context.close().catch(() => undefined);
});

async function alertText(workbench: Workbench): Promise<string> {
  const alert = workbench.page.locator(".sql-editor [role=alert]");
  assert.ok(await alert.isVisible(), "the error message is visible");
  return (await alert.textContent()) ?? "";
}

async function downloadText(workbench: Workbench, button: string): Promise<{name: string; text: string}> {
  const [file] = await Promise.all([workbench.page.waitForEvent("download"), workbench.page.locator(button).click()]);
  return {name: (file as Download).suggestedFilename(), text: await readFile((await file.path())!, "utf8")};
}

test("a query opened from a #sql= link runs and returns the rows of data/", async () => {
  const events = dataRows("events");
  const sql = "SELECT event_id, date, category FROM events ORDER BY event_id";
  const workbench = await openWorkbench(sql);
  try {
    assert.equal(workbench.firstState, "done");
    assert.equal(await workbench.page.locator("#sql-input").inputValue(), sql, "the editor shows the linked query");
    assert.deepEqual(await resultHeaders(workbench.page), ["event_id", "date", "category"]);
    const expected = events
      .map((row) => [row.get("event_id")!, row.get("date")!, row.get("category")!])
      .sort(([a = ""], [b = ""]) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(await resultRows(workbench.page), expected);
    assert.match((await workbench.page.locator(".sql-status").textContent()) ?? "", new RegExp(`^${expected.length} rows, 3 columns in \\d`));
  } finally {
    await closeClean(workbench);
  }
});

test("every table of the catalog is loaded, with all its rows", async () => {
  const catalog = tableCatalog(loadFactBase());
  const sql = catalog.map((t) => `SELECT '${t.name}' AS table_name, count(*) AS row_count FROM ${t.name}`).join("\nUNION ALL\n") + "\nORDER BY table_name";
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    assert.equal(await runQuery(page, sql), "done");
    const expected = catalog.map((t) => [t.name, String(t.rows)]).sort(([a = ""], [b = ""]) => (a < b ? -1 : 1));
    assert.deepEqual(await resultRows(workbench.page), expected);
    // The schema browser lists the same tables, with DuckDB's types filled in once loaded.
    assert.deepEqual(await workbench.page.locator(".sql-schema details").evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.table)), catalog.map((t) => t.name));
    await workbench.page.waitForFunction(() => document.querySelector(".sql-schema details[data-table=events] .sql-schema-type")?.textContent === "VARCHAR");
    assert.equal(await workbench.page.locator(".sql-schema-missing:visible").count(), 0, "no catalog table is missing from the database");
  });
});

test("DuckDB's error is shown as an alert beside the editor, and the next query runs", async () => {
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    const cases: [string, RegExp][] = [
      ["SELEC event_id FROM events", /syntax error at or near "SELEC"/i],
      ["SELECT * FROM no_such_table", /no_such_table/],
      ["SELECT no_such_column FROM events", /no_such_column/],
      ["SELECT sum(event) FROM events", /sum\(VARCHAR\)/i],
      ["SELECT 'not a number'::INTEGER", /Conversion Error/i],
      ["SELECT 1; SELECT 2", /one statement at a time/]
    ];
    for (const [sql, message] of cases) {
      assert.equal(await runQuery(page, sql), "error", sql);
      assert.match(await alertText(workbench), message, sql);
      assert.equal(await page.locator(".sql-result-table").count(), 0, "no stale result is left under an error");
    }
    assert.equal(await runQuery(page, "SELECT count(*) AS n FROM sources", {shortcut: true}), "done", "Ctrl+Enter runs the next query");
    assert.equal(await page.locator(".sql-editor [role=alert]").isVisible(), false, "the error is cleared");
    assert.deepEqual(await resultRows(page), [[String(dataRows("sources").length)]]);
  });
});

test("markup in values, column names and errors is shown as text and runs nothing", async () => {
  const img = "<img src=x onerror=alert(1)>";
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    assert.equal(await runQuery(page, `SELECT '${img}' AS label, '<script>alert(2)</script>' AS "<b>bold</b>", 1 AS n`), "done");
    assert.deepEqual(await resultRows(page), [[img, "<script>alert(2)</script>", "1"]]);
    assert.deepEqual(await resultHeaders(page), ["label", "<b>bold</b>", "n"]);
    // The quick chart labels its bar with the same text.
    assert.ok((await page.locator(".sql-chart svg").textContent())?.includes("<img src=x"), "the chart label is the literal text");
    assert.equal(await runQuery(page, `SELECT * FROM "<img src=y onerror=alert(3)>"`), "error");
    assert.match(await alertText(workbench), /<img src=y onerror=alert\(3\)>/);
    const injected = await page.evaluate(() => document.querySelectorAll("#observablehq-main img, #observablehq-main b, #observablehq-main script:not([type])").length);
    assert.equal(injected, 0, "no element was made from a value");
    // An image made from a value, even one never put in the page, requests its src; its 404 would be
    // among the failed requests closeClean checks once every request has finished.
    await networkSettled(page);
  });
});

test("the CSV and JSON downloads hold every row, even when the table shows only some", async () => {
  const expected = dataRows("events").length * dataRows("sources").length;
  assert.ok(expected > 1000, "the query is meant to overflow the table");
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    assert.equal(await runQuery(page, "SELECT e.event_id, s.source_id, e.date_from FROM events AS e CROSS JOIN sources AS s ORDER BY e.event_id, s.source_id"), "done");
    assert.equal(await page.locator(".sql-result-table tbody tr").count(), 1000);
    assert.match((await page.locator(".sql-truncated").textContent()) ?? "", new RegExp(`first 1,000 of ${expected.toLocaleString("en-GB")} rows`));
    const shown = await resultRows(page);

    const csv = await downloadText(workbench, "button.sql-download-csv");
    assert.equal(csv.name, "query-result.csv");
    const parsed = parseCsv(csv.name, csv.text);
    assert.deepEqual(parsed.header, ["event_id", "source_id", "date_from"]);
    assert.equal(parsed.records.length, expected);
    const csvRows = parsed.records.map((r) => parsed.header.map((h) => r.cells.get(h)!.value));
    assert.deepEqual(csvRows.slice(0, 1000), shown, "the file starts with the rows the table shows");

    const json = await downloadText(workbench, "button.sql-download-json");
    assert.equal(json.name, "query-result.json");
    const records = JSON.parse(json.text) as Record<string, string>[];
    assert.equal(records.length, expected);
    assert.deepEqual(records.map((r) => [r.event_id, r.source_id, r.date_from]), csvRows);
  });
});

test("downloads keep a HUGEINT sum as a plain number and NULL as empty / null", async () => {
  const total = dataRows("comparators").reduce((sum, row) => sum + (row.get("denominator") ? Number(row.get("denominator")) : 0), 0);
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    assert.equal(await runQuery(page, "SELECT sum(denominator) AS total, NULL AS nothing FROM comparators"), "done");
    assert.equal((await downloadText(workbench, "button.sql-download-csv")).text, `\uFEFFtotal,nothing\r\n${total},\r\n`);
    assert.deepEqual(JSON.parse((await downloadText(workbench, "button.sql-download-json")).text), [{total, nothing: null}]);
  });
});

test("running a query adds history; Back and Forward restore and re-run queries", async () => {
  const first = "SELECT count(*) AS n FROM events";
  const second = "SELECT count(*) AS n FROM sources";
  const workbench = await openWorkbench(first);
  const page = workbench.page;
  try {
    assert.equal(await runQuery(page, second), "done");
    assert.equal(new URL(page.url()).hash, hashForQuery(second));
    assert.deepEqual(await resultRows(page), [[String(dataRows("sources").length)]]);

    let runs = await finishedRuns(page);
    await page.goBack();
    assert.equal(await waitForRun(page, runs), "done");
    assert.equal(new URL(page.url()).hash, hashForQuery(first));
    assert.equal(await page.locator("#sql-input").inputValue(), first);
    assert.deepEqual(await resultRows(page), [[String(dataRows("events").length)]]);

    runs = await finishedRuns(page);
    await page.goForward();
    assert.equal(await waitForRun(page, runs), "done");
    assert.equal(await page.locator("#sql-input").inputValue(), second);
    assert.deepEqual(await resultRows(page), [[String(dataRows("sources").length)]]);

    // An example question is a query run like any other: it goes into the URL.
    runs = await finishedRuns(page);
    await page.locator(`button.sql-example[data-example="${at(SQL_EXAMPLES, 1, "the examples").id}"]`).click();
    assert.equal(await waitForRun(page, runs), "done");
    assert.equal(new URL(page.url()).hash, hashForQuery(at(SQL_EXAMPLES, 1, "the examples").sql));
  } finally {
    await closeClean(workbench);
  }
});

test("SUM over an integer column shows a plain number, HUGEINTs stay exact", async () => {
  const total = dataRows("comparators").reduce((sum, row) => sum + (row.get("denominator") ? Number(row.get("denominator")) : 0), 0);
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    assert.equal(await runQuery(page, "SELECT sum(denominator) AS total FROM comparators"), "done");
    assert.deepEqual(await resultRows(page), [[String(total)]]);
    // 2^127 - 1 has more digits than a double holds: it must come through digit for digit.
    const largest = (2n ** 127n - 1n).toString();
    assert.equal(await runQuery(page, `SELECT ${largest}::HUGEINT AS largest, -${largest}::HUGEINT AS smallest, 1.50::DECIMAL(10,2) AS price`), "done");
    assert.deepEqual(await resultRows(page), [[largest, `-${largest}`, "1.5"]]);
  });
});

test("dates read YYYY-MM-DD and NULL reads NULL, set apart", async () => {
  const firstDay = dataRows("events")
    .filter((row) => row.get("date_precision") === "day")
    .map((row) => row.get("date")!)
    .sort()[0];
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    assert.equal(await runQuery(page, "SELECT min(date_from) AS first_day, NULL AS nothing, 'NULL' AS text FROM events WHERE date_precision = 'day'"), "done");
    assert.deepEqual(await resultRows(page), [[firstDay, "NULL", "NULL"]]);
    const classes = await page.locator(".sql-result-table tbody td").evaluateAll((cells) => cells.map((c) => c.className));
    assert.equal(classes[1], "sql-null", "a real NULL is marked");
    assert.notEqual(classes[2], "sql-null", "the text 'NULL' is not");
  });
});

test("other DuckDB types read as DuckDB writes them (or say to cast them); an empty result keeps its columns", async () => {
  const sql = `SELECT 'good'::ENUM('good', 'bad')::VARCHAR AS rating, 'bad'::ENUM('good', 'bad') AS enum, [1, 2] AS list, {'a': 1, 'b': 'x'} AS struct, true AS flag,
    TIME '12:00:01.5' AS clock, TIMESTAMP '2016-04-28 18:30:00' AS moment, 'ab'::BLOB AS bytes, INTERVAL 3 DAY AS gap,
    2::BIGINT ** 62 AS big_double, 0.1 + 0.2 AS decimal_sum, 0.1::DOUBLE + 0.2 AS double_sum`;
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    assert.equal(await runQuery(page, sql), "done");
    assert.deepEqual(await resultRows(page), [
      ["good", "cast to VARCHAR to show", "[1, 2]", "{'a': 1, 'b': 'x'}", "true", "12:00:01.5", "2016-04-28 18:30:00", "ab", "cast to VARCHAR to show", "4611686018427388000", "0.3", "0.3"]
    ]);
    const types = await page.locator(".sql-result-table thead .sql-col-type").allTextContents();
    assert.deepEqual(types.slice(0, 5), ["VARCHAR", "ENUM", "INTEGER[]", "STRUCT", "BOOLEAN"]);
    assert.equal(await runQuery(page, "SELECT event_id, date_from FROM events WHERE false"), "done");
    assert.deepEqual(await resultHeaders(page), ["event_id", "date_from"]);
    assert.deepEqual(await resultRows(page), []);
    assert.match((await page.locator(".sql-status").textContent()) ?? "", /^0 rows, 2 columns/);
  });
});

test("column headers sort the rows by click and by keyboard, and say so with aria-sort", async () => {
  const dates = dataRows("events").map((row) => row.get("date")!);
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    assert.equal(await runQuery(page, "SELECT event_id, date FROM events"), "done");
    const header = page.locator(".sql-result-table th", {hasText: "date"}).last();
    await header.locator("button").click();
    assert.equal(await header.getAttribute("aria-sort"), "ascending");
    const column = async () => (await resultRows(page)).map((row) => row[1]);
    assert.deepEqual(await column(), [...dates].sort());
    await header.locator("button").focus();
    await page.keyboard.press("Enter");
    assert.equal(await header.getAttribute("aria-sort"), "descending");
    assert.deepEqual(await column(), [...dates].sort().reverse());
    assert.equal(await page.locator(".sql-result-table th[aria-sort]").count(), 1, "only the sorted column carries aria-sort");
  });
});

test("a runaway query can be cancelled, and the next query runs", async () => {
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    const runs = await finishedRuns(page);
    await page.locator("#sql-input").fill("SELECT count(*) FROM range(1000000000000) AS a(i) WHERE i % 7 = 3");
    await page.locator("button.sql-run").click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".sql-workbench")?.dataset.state === "running");
    // With the database idle (the first query finished), the runner sends the query to DuckDB as the run starts;
    // the click waits for Cancel to be enabled, as the analyst would.
    await page.locator("button.sql-cancel").click();
    assert.equal(await waitForRun(page, runs), "cancelled");
    assert.match((await page.locator(".sql-status").textContent()) ?? "", /cancelled/i);
    assert.equal(await runQuery(page, "SELECT 40 + 2 AS answer"), "done");
    assert.deepEqual(await resultRows(page), [["42"]]);
  });
});

test("Cancel pressed the moment Run is stops the query before it reaches the database", async () => {
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    const runs = await finishedRuns(page);
    await page.locator("#sql-input").fill("SELECT count(*) FROM range(1000000000000) AS a(i) WHERE i % 5 = 1");
    // Both clicks in one task: the query is still being parsed, not yet with DuckDB, when Cancel arrives.
    await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>("button.sql-run")?.click();
      document.querySelector<HTMLButtonElement>("button.sql-cancel")?.click();
    });
    assert.equal(await waitForRun(page, runs, 20_000), "cancelled");
    assert.equal(await runQuery(page, "SELECT 6 * 7 AS answer"), "done");
    assert.deepEqual(await resultRows(page), [["42"]]);
  });
});

test("a query from a link cannot make the browser fetch from another host", async () => {
  const workbench = await openWorkbench("SELECT * FROM read_csv('http://example.com/data.csv')");
  try {
    assert.equal(workbench.firstState, "error");
    assert.match(await alertText(workbench), /disabled/i);
  } finally {
    await closeClean(workbench); // asserts that no request left the machine
  }
});

test("the quick chart picks a mark from the column types and follows the x/y selects", async () => {
  const example = SQL_EXAMPLES.find((e) => e.id === "findings-by-theme-year")!;
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    assert.equal(await runQuery(page, example.sql), "done");
    const frame = page.locator(".sql-chart figure.chart-frame");
    assert.equal(await frame.locator(".chart-title").textContent(), "findings by theme");
    assert.equal(await page.locator(".sql-chart-mark").textContent(), "bar chart");
    assert.ok((await frame.locator("svg rect").count()) > 0, "bars are drawn");
    await page.locator("#sql-chart-x").selectOption({label: "year"});
    assert.equal(await frame.locator(".chart-title").textContent(), "findings by year");
    assert.equal(await page.locator(".sql-chart-mark").textContent(), "dot chart");
    assert.equal(await page.locator(".sql-chart .chart-embed").count(), 0, "an ad-hoc chart offers no embed code");
  });
});

// Light, then dark: the workbench's colours are all in its stylesheet (by the reader's setting),
// so one workbench, switched, shows both: all of axe in light, then, on the same elements, the
// rules whose answer depends on colour.
test("with a result, a chart, an open table and an error, axe finds nothing serious, in light and dark mode", async () => {
  const workbench = await openWorkbench(at(SQL_EXAMPLES, 0, "the examples").sql);
  const page = workbench.page;
  try {
    assert.equal(workbench.firstState, "done");
    await page.locator(".sql-result-table th button").first().click();
    await page.locator(".sql-schema details[data-table=events] summary").click();
    assert.ok(await page.locator(".sql-chart figure.chart-frame svg").isVisible(), "the quick chart is drawn");
    const check = async (what: string) => {
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({colorScheme});
        const builder = new AxeBuilder({page}).include(".sql-workbench");
        const axe = await (colorScheme === "light" ? builder : builder.withRules(COLOUR_RULES)).analyze();
        const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`), [], `${what}, ${colorScheme} mode`);
      }
    };
    await check("with a result");
    assert.equal(await runQuery(page, "SELECT * FROM nowhere"), "error");
    await check("with an error");
  } finally {
    await closeClean(workbench);
  }
});

// ---- The analysts' own files ----

/** Opens files with the file picker and waits until each has loaded or been refused. */
async function openFiles(workbench: Workbench, files: TestFile[]): Promise<void> {
  const {page} = workbench;
  const before = Number(await page.locator(".sql-workbench").getAttribute("data-file-loads"));
  await page.locator("#sql-file-input").setInputFiles(files);
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".sql-workbench")?.dataset.fileLoads) >= n, before + files.length, {timeout: 30_000});
}

async function fileAlert(workbench: Workbench): Promise<string> {
  const alert = workbench.page.locator(".sql-files [role=alert]");
  assert.ok(await alert.isVisible(), "the file's error is visible");
  return (await alert.textContent()) ?? "";
}

test("a spreadsheet's CSV and a Parquet file open as tables, are queried, and join the fact base", async () => {
  const csv = spreadsheetCsv();
  const parquet = sourcesParquet();
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    await openFiles(workbench, [csv, parquet]);
    assert.equal(await page.locator(".sql-files [role=alert]").isVisible(), false, "no error");
    // Named after the files, listed with their row counts and DuckDB's types.
    const csvEntry = page.locator(".sql-schema-file[data-table=my_events_2016]");
    assert.equal(await csvEntry.locator(".sql-schema-rows").textContent(), `${csv.rows.length} rows`);
    await csvEntry.locator("summary").click();
    const types = await csvEntry.locator("select.sql-schema-type-select").evaluateAll((selects) => selects.map((s) => [(s as HTMLSelectElement).dataset.column, (s as HTMLSelectElement).selectedOptions[0]?.textContent]));
    assert.deepEqual(types, [["event_id", "VARCHAR"], ["note", "VARCHAR"], ["day", "DATE"], ["weight", "BIGINT"]]);
    assert.equal(await page.locator(".sql-schema-file[data-table=citations] .sql-schema-rows").textContent(), `${parquet.rows.length} rows`);

    // Every field as written: the quoted comma and quotes, British dates read day-first, empty cells as NULL.
    assert.equal(await runQuery(page, "SELECT event_id, note, day, weight FROM my_events_2016"), "done");
    assert.deepEqual(await resultRows(page), csv.rows.map((r) => [r.eventId, r.note, r.day, r.weight === null ? "NULL" : String(r.weight)]));

    // Joined with the fact base.
    const events = new Map(dataRows("events").map((row) => [row.get("event_id")!, row]));
    assert.equal(await runQuery(page, "SELECT m.event_id, e.category, m.day = e.date_from AS same_day FROM my_events_2016 AS m JOIN events AS e USING (event_id) ORDER BY m.event_id"), "done");
    const expectedJoin = csv.rows.map((r) => [r.eventId, events.get(r.eventId)!.get("category")!, "true"]).sort(([a = ""], [b = ""]) => (a < b ? -1 : 1));
    assert.deepEqual(await resultRows(page), expectedJoin);

    const publishers = new Map(dataRows("sources").map((row) => [row.get("source_id")!, row.get("publisher")!]));
    assert.equal(await runQuery(page, "SELECT s.publisher, c.citations, c.share FROM citations AS c JOIN sources AS s USING (source_id) ORDER BY c.source_id"), "done");
    const expectedParquet = [...parquet.rows].sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1)).map((r) => [publishers.get(r.sourceId)!, String(r.citations), String(r.share)]);
    assert.deepEqual(await resultRows(page), expectedParquet);

    // The link to a query over a file names the file, not its contents.
    const link = await page.locator("a.sql-share").getAttribute("href");
    assert.match(decodeURIComponent(new URL(link!).hash), /"citations":"Citations\.parquet"/);

    // A detected type can be overridden: the dates read as the text they were.
    const runs = await page.locator(".sql-workbench").getAttribute("data-file-loads");
    await csvEntry.locator("select[data-column=day]").selectOption("VARCHAR");
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".sql-workbench")?.dataset.fileLoads) > n, Number(runs));
    assert.equal(await runQuery(page, "SELECT day FROM my_events_2016"), "done");
    assert.deepEqual((await resultRows(page)).map((r) => r[0]), csv.rows.map((r) => r.day.split("-").reverse().join("/")));
  });
});

test("a broken file gets an alert naming it (and its line), and the open tables keep working", async () => {
  const csv = spreadsheetCsv("Good.csv");
  const ragged = raggedCsv();
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    await openFiles(workbench, [csv]);
    await openFiles(workbench, [ragged]);
    const message = await fileAlert(workbench);
    assert.match(message, new RegExp(`${ragged.name.replace(/[.()]/g, "\\$&")}, line ${ragged.badLine}`));
    await openFiles(workbench, [notParquet()]);
    assert.match(await fileAlert(workbench), /Truncated\.parquet: not a readable Parquet file/);
    assert.equal(await page.locator(".sql-schema-file[data-table=broken_export]").count(), 0, "no half table is left");
    assert.equal(await runQuery(page, "SELECT count(*) AS n FROM good"), "done");
    assert.deepEqual(await resultRows(page), [[String(csv.rows.length)]]);
    assert.equal(await runQuery(page, "SELECT count(*) AS n FROM events"), "done");
    assert.deepEqual(await resultRows(page), [[String(dataRows("events").length)]]);
  });
});

test("facets filter the rows and show the SQL they make; search and sort too", async () => {
  const events = dataRows("events");
  await onSharedWorkbench(async (workbench) => {
    const page = workbench.page;
    await page.locator(".sql-schema details[data-table=events] summary").click();
    let runs = await finishedRuns(page);
    await page.locator(".sql-schema details[data-table=events] button.sql-browse-table").click();
    assert.equal(await waitForRun(page, runs), "done");
    assert.equal(await page.locator(".sql-result-table tbody tr").count(), Math.min(events.length, 1000));
    const facet = page.locator(".sql-facet[data-column=category]");
    await facet.waitFor();
    // Each value with its count, as in data/.
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.get("category")!, (counts.get(e.get("category")!) ?? 0) + 1);
    const shown = await facet.locator("button.sql-facet-value").evaluateAll((buttons) => buttons.map((b) => [(b as HTMLElement).dataset.value!, b.querySelector(".sql-facet-count")!.textContent!]));
    for (const [value, n] of shown) assert.equal(Number(n), counts.get(value ?? ""), `count of ${value}`);
    const [category, n] = at([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)), 0, "the counts");
    assert.deepEqual(shown[0], [category, String(n)], "the most frequent value first");
    // Dates with too many values for a facet are drawn by Plot.auto as a histogram.
    await page.locator(".sql-distribution[data-column=date_from] svg").waitFor();
    assert.ok((await page.locator(".sql-distribution[data-column=date_from] svg rect").count()) > 1, "the histogram has bars");

    runs = await finishedRuns(page);
    await facet.locator(`button.sql-facet-value[data-value="${category}"]`).click();
    assert.equal(await waitForRun(page, runs), "done");
    const sql = await page.locator("#sql-input").inputValue();
    assert.match(sql, new RegExp(`WHERE "category" = '${category}'`));
    assert.equal(await page.locator(".sql-result-table tbody tr").count(), n);
    assert.equal(await facet.locator(`button[data-value="${category}"]`).getAttribute("aria-pressed"), "true");

    // Search the text columns, then sort: the SQL says so and the rows follow.
    const word = events.find((e) => e.get("category") === category)!.get("event")!.split(" ")[0] ?? "";
    runs = await finishedRuns(page);
    await page.locator("#sql-browse-search").fill(word);
    await page.locator("button.sql-browse-search-button").click();
    assert.equal(await waitForRun(page, runs), "done");
    assert.match(await page.locator("#sql-input").inputValue(), /ILIKE/);
    const matching = events.filter((e) => e.get("category") === category && [...e.values()].some((v) => v.toLowerCase().includes(word.toLowerCase())));
    assert.ok(matching.length > 0);
    assert.equal(await page.locator(".sql-result-table tbody tr").count(), matching.length);
    runs = await finishedRuns(page);
    await page.locator("#sql-browse-sort").selectOption("event_id");
    assert.equal(await waitForRun(page, runs), "done");
    assert.match(await page.locator("#sql-input").inputValue(), /ORDER BY "event_id"/);
    const ids = (await resultRows(page)).map((r) => r[0]);
    assert.deepEqual(ids, matching.map((e) => e.get("event_id")!).sort());

    // A second click takes the filter off.
    runs = await finishedRuns(page);
    await page.locator("#sql-browse-search").fill("");
    await page.locator("button.sql-browse-search-button").click();
    await waitForRun(page, runs);
    runs = await finishedRuns(page);
    await facet.locator(`button.sql-facet-value[data-value="${category}"]`).click();
    assert.equal(await waitForRun(page, runs), "done");
    assert.doesNotMatch(await page.locator("#sql-input").inputValue(), /WHERE/);
  });
});

test("files stay after a reload until removed; a link needing a file this browser lacks names it", async () => {
  const csv = spreadsheetCsv();
  const workbench = await openWorkbench("SELECT 1 AS warm");
  const page = workbench.page;
  try {
    await openFiles(workbench, [csv]);
    const sql = "SELECT count(*) AS n FROM my_events_2016";
    assert.equal(await runQuery(page, sql), "done");
    const link = page.url();

    await page.reload();
    assert.equal(await waitForRun(page, 0), "done", "the linked query runs on the reopened file");
    assert.deepEqual(await resultRows(page), [[String(csv.rows.length)]]);
    assert.equal(await page.locator(".sql-file[data-table=my_events_2016]").count(), 1);

    // Another browser (a new context has its own storage) is told which file to open.
    const other = await site.browser.newContext();
    try {
      const stranger = await other.newPage();
      await stranger.goto(link);
      assert.equal(await waitForRun(stranger, 0), "error");
      assert.match((await stranger.locator(".sql-editor [role=alert]").textContent()) ?? "", /my_events_2016 \(from the file “My Events \(2016\)\.csv”\)/);
    } finally {
      await other.close();
    }

    await page.locator(".sql-file[data-table=my_events_2016] button.sql-file-remove").click();
    await page.locator(".sql-file[data-table=my_events_2016]").waitFor({state: "detached"});
    await page.reload();
    await waitForRun(page, 0);
    assert.equal(await page.locator(".sql-file").count(), 0, "a removed file is not reopened");
    assert.equal(await page.locator(".sql-schema-file").count(), 0);
  } finally {
    await closeClean(workbench);
  }
});
