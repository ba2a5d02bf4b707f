/**
 * Figure cards on a phone: at 390 px every figure's card, opened by a tap,
 * lies inside the screen and the page does not scroll sideways; a card closes
 * on Escape and on a tap outside it; and copying a marked figure copies its
 * number, not its mark. A chart's tooltips, shown on keyboard focus, lie
 * inside the screen too, even for a mark at a chart's edge.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import type {Page} from "playwright-core";
import {EMBEDDABLE_CHARTS} from "../../src/components/charts/chart-registry.js";
import {waitForCells} from "../../scripts/export/chromium.js";
import {liveCharts} from "../helpers/live-charts.js";
import {siteSession} from "../helpers/session.js";

const site = siteSession();
const PHONE = {width: 390, height: 844};
/** The story pages, whose prose carries figures. */
const PAGES = ["", "deaths", "learning-disability", "crisis-2016", "warnings"];
/** A figure's or a disputed date's button in the prose or a card, outside the charts. */
const OPENERS = "#observablehq-main :is(.fact, .record-date-disputed) > .fact-value";

/** Figures whose opening bracket ("(14.1%)") ends the line above them, as "…Ulysses (" then "14.1%)". */
function strandedBrackets(page: Page): Promise<string[]> {
  return page.evaluate((openers) => {
    const stranded: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (const button of document.querySelectorAll(openers)) {
      walker.currentNode = button.parentElement!;
      const before = walker.previousNode() as Text | null;
      if (!before || !/[([]$/.test(before.data)) continue;
      const bracket = document.createRange();
      bracket.setStart(before, before.data.length - 1);
      bracket.setEnd(before, before.data.length);
      const mark = bracket.getBoundingClientRect();
      const figure = button.getClientRects()[0];
      if (figure && figure.top >= mark.bottom - 1) stranded.push(`${before.data.slice(-20)}${button.textContent}`);
    }
    return stranded;
  }, OPENERS);
}

for (const path of PAGES) {
  test(`/${path}: at 390 px every figure card opens inside the screen, with no sideways scroll`, async () => {
    const context = await site.browser.newContext({viewport: PHONE, hasTouch: true, isMobile: true});
    try {
      const page = await context.newPage();
      await page.goto(site.server.url + path);
      await waitForCells(page);
      const openers = page.locator(OPENERS);
      const count = await openers.count();
      assert.ok(count > 0, "the page has figures");
      assert.deepEqual(await strandedBrackets(page), [], "an opening bracket ends a line apart from the figure it opens");
      const outside: string[] = [];
      for (let i = 0; i < count; i++) {
        const opener = openers.nth(i);
        if (!(await opener.isVisible())) continue;
        await opener.scrollIntoViewIfNeeded();
        await opener.tap();
        const card = opener.locator("xpath=following-sibling::*[contains(@class, 'fact-card')]");
        assert.ok(await card.isVisible(), `figure ${i} (${await opener.innerText()}): a tap opens its card`);
        const box = (await card.boundingBox())!;
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (box.x < 0 || box.x + box.width > PHONE.width || box.y < 0 || box.y + box.height > PHONE.height || scroll > 0) {
          outside.push(`${await opener.innerText()}: card at x ${Math.round(box.x)}–${Math.round(box.x + box.width)}, y ${Math.round(box.y)}–${Math.round(box.y + box.height)}; sideways scroll ${scroll} px`);
        }
        await page.keyboard.press("Escape");
        assert.ok(!(await card.isVisible()), `figure ${i}: Escape closes its card`);
      }
      assert.deepEqual(outside, [], "cards outside the screen");
    } finally {
      await context.close();
    }
  });
}

test("a tap outside a card closes it; copying a marked figure gives its number alone", async () => {
  const context = await site.browser.newContext({viewport: PHONE, hasTouch: true, isMobile: true});
  try {
    const page = await context.newPage();
    await page.goto(site.server.url + "learning-disability");
    await waitForCells(page);
    const marked = page.locator("#observablehq-main .fact:has(> .status-mark)").first();
    assert.ok((await marked.count()) > 0, "the page has a figure with a mark");
    const opener = marked.locator("> .fact-value");
    await opener.scrollIntoViewIfNeeded();
    await opener.tap();
    const card = marked.locator("> .fact-card");
    assert.ok(await card.isVisible(), "the card opens");
    assert.match(await card.innerText(), /Source: /, "the card names its source");
    await page.locator("#observablehq-main h1").tap();
    assert.ok(!(await card.isVisible()), "a tap outside closes it");
    const copied = await marked.evaluate((fact) => {
      const range = document.createRange();
      range.selectNodeContents(fact.querySelector(".fact-value")!.parentElement!);
      range.setEndBefore(fact.querySelector(".fact-card")!);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    const number = await opener.innerText();
    assert.equal(copied.trim(), number.trim(), "the copied text is the number, without its mark");
  } finally {
    await context.close();
  }
});

/** The pages with charts, and each chart's embed page (its tooltips are the embed's own script's). */
const CHART_PAGES = ["", "deaths", "learning-disability", "ratings", "warnings", "timeline", "crisis-2016", ...EMBEDDABLE_CHARTS.map(({id}) => `embed/${id}`)];

test("at 390 px every chart mark's tooltip opens inside the screen, on the pages and in the embeds", async () => {
  const context = await site.browser.newContext({viewport: PHONE, hasTouch: true, isMobile: true});
  try {
    const page = await context.newPage();
    let marks = 0;
    const outside: string[] = [];
    for (const path of CHART_PAGES) {
      await page.goto(site.server.url + path);
      await waitForCells(page);
      await liveCharts(page);
      // Each mark focused in turn, as a keyboard reader would reach it; its tip measured where it opened.
      const found = await page.evaluate(() =>
        // An embed holds a drawing for each width it may be shown at; only the one on screen counts.
        [...document.querySelectorAll<HTMLElement>(".chart-body .chart-mark")].filter((mark) => mark.getClientRects().length > 0).map((mark) => {
          mark.scrollIntoView({block: "center"});
          mark.focus();
          const tip = mark.closest(".chart-body")!.querySelector<HTMLElement>(".chart-tip")!;
          const box = tip.getBoundingClientRect();
          const shown = !tip.hidden && tip.textContent === mark.getAttribute("aria-label");
          mark.blur();
          return {label: mark.getAttribute("aria-label") ?? "", shown, left: box.left, right: box.right, width: document.documentElement.clientWidth};
        })
      );
      marks += found.length;
      for (const tip of found) {
        if (!tip.shown || tip.left < 0 || tip.right > tip.width) outside.push(`/${path}: "${tip.label.slice(0, 40)}" ${tip.shown ? `at x ${Math.round(tip.left)}–${Math.round(tip.right)}` : "not shown"}`);
      }
    }
    assert.ok(marks > 20, `only ${marks} marks with tooltips were found`);
    assert.deepEqual(outside, [], "tooltips outside the screen");
  } finally {
    await context.close();
  }
});
