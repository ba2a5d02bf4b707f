/**
 * The landing page's dateline: written into the slot the page leaves for it,
 * in words, with the theme's credit line; a landing page without the slot
 * stops the build.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {dateline, datelineHtml, datelineStep} from "../../scripts/steps/dateline.js";
import {THEME} from "../../src/theme.js";
import {fixture, run} from "./helpers.js";

const landing = fixture("deaths.html").replace("<main", `<p class="dateline" data-dateline></p>\n<main`);

test("the landing page's slot gets the dates in words and the credit line", async () => {
  const {document, applied} = await run([datelineStep], landing, "index.html");
  assert.deepEqual(applied, ["dateline"]);
  const line = document.querySelector("p.dateline")!;
  assert.match(line.textContent!, /^Published \d{1,2} [A-Z][a-z]+ \d{4}( · Updated \d{1,2} [A-Z][a-z]+ \d{4})?$/);
  assert.doesNotMatch(line.textContent!, /\d{4}-\d{2}/, "no ISO date in the text");
  assert.equal(document.querySelector("p.credit")!.textContent, THEME.credit);
});

test("the dates come from the history: two readings of one commit agree, and the update is never before publication", () => {
  const {published, updated} = dateline();
  assert.deepEqual(dateline(), {published, updated});
  assert.match(published, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(published <= updated);
});

test("published and updated read in words, with machine-readable dates, and the credit line escaped after them", () => {
  assert.equal(
    datelineHtml({published: "2026-11-25", updated: "2026-12-03"}, "Graphics: the desk & co"),
    '<p class="dateline" data-dateline>Published <time datetime="2026-11-25">25 November 2026</time> · Updated <time datetime="2026-12-03">3 December 2026</time></p>\n<p class="credit">Graphics: the desk &amp; co</p>'
  );
  assert.match(datelineHtml({published: "2026-11-25", updated: "2026-11-25"}), /^<p class="dateline" data-dateline>Published <time datetime="2026-11-25">25 November 2026<\/time><\/p>/);
});

test("a landing page without the slot stops the build; other pages are not the step's", async () => {
  await assert.rejects(run([datelineStep], fixture("deaths.html"), "index.html"), /index\.html: step "dateline": no <p class="dateline"/);
  const {applied} = await run([datelineStep], fixture("deaths.html"), "deaths.html");
  assert.deepEqual(applied, []);
});
