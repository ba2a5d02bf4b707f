/**
 * Cells drawn at build: with JavaScript off a story page shows its prose
 * figures, with their values; with it on, each figure is there exactly once
 * (the static copy gave way to the live one); and no page shifts its layout by
 * more than 0.02 at a phone's or a desktop's width (layout shift is a sum of
 * moved areas, not a time, so it is asserted here; the benchmark reports it too).
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {openPage, waitForCells} from "../../scripts/export/chromium.js";
import {prerendered} from "../../scripts/prerender/static-cells.js";
import {measureLayout} from "../helpers/layout-shift.js";
import {builtPages} from "../helpers/site.js";
import {siteSession} from "../helpers/session.js";
import {liveCharts} from "../helpers/live-charts.js";

const site = siteSession();

/** Each prose figure as "figure id: value", in page order. */
function figuresInPage(): string[] {
  return [...document.querySelectorAll("#observablehq-main .fact")]
    .filter((fact) => !fact.closest(".chart-frame"))
    .map((fact) => `${(fact as HTMLElement).dataset.figure}: ${fact.querySelector(".fact-value")?.textContent?.trim() ?? ""}`);
}

test("with JavaScript off, /deaths shows its prose figures with their values; with it on, each once", async () => {
  const off = await site.browser.newContext({viewport: {width: 1000, height: 800}, javaScriptEnabled: false});
  const on = await site.browser.newContext({viewport: {width: 1000, height: 800}});
  try {
    const still = await off.newPage();
    await still.goto(site.server.url + "deaths");
    const without = await still.evaluate(figuresInPage);
    assert.ok(without.length >= 20, `only ${without.length} figures shown without JavaScript`);
    for (const figure of without) assert.match(figure, /^\w+: \S/, `a figure without its value: ${figure}`);
    assert.ok(without.includes("deaths_total: 10,306"), "the total of deaths is in the prose");
    assert.ok(await still.locator("#observablehq-main .fact").first().isVisible(), "the figures are visible");
    const {page: live} = await openPage(on, site.server.origin);
    await live.goto(site.server.url + "deaths");
    await waitForCells(live);
    assert.deepEqual(await live.evaluate(figuresInPage), without, "with JavaScript, the same figures, each once");
    assert.equal(await live.locator("[data-static-cell]").count(), 0, "a static cell is left beside the live one");
  } finally {
    await off.close();
    await on.close();
  }
});

test("with JavaScript on, no story page keeps a static cell or shows a cell's output twice", async () => {
  const on = await site.browser.newContext({viewport: {width: 1000, height: 800}});
  try {
    for (const path of (await builtPages()).filter(prerendered)) {
      const {page} = await openPage(on, site.server.origin);
      await page.goto(site.server.url + path.slice(1));
      await waitForCells(page);
      assert.equal(await page.locator("[data-static-cell]").count(), 0, `${path}: a static cell is left`);
      const ids = await page.locator("#observablehq-main [id]").evaluateAll((nodes) => nodes.map((n) => n.id));
      const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
      assert.deepEqual(repeated, [], `${path}: ids repeated (doubled output?)`);
      await page.close();
    }
  } finally {
    await on.close();
  }
});

test("layout shift is at most 0.02 on every story page at 412 and 1280 px", async () => {
  const paths = (await builtPages()).filter(prerendered);
  const results = await measureLayout(site.browser, site.server.url, paths);
  const over = results.filter((r) => r.layoutShift > 0.02).map((r) => `${r.path} (${r.viewport}): ${r.layoutShift.toFixed(3)}`);
  assert.deepEqual(over, [], "pages that shift by more than 0.02");
});

test("a story page paints its first chart with its first content, fetches no script until then, and then goes live", async () => {
  const context = await site.browser.newContext({viewport: {width: 1000, height: 800}});
  try {
    // When the parser puts the first drawn chart into the page, in the page's own clock.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector(".chart-frame .chart-body svg, .chart-frame .chart-body table")) return;
        (window as unknown as {firstChartAt: number}).firstChartAt = performance.now();
        observer.disconnect();
      }).observe(document, {childList: true, subtree: true});
    });
    for (const path of (await builtPages()).filter(prerendered)) {
      const {page} = await openPage(context, site.server.origin);
      await page.goto(site.server.url + path.slice(1));
      await waitForCells(page);
      // The paint's entry is reported once its frame is shown, which on a loaded machine can come after
      // the cells have run: waited for (up to 10 s), not read once.
      const paint = await page.evaluate(
        () =>
          new Promise<number | null>((resolve) => {
            new PerformanceObserver((list, observer) => {
              const entry = list.getEntriesByName("first-contentful-paint")[0];
              if (!entry) return;
              observer.disconnect();
              resolve(entry.startTime);
            }).observe({type: "paint", buffered: true});
            setTimeout(() => resolve(null), 10_000);
          })
      );
      const {scripts, firstChart, hasChart} = await page.evaluate(() => ({
        hasChart: document.querySelector(".chart-frame .chart-body svg, .chart-frame .chart-body table") !== null,
        firstChart: (window as unknown as {firstChartAt?: number}).firstChartAt ?? null,
        scripts: performance.getEntriesByType("resource").filter((r) => /\.js(\?|$)/.test(r.name)).map((r) => ({name: r.name, start: r.startTime}))
      }));
      assert.notEqual(paint, null, `${path}: no first contentful paint`);
      assert.ok(scripts.length > 0, `${path}: its scripts never loaded`);
      // A page with a chart must have had it arrive (the observer saw it), and before the first paint.
      if (hasChart) assert.notEqual(firstChart, null, `${path}: its chart was never seen arriving`);
      if (firstChart !== null) assert.ok(firstChart <= paint!, `${path}: the first chart arrived at ${firstChart.toFixed(0)} ms, after the first paint at ${paint!.toFixed(0)} ms`);
      for (const script of scripts) assert.ok(script.start >= paint!, `${path}: ${script.name} was fetched at ${script.start.toFixed(0)} ms, before the first paint at ${paint!.toFixed(0)} ms`);
      await liveCharts(page);
      assert.equal(await page.locator("[data-static-cell], .static-chart").count(), 0, `${path}: the live page did not replace what was drawn at build`);
      await page.close();
    }
  } finally {
    await context.close();
  }
});
