/**
 * The embed page's two economies: the frame written once with a drawing per
 * width inside it, and the stylesheet cut to the rules that can apply to the
 * page, keeping every rule a reader's hover, focus, click or colour scheme
 * could bring into play.
 */
import assert from "node:assert/strict";
import {test} from "node:test";
import {JSDOM} from "jsdom";
import {readFileSync} from "node:fs";
import {PAGE_ONLY, embedPage, splitDarkRules, structuralSelector, usedCss} from "../../../scripts/prerender/embed-page.js";
import {frameOnce} from "../../../scripts/prerender/frame-once.js";

const {document} = new JSDOM("<!DOCTYPE html>").window;

const frame = (drawing: string, note = "A note") =>
  `<figure class="chart-frame"><div class="chart-embed-panel" hidden=""><textarea></textarea><button type="button">Copy</button></div><h3 class="chart-title">Title</h3>` +
  `<div class="chart-body" role="group" aria-label="Alt">${drawing}<div class="chart-tip" role="tooltip" hidden=""></div></div>` +
  `<figcaption><ul class="chart-notes"><li>${note}</li></ul><p class="chart-actions"><a class="chart-download" href="data:text/csv;charset=utf-8,a%2Cb">Get the data (CSV)</a><button type="button">Download SVG</button><span class="chart-embed"><button type="button">Embed</button></span></p></figcaption></figure>`;

test("the frame is written once, each width's drawing inside its body, one tooltip before them", () => {
  const html = frameOnce(
    [
      {min: 0, max: 560, html: frame(`<svg width="400" height="436"><circle r="4" aria-label="narrow"></circle></svg>`)},
      {min: 560, max: Infinity, html: frame(`<svg width="720" height="352"><circle r="4" aria-label="wide"></circle></svg>`)}
    ],
    document,
    PAGE_ONLY
  );
  const template = document.createElement("template");
  template.innerHTML = html;
  const root = template.content;
  assert.equal(root.querySelectorAll("figure.chart-frame").length, 1);
  assert.equal(root.querySelectorAll(".chart-download").length, 1);
  const body = root.querySelector(".chart-body")!;
  assert.deepEqual([...body.children].map((child) => child.className), ["chart-tip", "static-variant", "static-variant"]);
  assert.deepEqual([...body.querySelectorAll(".static-variant")].map((v) => [v.getAttribute("data-range"), v.querySelector("svg")!.getAttribute("width")]), [["0-560", "400"], ["560-up", "720"]]);
  // What only works with the story page's script is not in the embed.
  assert.equal(root.querySelectorAll("button, .chart-embed-panel, .chart-embed").length, 0);
});

test("a frame that differs between widths is written whole for each width", () => {
  const html = frameOnce(
    [
      {min: 0, max: 560, html: frame(`<svg width="400"></svg>`, "Narrow note")},
      {min: 560, max: Infinity, html: frame(`<svg width="720"></svg>`, "Wide note")}
    ],
    document,
    PAGE_ONLY
  );
  const template = document.createElement("template");
  template.innerHTML = html;
  const variants = [...template.content.children];
  assert.deepEqual(variants.map((v) => [v.className, v.querySelectorAll("figure").length, v.querySelector(".chart-notes li")!.textContent]), [
    ["static-variant", 1, "Narrow note"],
    ["static-variant", 1, "Wide note"]
  ]);
  // Each frame as the chart drew it, its drawing then its tooltip.
  for (const body of template.content.querySelectorAll(".chart-body")) assert.deepEqual([...body.children].map((child) => child.tagName.toLowerCase() + "." + child.getAttribute("class")), ["svg.null", "div.chart-tip"]);
  assert.equal(template.content.querySelectorAll("button").length, 0);
});

