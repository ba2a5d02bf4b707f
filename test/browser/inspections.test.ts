/**
 * The regulators' pages as a reader uses them, in Debian's Chromium: the
 * findings explorer narrows by theme and by text and comes back whole when
 * the filters are cleared; the timeline filters by category and resets; and a
 * date known only to the month is drawn across that month and written
 * "Month YYYY". Expected counts come from data/, through the same code as the
 * pages' data loader.
 */
import assert from "node:assert/strict";
import {describe, test} from "node:test";
import type {BrowserContext, Page} from "playwright-core";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {inspectionRecord} from "../../src/lib/story/story.js";
import {formatCount, formatDate} from "../../src/lib/story/format.js";
import type {EventRow, FindingRow} from "../../src/components/charts/record.js";
import {openPage, waitForCells, type PageRecord} from "../../scripts/export/chromium.js";
import {liveCharts} from "../helpers/live-charts.js";
import {siteSession} from "../helpers/session.js";

const record = inspectionRecord(loadFactBase()) as unknown as {events: EventRow[]; findings: FindingRow[]};
const DAY = 24 * 60 * 60 * 1000;

const site = siteSession();
let context: BrowserContext;

async function open(path: string, width = 1280): Promise<PageRecord> {
  context = await site.browser.newContext({viewport: {width, height: 900}});
  const page = await openPage(context, site.server.origin);
  await page.page.goto(site.server.url + path);
  await waitForCells(page.page);
  // The tests below read and filter the live charts, which a reader's pointer or scroll draws.
  await liveCharts(page.page);
  return page;
}

