/**
 * The repairs to Framework's page chrome, on pages as Framework 1.13.4 writes
 * them: each applies where its element is, a page without the element is left
 * alone, and markup that has moved stops the build rather than shipping the flaw.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {PAGE_LANGUAGE, REPAIRS, accessibleChrome} from "../../scripts/steps/accessible-chrome.js";
import {fixture, run} from "./helpers.js";

for (const file of ["deaths.html", "explore.html", "sources.html"]) {
  test(`${file}: every repair applies to the page as Framework 1.13.4 writes it`, async () => {
    const {document, html} = await run([accessibleChrome], fixture(file), file);
    assert.equal(document.documentElement.lang, PAGE_LANGUAGE);
    assert.equal(document.querySelector('meta[name="viewport"]')!.getAttribute("content"), "width=device-width, initial-scale=1");
    assert.equal(document.querySelector("#observablehq-sidebar-toggle")!.getAttribute("tabindex"), "-1");
    assert.equal(document.querySelector('#observablehq-center > nav.sidebar-menu[aria-label="Site menu"] > button')!.textContent, "Menu");
    assert.equal(document.body.querySelector(":scope > a.skip-link")!.getAttribute("href"), "#observablehq-main");
    assert.ok(document.getElementById("observablehq-main"), "the skip link's target is on the page");
    assert.equal(document.querySelector("nav#observablehq-sidebar")!.getAttribute("aria-label"), "Pages");
    assert.equal(document.querySelector('#observablehq-search[role="search"] > input')!.getAttribute("aria-label"), "Search this notebook");
    assert.equal(document.querySelector("label#observablehq-sidebar-close")!.parentElement!.id, "observablehq-sidebar", "the label sits beside the list, not in it");
    assert.match(html, /<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>\n  <ol>\n    <li/);
  });
}

test("the contents and pager landmarks are labelled where a page has them", async () => {
  const {document} = await run([accessibleChrome], fixture("deaths.html"), "deaths.html");
  assert.equal(document.querySelector("aside#observablehq-toc > nav")!.getAttribute("aria-label"), "On this page");
  assert.equal(document.querySelector('nav > a[rel="prev"], nav > a[rel="next"]')!.parentElement!.getAttribute("aria-label"), "Previous and next pages");
});

test("a page without Framework's chrome (an embed) is not the step's", async () => {
  const {applied} = await run([accessibleChrome], "<!DOCTYPE html><html><head></head><body><main></main></body></html>", "embed/funnel.html");
  assert.deepEqual(applied, []);
});

test("markup that has moved stops the build, naming the page and the repair", async () => {
  const page = fixture("deaths.html");
  await assert.rejects(run([accessibleChrome], page.replace("maximum-scale=1", "maximum-scale=1.0"), "deaths.html"), /deaths\.html: step "accessible chrome": .*zoomable viewport repair/);
  await assert.rejects(run([accessibleChrome], page.replace('placeholder="Search"', 'placeholder="Find"'), "deaths.html"), /search box label/);
  await assert.rejects(run([accessibleChrome], page.replace("<html>", '<html lang="en">'), "deaths.html"), /page language/);
  assert.equal(new Set(REPAIRS.map((r) => r.name)).size, REPAIRS.length);
});
