/**
 * Charts become live (interactive) when the reader gets to them
 * (src/components/lazy-chart.ts). A test that needs every chart live scrolls
 * to each one that is still as drawn at build, as a reader would, and waits
 * for the page to replace it.
 */
import type {Page} from "playwright-core";

export async function liveCharts(page: Page): Promise<void> {
  for (let left = await page.locator(".static-chart").count(); left > 0; left = await page.locator(".static-chart").count()) {
    await page.locator(".static-chart").first().evaluate((node) => node.scrollIntoView({block: "center"}));
    await page.waitForFunction((before) => document.querySelectorAll(".static-chart").length < before, left, {timeout: 10_000});
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
