import {at} from "../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {test} from "node:test";
import {DEFAULT_SHARE_CHART, shareTagList, shareTags} from "../../scripts/steps/share-tags.js";
import {staticCharts} from "../../scripts/steps/static-charts.js";
import {context, drawings, fixture, markedCharts, run} from "./helpers.js";

test("a page's preview names its title, its description and its lead chart's image", async () => {
  const page = fixture("deaths.html");
  const ids = markedCharts(page);
  const {document} = await run([staticCharts, shareTags], page, "deaths.html", context({charts: drawings(ids)}));
  const meta = (key: string) => document.head.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
  assert.equal(meta("og:title"), document.title);
  assert.equal(meta("og:image"), `charts/${ids[0]}.png`);
  assert.equal(meta("twitter:image"), meta("og:image"));
  assert.match(meta("description")!, /Mazars/);
});

test("a chart without an image (a table) is passed over for the page's next chart", async () => {
  const page = fixture("deaths.html");
  const ids = markedCharts(page);
  assert.ok(ids.length >= 2, "the saved page has two charts");
  const charts = drawings(ids);
  charts.set(at(ids, 0, "ids"), {...charts.get(at(ids, 0, "ids"))!, image: false});
  const {document} = await run([staticCharts, shareTags], page, "deaths.html", context({charts}));
  assert.equal(document.head.querySelector('meta[property="og:image"]')!.getAttribute("content"), `charts/${ids[1]}.png`);
});

test("a page without a chart shows the default chart; a site address makes the image absolute", async () => {
  const {document} = await run([shareTags], fixture("sources.html"), "sources.html");
  assert.equal(document.head.querySelector('meta[property="og:image"]')!.getAttribute("content"), `charts/${DEFAULT_SHARE_CHART}.png`);
  const tags = shareTagList("deaths.html", "T", "funnel", 0, "https://news.example/southern-health");
  assert.deepEqual(tags.find(([, name]) => name === "og:url"), ["property", "og:url", "https://news.example/southern-health/deaths"]);
  assert.deepEqual(tags.find(([, name]) => name === "og:image"), ["property", "og:image", "https://news.example/southern-health/charts/funnel.png"]);
});

test("a page with no description stops the build", async () => {
  await assert.rejects(run([shareTags], fixture("sources.html"), "new-page.html", context()), /new-page\.html: step "share tags": no description/);
});