/** Waits until Framework has re-run the cells after an input changed. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0);
}

describe("findings explorer", () => {
  const total = record.findings.length;
  const showing = (n: number) => `Showing ${formatCount(n)} of ${formatCount(total)} findings`;

  test("a theme narrows the table; choosing All brings every row back", async () => {
    const {page, consoleErrors} = await open("findings");
    try {
      const count = page.locator(".findings-count");
      assert.equal(await count.textContent(), showing(total));
      const ligature = record.findings.filter((f) => f.theme === "ligature").length;
      assert.ok(ligature > 0 && ligature < total, "the data has ligature findings and others");
      // The title states the theme the findings return to most, counted from the data.
      const byTheme = [...new Set(record.findings.map((f) => f.theme))].map((theme) => record.findings.filter((f) => f.theme === theme).length).sort((a, b) => b - a);
      assert.ok((byTheme[0] ?? 0) > (byTheme[1] ?? 0) && byTheme[0] === ligature, "ligature is the commonest theme in the data");
      const title = page.locator("#chart-findings .chart-title");
      assert.equal(await title.textContent(), `“Ligature” is the commonest theme: ${formatCount(ligature)} of the ${formatCount(total)} findings`);
      await page.getByLabel("Theme", {exact: true}).selectOption({label: "Ligature"});
      await settled(page);
      await page.waitForFunction((text) => document.querySelector(".findings-count")?.textContent === text, showing(ligature));
      assert.equal(await page.locator(".findings-table tbody tr").count(), ligature, "one table row per finding shown");
      const themes = await page.locator(".findings-table tbody tr td:nth-child(6)").allTextContents();
      assert.deepEqual([...new Set(themes)], ["Ligature"]);
      assert.equal(await title.textContent(), `${formatCount(ligature)} findings on “Ligature”`);
      await page.getByLabel("Theme", {exact: true}).selectOption({label: "All themes"});
      await page.waitForFunction((text) => document.querySelector(".findings-count")?.textContent === text, showing(total));
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test("text search narrows the table, and Clear filters restores it", async () => {
    const {page, consoleErrors} = await open("findings");
    try {
      const word = "Ravenswood";
      const expected = record.findings.filter((f) => [f.finding, f.location, f.event, f.theme, f.body, f.quote].some((v) => v !== null && new RegExp(`(?:^|[^\\p{L}-])${word}`, "iu").test(v))).length;
      assert.ok(expected > 0 && expected < total);
      await page.locator(".findings-filters input[type=search]").fill(word);
      await page.waitForFunction((text) => document.querySelector(".findings-count")?.textContent === text, showing(expected));
      for (const row of await page.locator(".findings-table tbody tr").allTextContents()) assert.ok(row.length > 0);
      // Search and a filter combine; clearing resets both.
      await page.getByLabel("Year", {exact: true}).selectOption({index: 1});
      await settled(page);
      await page.getByRole("button", {name: "Clear filters"}).click();
      await page.waitForFunction((text) => document.querySelector(".findings-count")?.textContent === text, showing(total));
      assert.equal(await page.locator(".findings-filters input[type=search]").inputValue(), "");
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test("every row links to its source", async () => {
    const {page} = await open("findings");
    try {
      const links = await page.locator(".findings-table tbody tr td:last-child a.source-link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const rows = await page.locator(".findings-table tbody tr").count();
      assert.equal(links.length, rows);
      assert.ok(links.every((href) => /^https?:\/\//.test(href)));
    } finally {
      await context.close();
    }
  });
});

describe("timeline", () => {
  const deaths = record.events.filter((e) => e.category === "death").length;

  test("the category filter narrows the chart and the list, and All categories resets them", async () => {
    const {page, consoleErrors} = await open("timeline");
    try {
      const list = page.locator("table.event-list tbody tr");
      assert.equal(await list.count(), record.events.length);
      const marks = page.locator("#chart-timeline .chart-mark");
      const allMarks = await marks.count();
      await page.getByLabel("Category", {exact: true}).selectOption({label: "Deaths"});
      await settled(page);
      await page.waitForFunction((n) => document.querySelectorAll("table.event-list tbody tr").length === n, deaths);
      const categories = await page.locator("table.event-list tbody tr td:nth-child(2)").allTextContents();
      assert.deepEqual([...new Set(categories)], ["Deaths"]);
      assert.ok((await marks.count()) < allMarks, "fewer marks on the chart");
      await page.getByLabel("Category", {exact: true}).selectOption({label: "All categories"});
      await page.waitForFunction((n) => document.querySelectorAll("table.event-list tbody tr").length === n, record.events.length);
      assert.equal(await marks.count(), allMarks);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  for (const width of [1280, 390]) {
    test(`a month-dated event is drawn inside its month, not as a day's dot, and listed as "Month YYYY" (${width} px)`, async () => {
      const month = record.events.find((e) => e.date_precision === "month")!;
      const when = formatDate(month.date, "month");
      assert.match(when, /^[A-Z][a-z]+ \d{4}$/);
      const {page} = await open("timeline", width);
      try {
        assert.equal((await page.locator(`tr[data-event="${month.event_id}"] .event-date`).textContent())?.trim(), when);
        const measured = await page.evaluate((label) => {
          const svg = document.querySelector("#chart-timeline svg")!;
          // Pixels per day from two year ticks of the axis.
          const ticks = [...svg.querySelectorAll("text")]
            .filter((t) => /^\d{4}$/.test(t.textContent?.trim() ?? ""))
            .map((t) => ({year: Number(t.textContent), x: t.getBoundingClientRect().left + t.getBoundingClientRect().width / 2}));
          const [a, b] = [ticks[0], ticks[ticks.length - 1]];
          const mark = [...svg.querySelectorAll(".chart-mark")].find((m) => m.getAttribute("aria-label")?.startsWith(`${label} · `));
          const box = mark?.getBoundingClientRect();
          if (!a || !b) throw new Error("the axis has no year ticks");
          return {yearA: a.year, xA: a.x, yearB: b.year, px: b.x - a.x, centre: box ? box.left + box.width / 2 : null, width: box?.width ?? null, tag: mark?.tagName ?? null};
        }, when);
        assert.ok(measured.centre !== null, `no mark labelled ${when}`);
        const pxPerDay = measured.px / ((Date.UTC(measured.yearB, 0, 1) - Date.UTC(measured.yearA, 0, 1)) / DAY);
        const [year, monthIndex] = [+month.date.slice(0, 4), +month.date.slice(5, 7) - 1];
        const xOf = (ms: number) => measured.xA + ((ms - Date.UTC(measured.yearA, 0, 1)) / DAY) * pxPerDay;
        const [from, to] = [xOf(Date.UTC(year, monthIndex, 1)), xOf(Date.UTC(year, monthIndex + 1, 1))];
        // A month too narrow to see on this axis is a square (a symbol path); a day is a round dot (a circle).
        assert.equal(measured.tag, to - from >= 14 ? "rect" : "path", "a month's mark, not a day's dot");
        assert.ok(measured.centre! >= from - 1.5 && measured.centre! <= to + 1.5, `inside its month: ${measured.centre} px, the month ${from}–${to} px`);
      } finally {
        await context.close();
      }
    });
  }
});
