import assert from "node:assert/strict";
import {test} from "node:test";
import {INERT_TYPE, deferPageScript, deferredStart} from "../../scripts/steps/deferred-start.js";
import {openPage, serialisePage} from "../../scripts/steps/document.js";
import {fixture} from "./helpers.js";

const page = fixture("deaths.html");

test("the page's module script is held inert, its preloads move into the script that starts it", () => {
  const preloads = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
  assert.ok(preloads.length > 0);
  const document = openPage(page);
  assert.equal(deferPageScript(document), preloads.length);
  const html = serialisePage(document);
  assert.doesNotMatch(html, /rel="modulepreload"/, "no preload left in the head");
  assert.doesNotMatch(html, /<script type="module">/, "no module script left to run at once");
  assert.match(html, new RegExp(`<script type="${INERT_TYPE}">\\s*import \\{define\\}`), "the module's code is kept, inert");
  assert.ok(html.includes(JSON.stringify(preloads)), "the starter preloads what the head did");
  assert.match(html, /<link rel="stylesheet"/, "the stylesheet stays");
  assert.equal(deferredStart.check(document, {file: "deaths.html", path: "/deaths", depth: 0, kind: "story"}, preloads.length), null);
});

test("a page whose markup moved fails the build rather than shipping unchanged", () => {
  assert.throws(() => deferPageScript(openPage(page.replace(`<script type="module">`, `<script type="text/x-module">`))), /found 0/);
  assert.throws(() => deferPageScript(openPage(page.replace(/<link rel="modulepreload"[^>]*>\n/g, ""))), /no <link rel="modulepreload">/);
  assert.throws(() => deferPageScript(openPage(page + `<script type="module"></script>`)), /found 2/);
});
