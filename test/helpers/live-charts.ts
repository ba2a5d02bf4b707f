/**
 * Charts become live (interactive) when the reader gets to them
 * (src/components/frame/lazy-chart.ts). A test that needs every chart live
 * brings each one that is still as drawn at build into view and points at it,
 * as a reader would, and waits for the page to replace it.
 */
import type {Page} from "playwright-core";

export async function liveCharts(page: Page): Promise<void> {
  for (;;) {
    // One step in the page: the scroll alone may wake the chart, and the pointer then finds it gone.
    const left = await page.evaluate(() => {
      const chart = document.querySelector(".static-chart");
      chart?.scrollIntoView({block: "center", behavior: "instant"});
      chart?.dispatchEvent(new PointerEvent("pointerover", {bubbles: true, pointerType: "mouse"}));
      return document.querySelectorAll(".static-chart").length;
    });
    if (left === 0) break;
    await page.waitForFunction((before) => document.querySelectorAll(".static-chart").length < before, left, {timeout: 10_000});
  }
  await page.evaluate(() => window.scrollTo({top: 0, behavior: "instant"}));
}
