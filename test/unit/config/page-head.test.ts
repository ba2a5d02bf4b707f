/**
 * Link previews and structured data: what Framework writes into each page's
 * head from the `head` option (scripts/config/page-head.ts).
 * test/browser/page-checks.ts finds the tags in every built page and fetches
 * the image they name.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {DEFAULT_SHARE_CHART, leadChart, pageHead, shareTagList, shareTags, structuredData} from "../../../scripts/config/page-head.js";

const SITE = "Southern Health: the deaths and the inspections";

/** The tags of a head, by name or property. */
function tagsOf(head: string): Record<string, string> {
  const doc = new Map<string, string>();
  for (const m of head.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)">/g)) doc.set(m[1] ?? "", m[2] ?? "");
  return Object.fromEntries(doc);
}

test("a page's preview names its title, its description and its lead chart's image", () => {
  const tags = tagsOf(shareTags({title: "What the review found", path: "/deaths"}, SITE));
  assert.equal(tags["og:title"], `What the review found | ${SITE}`);
  assert.equal(tags["og:image"], "charts/funnel.png", "the first chart the page places");
  assert.equal(tags["twitter:image"], tags["og:image"]);
  assert.match(tags["description"] ?? "", /Mazars/);
  assert.equal(tags["og:url"], undefined, "no address without SHFT_SITE_URL");
});

test("the landing page, titled as the site is, is not titled twice", () => {
  assert.equal(tagsOf(shareTags({title: SITE, path: "/"}, SITE))["og:title"], SITE);
});

test("a table has no image: the page's next chart, or the default, stands for it", () => {
  assert.equal(leadChart("findings"), null, "the findings page places only a table");
  assert.equal(leadChart("warnings"), "ligature-thread");
  assert.equal(tagsOf(shareTags({title: "Findings explorer", path: "/findings"}, SITE))["og:image"], `charts/${DEFAULT_SHARE_CHART}.png`);
});

test("a page a loader writes, or one with no chart, shows the default chart", () => {
  assert.equal(leadChart("sources"), null);
  assert.equal(leadChart("explore"), null);
});

test("a site address makes the image and the page's address absolute", () => {
  const tags = shareTagList("deaths", "T", "funnel", 0, "https://news.example/southern-health");
  assert.deepEqual(tags.find(([, name]) => name === "og:url"), ["property", "og:url", "https://news.example/southern-health/deaths"]);
  assert.deepEqual(tags.find(([, name]) => name === "og:image"), ["property", "og:image", "https://news.example/southern-health/charts/funnel.png"]);
});

test("text is escaped for the attribute it goes in", () => {
  const head = shareTags({title: 'The "crisis" & after', path: "/crisis-2016"}, SITE);
  assert.match(head, /content="The &quot;crisis&quot; &amp; after \| /);
});

test("an embed page gets no tags; a page with no description stops the build", () => {
  assert.equal(shareTags({title: "Funnel", path: "/embed/funnel"}, SITE), "");
  assert.throws(() => shareTags({title: "New", path: "/new-page"}, SITE), /the page 'new-page' has no description for link previews/);
});

test("the sources page describes the data package as a schema.org Dataset, as a script nothing in it can close", () => {
  const head = pageHead({title: "Sources", path: "/sources"}, SITE);
  const [, json] = /<script type="application\/ld\+json">(.*)<\/script>/.exec(head) ?? [];
  assert.equal(JSON.parse(json ?? "null")["@type"], "Dataset");
  assert.match(head, /<meta property="og:image"/);
  assert.doesNotMatch(pageHead({title: "What the review found", path: "/deaths"}, SITE), /ld\+json/);
  assert.equal(structuredData({name: "</script><b>"}), '<script type="application/ld+json">{"name":"\\u003c/script>\\u003cb>"}</script>');
});
