/**
 * Layout shift and charts without JavaScript, per page: the two budgets of
 * build-time charts. For each page at a phone and a desktop viewport, the sum
 * of `layout-shift` entries (without recent input) until the page is idle, as
 * Chromium reports them; and, with JavaScript off, how many chart frames are
 * visible against how many the page shows with JavaScript on.
 */
import type {Browser} from "playwright-core";
import {waitForCells} from "../scripts/chromium.js";

export interface LayoutResult {
  path: string;
  viewport: string;
  layoutShift: number;
  chartsWithJs: number;
  chartsWithoutJs: number;
  firstChartMs: number | null;
}

const VIEWPORTS = {phone: {width: 412, height: 823}, desktop: {width: 1280, height: 900}};

const OBSERVE = `
  window.__shift = 0; window.__firstChart = null;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: "layout-shift", buffered: true});
  new MutationObserver(() => { if (window.__firstChart === null && document.querySelector("figure.chart-frame svg, figure.chart-frame table")) window.__firstChart = performance.now(); }).observe(document, {childList: true, subtree: true});
`;

export async function measureLayout(browser: Browser, baseUrl: string, paths: string[]): Promise<LayoutResult[]> {
  const results: LayoutResult[] = [];
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    for (const path of paths) {
      const live = await browser.newContext({viewport: size});
      const page = await live.newPage();
      await page.addInitScript(OBSERVE);
      await page.goto(baseUrl + path.slice(1));
      await waitForCells(page);
      await page.waitForTimeout(500);
      const {shift, first} = await page.evaluate(() => ({shift: (window as any).__shift as number, first: (window as any).__firstChart as number | null}));
      const chartsWithJs = await page.locator("figure.chart-frame:visible").count();
      await live.close();
      const off = await browser.newContext({viewport: size, javaScriptEnabled: false});
      const still = await off.newPage();
      await still.goto(baseUrl + path.slice(1));
      const chartsWithoutJs = await still.locator("figure.chart-frame:visible:has(svg, table)").count();
      await off.close();
      results.push({path, viewport, layoutShift: shift, chartsWithJs, chartsWithoutJs, firstChartMs: first});
    }
  }
  return results;
}
