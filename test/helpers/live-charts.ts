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

/**
 * Brings every chart live (as `liveCharts`) and returns, for each chart whose live drawing took
 * more or less room than the drawing from the build, how far the page below it moved: the
 * hand-over must move nothing the reader sees.
 */
export async function liveChartsMoves(page: Page): Promise<string[]> {
  // The room each chart's cell takes: from the end of what comes before it to the start of what follows.
  const room = () =>
    page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll("figure.chart-frame[data-chart]")].flatMap((frame) => {
          const cell = frame.closest(".observablehq--block");
          const [before, after] = [cell?.previousElementSibling, cell?.nextElementSibling];
          if (!before || !after) return [];
          return [[(frame as HTMLElement).dataset.chart ?? "", after.getBoundingClientRect().top - before.getBoundingClientRect().bottom]];
        })
      )
    );
  const drawnAtBuild = await room();
  await liveCharts(page);
  const live = await room();
  return Object.entries(drawnAtBuild).flatMap(([chart, height]) => {
    const moved = (live[chart] ?? height) - height;
    return Math.abs(moved) > 1 ? [`${chart}: the page below moved ${moved.toFixed(0)} px as it went live`] : [];
  });
}
