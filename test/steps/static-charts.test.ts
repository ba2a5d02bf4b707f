import {at} from "../../src/lib/story/checked-lookups.js";
import assert from "node:assert/strict";
import {test} from "node:test";
import {FIRST_CHART_DRAWN} from "../../scripts/prerender/static-html.js";
import {staticCharts} from "../../scripts/steps/static-charts.js";
import {context, drawings, fixture, markedCharts, run} from "./helpers.js";

const page = fixture("deaths.html");
const ids = markedCharts(page);

test("each marked chart cell holds its drawing, before the cell's root, in place of the loading indicator", async () => {
  assert.ok(ids.length >= 2, "the deaths page marks its charts");
  const {document} = await run([staticCharts], page, "deaths.html", context({charts: drawings(ids)}));
  assert.equal(document.querySelectorAll("[data-static-chart]").length, 0, "no marker left");
  const placed = [...document.querySelectorAll(".static-chart")];
  assert.deepEqual(placed.map((node) => node.getAttribute("data-chart")), ids);
  for (const node of placed) {
    assert.equal(node.parentElement!.getAttribute("class"), "observablehq observablehq--block");
    assert.equal(node.parentElement!.querySelector("observablehq-loading"), null, "the loading indicator is gone");
    assert.match(node.parentElement!.lastChild!.nodeValue ?? "", /^:[0-9a-f]{8}(-\d+)?:$/, "the cell's root comment stays last");
  }
  assert.equal(document.querySelectorAll(`#${FIRST_CHART_DRAWN}`).length, 1);
  assert.ok(at(placed, 0, "placed").nextElementSibling?.id === FIRST_CHART_DRAWN, "the paint waits for the first chart only");
  assert.ok(document.head.querySelector('link[rel="expect"][blocking="render"]'));
  assert.ok(document.head.querySelector("style[data-static-charts]")!.textContent!.includes("@container static-chart"));
});

test("a marker naming a chart not drawn, or not followed by Framework's block cell, stops the build", async () => {
  await assert.rejects(run([staticCharts], page, "deaths.html", context({charts: drawings(ids.slice(1))})), new RegExp(`data-static-chart="${ids[0]}" names no chart drawn at build`));
  const moved = page.replace(/<observablehq-loading><\/observablehq-loading>(<!--:[0-9a-f]{8}(-\d+)?:-->)/g, "$1");
  await assert.rejects(run([staticCharts], moved, "deaths.html", context({charts: drawings(ids)})), /is not followed by a Framework block cell/);
});

test("a page that marks no chart is left as it is", async () => {
  const {document, applied} = await run([staticCharts], fixture("sources.html"), "sources.html");
  assert.deepEqual(applied, ["static charts"]);
  assert.equal(document.head.querySelector("style[data-static-charts]"), null);
});
