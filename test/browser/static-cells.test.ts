/**
 * Cells drawn at build: with JavaScript off a story page shows its prose
 * figures, with their values; with it on, each figure is there exactly once
 * (the static copy gave way to the live one). That every page's static cells
 * give way, each once, that its first chart comes with its first paint, before
 * any script, and that it shifts its layout by at most 0.02 on a phone and a
 * desktop, is checked on every page (test/browser/page-checks.ts). Without
 * JavaScript, a phone still has its labelled Menu button.
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

test("with JavaScript off, a phone's menu is the same labelled button of at least 44 px, and it opens the list of pages", async () => {
  const off = await site.browser.newContext({viewport: {width: 390, height: 800}, javaScriptEnabled: false});
  try {
    const page = await off.newPage();
    await page.goto(site.server.url + "deaths");
    const toggle = page.locator("#observablehq-sidebar-toggle");
    const box = (await toggle.boundingBox())!;
    assert.ok(box.width >= 44 && box.height >= 44, `the menu is ${box.width} × ${box.height} px`);
    assert.ok(box.y < 20 && box.x < 20, `the menu is not at the top left of the page: ${box.x}, ${box.y}`);
    assert.equal(await toggle.evaluate((node) => getComputedStyle(node, "::after").content), '"Menu"');
    const sidebar = page.locator("#observablehq-sidebar");
    assert.equal(await sidebar.evaluate((node) => getComputedStyle(node).visibility), "hidden");
    await toggle.click();
    await page.waitForFunction(() => getComputedStyle(document.getElementById("observablehq-sidebar")!).visibility === "visible");
    assert.ok(await sidebar.getByRole("link", {name: "Learning disability", exact: true}).isVisible(), "the list of pages is open");
  } finally {
    await off.close();
  }
});
