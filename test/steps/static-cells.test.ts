/**
 * Where the static-cells step writes what the browser captured (the capture
 * itself needs Chromium, and the build checks it by reopening the page).
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {insertStaticCells, loadingCells, staticCells} from "../../scripts/steps/static-cells.js";
import {openPage, serialisePage} from "../../scripts/steps/document.js";
import {fixture, run} from "./helpers.js";

test("every cell only JavaScript fills is found, and takes its capture inside its loading indicator", () => {
  const document = openPage(fixture("deaths.html"));
  const slots = loadingCells(document);
  assert.ok(slots.filter((s) => s.loading).length > 5, "the deaths page has cells with loading indicators");
  assert.ok(slots.some((s) => !s.loading), "and program cells with empty blocks");
  const captures = new Map(slots.map(({id}, i) => [id, {html: i % 2 ? `<span>cell ${id}</span>` : "", controls: i === 1}]));
  const ids = insertStaticCells(document, slots, captures);
  const html = serialisePage(document);
  for (const id of ids) assert.match(html, new RegExp(`<observablehq-loading data-static-cell="${id}"[^>]*>(<span>cell ${id}</span>)?</observablehq-loading><!--:${id}:-->`));
  assert.match(html, /data-static-cell="[^"]+" inert=""><span>/, "a capture holding controls is inert");
  assert.equal(slots.filter((s) => !s.loading && captures.get(s.id)!.html === "").every((s) => !ids.includes(s.id)), true, "a program cell that shows nothing keeps its empty block");
  assert.ok(document.head.querySelector("style[data-static-cells]"));
});

test("a cell the browser did not capture stops the build", () => {
  const document = openPage(fixture("deaths.html"));
  const slots = loadingCells(document);
  assert.throws(() => insertStaticCells(document, slots, new Map()), /cell [0-9a-f]{8}/);
});

test("the step needs the browser: without Chromium it applies to no page", async () => {
  const {applied} = await run([staticCells], fixture("deaths.html"), "deaths.html");
  assert.deepEqual(applied, []);
  const left = staticCells.check(openPage(`<p><observablehq-loading></observablehq-loading></p>`), {file: "x.html", path: "/x", depth: 0, kind: "story"}, 0);
  assert.match(left ?? "", /loading indicator is left/);
});
