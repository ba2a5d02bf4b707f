/**
 * What a story page downloads is what it shows: in the built page, every
 * figure of its data file is either shown in its prose and tables (a figure,
 * its counts, interval or period, each marked with data-figure) or drawn by one
 * of its charts (src/lib/delivery/chart-reads.ts), and every statement it is sent is on
 * the page.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {openPage, waitForCells} from "../../scripts/export/chromium.js";
import {CHART_READS, type ChartId} from "../../src/components/charts/chart-registry.js";
import {PAGE_READS, type PageReads} from "../../src/lib/delivery/page-reads.js";
import {siteSession} from "../helpers/session.js";

const site = siteSession();

for (const [page, reads] of Object.entries(PAGE_READS) as [string, PageReads][]) {
  test(`${page}: every figure and statement it downloads is shown or drawn`, async () => {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    try {
      const {page: tab} = await openPage(context, site.server.origin);
      const files: string[] = [];
      tab.on("response", (response) => {
        if (response.url().includes("/_file/data/")) files.push(response.url());
      });
      await tab.goto(site.server.url + (page === "index" ? "" : page));
      await waitForCells(tab);
      assert.equal(files.length, 1, files.join(", "));
      const sent = (await (await context.request.get(files[0])).json()) as {figures?: Record<string, unknown>; statements?: {statement_id: string}[]};
      const shown = await tab.locator("#observablehq-main [data-figure]").evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.figure!));
      const drawn = (reads.charts ?? []).flatMap((chart) => CHART_READS[chart as ChartId].figures ?? []);
      assert.deepEqual(Object.keys(sent.figures ?? {}).sort(), [...new Set([...shown, ...drawn])].sort(), "figures sent against figures shown or drawn");
      const statements = await tab.locator("[data-statement]").evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.statement!));
      assert.deepEqual((sent.statements ?? []).map((s) => s.statement_id).sort(), [...new Set(statements)].sort(), "statements sent against statements shown");
    } finally {
      await context.close();
    }
  });
}
