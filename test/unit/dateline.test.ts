/** The landing page's dateline (scripts/dateline.ts): dates in words, from the history, the same on every build. */
import assert from "node:assert/strict";
import {test} from "node:test";
import {dateline, datelineHtml} from "../../scripts/dateline.js";

test("published and updated read in words, with machine-readable dates, and the credit line after them", () => {
  const html = datelineHtml({published: "2026-11-25", updated: "2026-12-03"}, "Graphics: the desk & co");
  assert.equal(
    html,
    '<p class="dateline" data-dateline>Published <time datetime="2026-11-25">25 November 2026</time> · Updated <time datetime="2026-12-03">3 December 2026</time></p>\n<p class="credit">Graphics: the desk &amp; co</p>'
  );
  assert.match(datelineHtml({published: "2026-11-25", updated: "2026-11-25"}), /^<p class="dateline" data-dateline>Published <time datetime="2026-11-25">25 November 2026<\/time><\/p>/);
});

test("two readings of one commit agree, and the update is never before publication", () => {
  const first = dateline();
  assert.deepEqual(dateline(), first);
  assert.match(first.published, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(first.updated >= first.published);
});
