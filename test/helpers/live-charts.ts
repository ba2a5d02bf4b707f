/**
 * Charts become live (interactive) when the reader gets to them
 * (src/components/frame/lazy-chart.ts). A test that needs every chart live scrolls
 * to each one that is still as drawn at build, as a reader would, and waits
 * for the page to replace it.
 */
import type {Page} from "playwright-core";

export async function liveCharts(page: Page): Promise<void> {
  for (;;) {
    // One step in the page: a chart may go live on its own (when the browser is idle) between two calls.
    const left = await page.evaluate(() => {
      document.querySelector(".static-chart")?.scrollIntoView({block: "center"});
      return document.querySelectorAll(".static-chart").length;
    });
    if (left === 0) break;
    await page.waitForFunction((before) => document.querySelectorAll(".static-chart").length < before, left, {timeout: 10_000});
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