test("a selector is reduced to its elements and their nesting", () => {
  assert.equal(structuralSelector(":root"), "*");
  assert.equal(structuralSelector("a[href]:hover"), "a");
  assert.equal(structuralSelector(".x>:first-child"), ".x > *");
  assert.equal(structuralSelector(".chart-source .source-note+.source-note::before"), ".chart-source .source-note + .source-note");
  assert.equal(structuralSelector("th[aria-sort=\"a]b\"] .arrow:after"), "th .arrow");
  assert.equal(structuralSelector("input:not([type]) ~ .y"), "input ~ .y");
  assert.equal(structuralSelector(".a :is(.b, .c) > .d"), ".a * > .d");
  assert.equal(structuralSelector(".sm\\:block"), ".sm\\:block");
});

test("the stylesheet keeps the rules that can apply, in every state, and drops the rest", () => {
  const {document: page} = new JSDOM(`<main><figure class="chart-frame"><h1 class="chart-title">T</h1><details><summary>More</summary><p class="x">a</p></details><div class="chart-tip" hidden></div></figure></main>`).window;
  const css = [
    `/* a comment { with a brace */ :root{--a:1}`,
    `@import url("fonts.css");`,
    `.chart-frame{margin:0}`,
    `#observablehq-sidebar{display:none}`,
    `.sql-workbench button{color:red}`,
    `@media (prefers-color-scheme: dark){:root{--a:2}.sql-run{color:#000}}`,
    `@media print{.sql-run{display:none}}`,
    `details[open] .x:hover{color:blue}`,
    `.chart-tip:not([hidden]){animation:appear 1s}`,
    `@keyframes appear{from{opacity:0}}`,
    `@keyframes spin{to{transform:rotate(1turn)}}`,
    `h1+details{content:"}{"}`,
    `@font-face{font-family:X;src:url("x.woff2")}`,
    `@container static-chart (width < 560px){.static-variant[data-range="0-560"]{display:block}}`
  ].join("");
  assert.equal(
    usedCss(css, page),
    `:root{--a:1}@import url("fonts.css");.chart-frame{margin:0}@media (prefers-color-scheme: dark){:root{--a:2}}details[open] .x:hover{color:blue}` +
      `.chart-tip:not([hidden]){animation:appear 1s}h1+details{content:"}{"}@font-face{font-family:X;src:url("x.woff2")}@keyframes appear{from{opacity:0}}`
  );
});

test("an embed's dark rules are set apart, so that it is light unless the host asks", () => {
  const css =
    `:root{--bg:#fff;color-scheme:light}@media (prefers-color-scheme: dark){:root{--bg:#161616;color-scheme:dark}}` +
    `.chart-frame{margin:0}@media(prefers-color-scheme:dark){.x{color:#eee}}@media print{.x{display:none}}@media (min-width: 600px){.x{margin:1px}}`;
  const {light, dark} = splitDarkRules(css);
  assert.equal(light, `:root{--bg:#fff;color-scheme:light}.chart-frame{margin:0}@media print{.x{display:none}}@media (min-width: 600px){.x{margin:1px}}`);
  assert.equal(dark, `:root{--bg:#161616;color-scheme:dark}.x{color:#eee}`);
});

test("an embed page holds its dark rules switched off, and its script switches them on only for ?theme=dark or ?theme=auto", async () => {
  const page = embedPage({id: "x", frameId: "chart-x", title: "T", frame: "<figure></figure>", css: "", script: "", logo: ""});
  assert.match(page, /<style id="embed-dark" media="not all"><\/style>/);
  const script = readFileSync(new URL("../../../src/embed/child.js", import.meta.url), "utf8");
  const media = (search: string) => {
    const {window} = new JSDOM(`<!doctype html><style id="embed-dark" media="not all"></style><main id="embed"></main>`, {url: `https://example.org/embed/x${search}`, runScripts: "outside-only"} as never);
    (window as unknown as {ResizeObserver: unknown}).ResizeObserver = class {
      observe() {}
    };
    window.eval(script);
    return window.document.getElementById("embed-dark")!.getAttribute("media");
  };
  assert.equal(media(""), "not all");
  assert.equal(media("?theme=light"), "not all");
  assert.equal(media("?initialWidth=320&childId=c&theme=dark"), "all");
  assert.equal(media("?theme=auto"), "(prefers-color-scheme: dark)");
});
