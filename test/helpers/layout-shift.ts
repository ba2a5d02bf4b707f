/**
 * Layout shift of built pages as the benchmark counts it (bench/browser/marks.js,
 * the largest session window of shifts without input, as Chromium and
 * Lighthouse count it), at a phone's and a desktop's width. A sum of shifted
 * areas, not a time: deterministic enough to assert.
 */
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {watchRequests, waitForCells} from "../../scripts/export/chromium.js";

const MARKS = fileURLToPath(new URL("../../bench/browser/marks.js", import.meta.url));
const VIEWPORTS = {phone: {width: 412, height: 823}, desktop: {width: 1280, height: 900}};

export interface LayoutShift {
  path: string;
  viewport: string;
  layoutShift: number;
}

export async function measureLayout(browser: Browser, baseUrl: string, paths: string[]): Promise<LayoutShift[]> {
  const results: LayoutShift[] = [];
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    for (const path of paths) {
      const context = await browser.newContext({viewport: size});
      const page = await context.newPage();
      watchRequests(page);
      await page.addInitScript({path: MARKS});
      await page.goto(baseUrl + path.slice(1));
      await waitForCells(page);
      // Shifts are reported after the frame that caused them: counted once the frames under way are drawn.
      const layoutShift = await page.evaluate(() => (window as unknown as {__bench: {settledLayoutShift(): Promise<number>}}).__bench.settledLayoutShift());
      await context.close();
      results.push({path, viewport, layoutShift});
    }
  }
  return results;
}
