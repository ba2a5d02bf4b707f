/**
 * Every page of the built site, cold. Each run opens every page at 1,280 px
 * (bytes, first chart, first contentful paint, layout shift) and at 412 px
 * (layout shift); runs go round all the pages in turn, so that a slow moment
 * of a shared machine is spread over pages rather than landing on one. Once
 * per page, with JavaScript off, the charts visible are counted against those
 * the page shows with JavaScript on.
 */
import type {Browser, Page} from "playwright-core";
import {waitForCells} from "../scripts/export/chromium.js";
import {openPage, PHONE, type Marks, type Site, type Transfers} from "./browser.js";

export interface PageRun extends Transfers {
  firstChartMs: number | null;
  firstPaintMs: number | null;
  layoutShiftDesktop: number;
  layoutShiftPhone: number;
}

export interface PageResult {
  path: string;
  chartsWithJs: number;
  chartsWithoutJs: number;
  runs: PageRun[];
}

async function settle(page: Page): Promise<void> {
  await waitForCells(page);
  // The SQL workbench starts DuckDB and loads its tables after the cells have run.
  if (await page.locator(".sql-workbench").count()) {
    // A function, not a string: the page's policy refuses the eval a string predicate needs.
    await page.waitForFunction(() => (window as unknown as {__bench: {firstRunState: unknown}}).__bench.firstRunState !== null, undefined, {timeout: 60_000});
    await page.waitForLoadState("networkidle");
  }
}

async function load(browser: Browser, site: Site, path: string, viewport?: typeof PHONE): Promise<{marks: Marks; transfers: Transfers; charts: number}> {
  const opened = await openPage(browser, site, path, {viewport});
  try {
    await settle(opened.page);
    return {marks: await opened.marks(), transfers: opened.transfers(), charts: await opened.page.locator("figure.chart-frame:visible").count()};
  } finally {
    await opened.close();
  }
}

async function chartsWithoutJs(browser: Browser, site: Site, path: string): Promise<number> {
  const opened = await openPage(browser, site, path, {javaScript: false});
  try {
    return await opened.page.locator("figure.chart-frame:visible:has(svg, table)").count();
  } finally {
    await opened.close();
  }
}

export async function benchPages(browser: Browser, site: Site, paths: string[], runs: number, log: (message: string) => void): Promise<PageResult[]> {
  const results = new Map<string, PageResult>();
  for (const path of paths) results.set(path, {path, chartsWithJs: 0, chartsWithoutJs: await chartsWithoutJs(browser, site, path), runs: []});
  for (let i = 0; i < runs; ++i) {
    for (const path of paths) {
      const desktop = await load(browser, site, path);
      const phone = await load(browser, site, path, PHONE);
      const result = results.get(path)!;
      result.chartsWithJs = Math.max(result.chartsWithJs, desktop.charts);
      result.runs.push({
        ...desktop.transfers,
        firstChartMs: desktop.marks.firstChartMs,
        firstPaintMs: desktop.marks.firstPaintMs,
        layoutShiftDesktop: desktop.marks.layoutShift,
        layoutShiftPhone: phone.marks.layoutShift
      });
    }
    log(`pages: run ${i + 1}/${runs} (${paths.length} pages at 1280 and 412 px)`);
  }
  return [...results.values()];
}
