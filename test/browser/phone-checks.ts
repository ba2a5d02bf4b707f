/**
 * What a reader on a phone meets: a figure's card and a chart mark's tooltip,
 * opened with a tap or a keyboard, and figures set in brackets on a narrow
 * line, and the Menu button over the text. Each returns what it found wrong, in words for the test's message;
 * test/browser/page-checks.ts runs them on every page at 390 px.
 */
import type {Page} from "playwright-core";

/** A figure's or a disputed date's button in the prose or a card, outside the charts. */
const OPENERS = "#observablehq-main :is(.fact, .record-date-disputed) > .fact-value";

/** Figures whose opening bracket ("(14.1%)") ends the line above them, as "…Ulysses (" then "14.1%)". */
export function strandedBrackets(page: Page): Promise<string[]> {
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

/**
 * The text the phone's Menu button lies over, with the page scrolled so that each heading in
 * turn is at the top of the screen, as a link to it puts it: the button must never hide what
 * the reader came to read.
 */
export function menuCovers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const button = document.querySelector(".sidebar-menu-button");
    if (!button || getComputedStyle(button).display === "none") return [];
    const covered = new Set<string>();
    const text = [...document.querySelectorAll("#observablehq-main :is(h1, h2, h3, p, li, figcaption)")];
    for (const heading of document.querySelectorAll("#observablehq-main :is(h2, h3)[id]")) {
      heading.scrollIntoView({block: "start", behavior: "instant"});
      const menu = button.getBoundingClientRect();
      for (const node of text) {
        // Inline, not a helper function: the bundler would name it with a function the page lacks.
        const box = node.getBoundingClientRect();
        if (menu.left < box.right && box.left < menu.right && menu.top < box.bottom && box.top < menu.bottom) covered.add(node.textContent!.trim().slice(0, 40));
      }
    }
    window.scrollTo({top: 0, behavior: "instant"});
    return [...covered];
  });
}

/**
 * Opens every figure's card with a tap, in turn, and closes it with Escape. Returns the cards
 * that left the screen (or made the page scroll sideways), the openers that opened nothing or
 * that Escape did not close, and how many cards were opened.
 */
export async function cardsOutside(page: Page): Promise<{opened: number; problems: string[]}> {
  const {width, height} = page.viewportSize()!;
  const openers = page.locator(OPENERS);
  const problems: string[] = [];
  let opened = 0;
  for (let i = 0; i < (await openers.count()); i++) {
    const opener = openers.nth(i);
    if (!(await opener.isVisible())) continue;
    const name = await opener.innerText();
    await opener.scrollIntoViewIfNeeded();
    await opener.tap();
    const card = opener.locator("xpath=following-sibling::*[contains(@class, 'fact-card')]");
    if (!(await card.isVisible())) {
      problems.push(`${name}: a tap opens no card`);
      continue;
    }
    opened++;
    const box = (await card.boundingBox())!;
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (box.x < 0 || box.x + box.width > width || box.y < 0 || box.y + box.height > height || scroll > 0) {
      problems.push(`${name}: card at x ${Math.round(box.x)}–${Math.round(box.x + box.width)}, y ${Math.round(box.y)}–${Math.round(box.y + box.height)}; sideways scroll ${scroll} px`);
    }
    await page.keyboard.press("Escape");
    if (await card.isVisible()) problems.push(`${name}: Escape leaves its card open`);
  }
  return {opened, problems};
}

/**
 * Focuses every chart mark on screen, as a keyboard reader reaches it, and measures its tooltip
 * where it opened. Returns the tooltips not shown or not inside the screen, and how many marks
 * were tried.
 */
export async function tipsOutside(page: Page): Promise<{marks: number; problems: string[]}> {
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
  const problems = found
    .filter((tip) => !tip.shown || tip.left < 0 || tip.right > tip.width)
    .map((tip) => `"${tip.label.slice(0, 40)}" ${tip.shown ? `at x ${Math.round(tip.left)}–${Math.round(tip.right)}` : "not shown"}`);
  return {marks: found.length, problems};
}
