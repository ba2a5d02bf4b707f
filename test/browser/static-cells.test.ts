/**
 * Cells drawn at build: with JavaScript off a story page shows its prose
 * figures, with their values; with it on, each figure is there exactly once
 * (the static copy gave way to the live one). That every page's static cells
 * give way, each once, that its first chart comes with its first paint, before
 * any script, and that it shifts its layout by at most 0.02 on a phone and a
 * desktop, is checked on every page (test/browser/page-checks.ts).
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {openPage, waitForCells} from "../../scripts/export/chromium.js";
import {siteSession} from "../helpers/session.js";

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
