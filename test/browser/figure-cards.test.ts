/**
 * Figure cards on a phone: a card closes on a tap outside it, and copying a
 * marked figure copies its number, not its mark. (That every card, opened by
 * a tap, and every chart mark's tooltip lie inside a 390 px screen, and that
 * Escape closes a card, is checked on every page: test/browser/page-checks.ts.)
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {waitForCells} from "../../scripts/export/chromium.js";
import {siteSession} from "../helpers/session.js";

const site = siteSession();
const PHONE = {width: 390, height: 844};

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
    // The sentence's own text (what a reader's copy of the paragraph, a screen scraper or find in page
    // sees) holds the number and the word after it, with no mark between them.
    const sentence = await marked.evaluate((fact) => (fact.closest("p, li, td") as HTMLElement).innerText);
    const after = sentence.slice(sentence.indexOf(number.trim()) + number.trim().length);
    assert.match(after, /^[\s,.;:)%]/, `the text after ${number.trim()} starts with "${after.slice(0, 12)}", not a space or punctuation`);
  } finally {
    await context.close();
  }
});
