import assert from "node:assert/strict";
import {test} from "node:test";
import {INERT_TYPE, deferPageScript} from "../../scripts/deferred-start.js";
import {RewriteError} from "../../scripts/static-html.js";

// The head as Framework 1.13.4 writes it, cut short.
const page = `<head>
<link rel="stylesheet" type="text/css" href="./_import/style.css">
<link rel="modulepreload" href="./_observablehq/client.js">
<link rel="modulepreload" href="./_npm/@observablehq/plot@0.6.17/plot.js">
<script type="module">
import {define} from "./_observablehq/client.js";
define({id: "1", body: () => 1});
</script>
</head>`;

test("the page's module script is held inert, its preloads move into the script that starts it", () => {
  const html = deferPageScript(page, "/deaths");
  assert.doesNotMatch(html, /rel="modulepreload"/, "no preload left in the head");
  assert.doesNotMatch(html, /<script type="module">/, "no module script left to run at once");
  assert.match(html, new RegExp(`<script type="${INERT_TYPE}">\\nimport \\{define\\}`), "the module's code is kept, inert");
  assert.match(html, /\["\.\/_observablehq\/client\.js","\.\/_npm\/@observablehq\/plot@0\.6\.17\/plot\.js"\]/, "the starter preloads what the head did");
  assert.match(html, /<link rel="stylesheet"/, "the stylesheet stays");
});

test("a page whose markup moved fails the build rather than shipping unchanged", () => {
  assert.throws(() => deferPageScript(page.replace(`<script type="module">`, `<script type="module" async>`), "/deaths"), RewriteError);
  assert.throws(() => deferPageScript(page.replace(/<link rel="modulepreload"[^>]*>\n/g, ""), "/deaths"), /no <link rel="modulepreload">/);
  assert.throws(() => deferPageScript(page + `<script type="module"></script>`, "/deaths"), /found 2/);
});
