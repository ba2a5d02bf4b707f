/**
 * The April 2016 story as a reader meets it: every statement in the data is on
 * the crisis page with who said it, when and where it was reported, its own
 * words told apart from a reporter's account; the crisis timeline labels its
 * events; and the full timeline can be focused on a period, by keyboard, which
 * narrows the events it shows. Expected values come from data/ through the
 * loaders' own code, never typed in.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {openPage, waitForCells} from "../../scripts/export/chromium.js";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {formatDate, type Precision} from "../../src/lib/story/format.js";
import {sourceIndex} from "../../src/lib/story/citations.js";
import {siteSession} from "../helpers/session.js";

const site = siteSession();
const facts = loadFactBase();
const sources = sourceIndex(facts);

test("every statement is on the crisis page with its speaker, role, date and source", async () => {
  const context = await site.browser.newContext();
  try {
    const {page} = await openPage(context, site.server.origin);
    await page.goto(`${site.server.url}crisis-2016`);
    await waitForCells(page);
    const statements = facts.rows("statements");
    assert.ok(statements.length > 0);
    for (const s of statements) {
      const card = page.locator(`[data-statement="${s.statement_id}"]`);
      assert.equal(await card.count(), 1, `statement ${s.statement_id} is shown once`);
      const text = ((await card.textContent()) ?? "").replace(/\s+/g, " ");
      const words = (s.words as string).replace(/\s+/g, " ");
      assert.ok(text.includes(words), `${s.statement_id}: the words exactly as the source prints them`);
      assert.ok(text.includes(s.speaker as string), `${s.statement_id}: the speaker`);
      if (s.role) assert.ok(text.includes(s.role as string), `${s.statement_id}: the role`);
      assert.ok(text.includes(formatDate(s.date as string, s.date_precision as Precision)), `${s.statement_id}: the date`);
      const source = sources.get(s.source_id as string)!;
      assert.equal(await card.locator(`a[href="${source.url}"]`).count(), 1, `${s.statement_id}: a link to where it was reported`);
      // Own words are a quotation; a reporter's account says it is one.
      if (s.kind === "own words") assert.equal(await card.locator("blockquote").count(), 1, `${s.statement_id}: own words are quoted`);
      else assert.match(text, /^Reported: |Reported: /, `${s.statement_id}: a reporter's account is labelled`);
    }
  } finally {
    await context.close();
  }
});

test("the crisis timeline gives each event of those months a label, and links to the full timeline", async () => {
  const context = await site.browser.newContext();
  try {
    const {page} = await openPage(context, site.server.origin);
    await page.goto(`${site.server.url}crisis-2016`);
    await waitForCells(page);
    const chart = page.locator("#chart-crisis-timeline");
    const labels = await chart.locator("svg text").allTextContents();
    for (const id of ["2016_04_28_chair_resigns", "2016_08_30_percy_steps_down"]) {
      const event = facts.rows("events").find((e) => e.event_id === id)!;
      assert.ok(labels.some((l) => l.includes(formatDate(event.date as string, event.date_precision as Precision))), `the date of ${id} is on the chart`);
    }
    await page.locator('a[href="./timeline#period-crisis"]').first().click();
    await page.waitForURL(/timeline#period-crisis$/);
    await waitForCells(page);
    // The fragment is a place on the page, which is what Framework's link check asks of it.
    assert.equal(await page.locator("#period-crisis").count(), 1, "the link's fragment names an element of the timeline page");
    assert.equal(await page.locator('input[type="radio"]:checked').evaluate((input) => (input.parentElement as HTMLElement).textContent), "The crisis");
  } finally {
    await context.close();
  }
});

test("the full timeline can be focused on a period by keyboard, and the list narrows to it", async () => {
  const context = await site.browser.newContext();
  try {
    const {page} = await openPage(context, site.server.origin);
    await page.goto(`${site.server.url}timeline`);
    await waitForCells(page);
    const rows = page.locator("table.event-list tbody tr");
    const all = await rows.count();
    assert.equal(all, facts.rows("events").length, "the whole record at first");
    // Reach the period control with the keyboard and choose the crisis.
    const radios = page.locator('.timeline-filter input[type="radio"]');
    await radios.first().focus();
    const labels = await radios.evaluateAll((inputs) => inputs.map((i) => (i.parentElement as HTMLElement).textContent));
    for (let i = 0; i < labels.indexOf("The crisis"); i++) await page.keyboard.press("ArrowRight");
    // Each arrow key moves the choice one period on; wait for the list of the last one, not an earlier stop.
    await page.waitForFunction(() => /, the crisis$/.test(document.querySelector(".event-count")?.textContent ?? ""));
    const shown = await rows.count();
    assert.ok(shown > 0 && shown < all, `the crisis shows some events, not all (${shown} of ${all})`);
    const dates = await rows.locator("time").evaluateAll((times) => times.map((t) => (t as HTMLTimeElement).dateTime));
    const leak = facts.rows("events").find((e) => e.event_id === "2015_12_09_mazars_draft_leaked")!.date as string;
    assert.ok(dates.every((d) => d.slice(0, 7) >= leak.slice(0, 7)), "no event before the crisis is listed");
    assert.match(page.url(), /#period-crisis$/, "the focus is kept in the address, to share");
    // The chart's module loads when the choice first needs the live chart; the drawing from the
    // build stays until it is drawn, then gives way to it.
    const live = page.locator('.lazy-chart [data-chart="timeline"] .chart-title');
    await live.waitFor();
    assert.match(await live.innerText(), /^\d+ events, /);
    assert.equal(await page.locator('.static-chart[data-chart="timeline"]').count(), 0, "the drawing from the build gave way to the live chart");
  } finally {
    await context.close();
  }
});
