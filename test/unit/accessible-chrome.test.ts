/**
 * The repairs to Framework's page chrome: each applies where its element is,
 * a page without the element is left alone, and markup that has moved stops
 * the build rather than shipping the flaw.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {PAGE_LANGUAGE, repairPage} from "../../scripts/accessible-chrome.js";

const FRAMEWORK_HEAD = `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">\n`;

test("a page gets its language and a viewport that can be zoomed", () => {
  const page = repairPage(`${FRAMEWORK_HEAD}</head><body></body></html>`);
  assert.match(page, new RegExp(`<html lang="${PAGE_LANGUAGE}">`));
  assert.match(page, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.doesNotMatch(page, /maximum-scale|user-scalable=no/);
});

test("a page without a sidebar (an embed) needs no sidebar repairs", () => {
  assert.doesNotThrow(() => repairPage(`${FRAMEWORK_HEAD}</head><body><main></main></body></html>`));
});

test("markup that has moved stops the build, naming the page and the repair", () => {
  const moved = `${FRAMEWORK_HEAD.replace("maximum-scale=1", "maximum-scale=1.0")}</head><body></body></html>`;
  assert.throws(() => repairPage(moved, "dist/index.html"), /dist\/index\.html: .*zoomable viewport repair no longer applies/);
  const search = `${FRAMEWORK_HEAD}</head><body><div id="observablehq-search"><input type="search" name="q"></div></body></html>`;
  assert.throws(() => repairPage(search, "dist/deaths.html"), /search box label/);
});
