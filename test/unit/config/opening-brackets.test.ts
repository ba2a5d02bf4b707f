/**
 * An opening bracket directly before a figure is wrapped with it, in every
 * page as Framework reads it with the project's configuration, so that no
 * line ends with "(" apart from the figure it opens (the style is in
 * src/style.css; test/browser/figure-cards.test.ts measures the lines at 390 px).
 */
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {pathToFileURL} from "node:url";
import config from "../../../observablehq.config.js";
import {BRACKET_JOIN} from "../../../scripts/config/opening-brackets.js";
import {projectRoot} from "../../../scripts/export/loader-cache.js";

// Framework's own Markdown parser (its package exports no path to it).
const {createMarkdownIt, parseMarkdown} = await import(pathToFileURL(join(projectRoot, "node_modules/@observablehq/framework/dist/markdown.js")).href);
const md = createMarkdownIt({markdownIt: config.markdownIt});
const render = (source: string): string => parseMarkdown(source, {md, path: "/page"}).body;
/** An inline expression's place in the page Framework writes. */
const CELL = /<observablehq-loading><\/observablehq-loading><!--:[0-9a-f]{8}(?:-\d+)?:-->/.source;

test("in every page, an opening bracket before a figure is kept with it", () => {
  const pages = readdirSync(join(projectRoot, "src")).filter((name) => name.endsWith(".md"));
  let joined = 0;
  for (const name of pages) {
    const body = render(readFileSync(join(projectRoot, "src", name), "utf8"));
    const loose = [...body.matchAll(new RegExp(`(.{0,30}[(\\[])${CELL}`, "g"))].filter(([, before = ""]) => !before.endsWith(`<span class="${BRACKET_JOIN}">(`) && !before.endsWith(`<span class="${BRACKET_JOIN}">[`));
    assert.deepEqual(loose.map(([, before]) => before), [], `${name}: an opening bracket left apart from its figure`);
    joined += body.split(`<span class="${BRACKET_JOIN}">`).length - 1;
  }
  assert.ok(joined > 0, "the pages have figures in brackets");
});

test("the bracket is joined in text, links and HTML blocks, never inside a tag", () => {
  const kept = (bracket: string) => new RegExp(`<span class="${BRACKET_JOIN}">\\${bracket}${CELL}</span>`);
  assert.match(render("Ulysses (${fact(F.a)})."), kept("("));
  assert.match(render("a [link (${x})](./a)"), kept("("));
  assert.match(render("see [${x}]"), kept("["));
  assert.match(render('<p class="x">In HTML (${fact(F.b)})</p>'), kept("("));
  // An expression in an attribute's value is left as Framework reads it.
  assert.doesNotMatch(render('<p title="f(${x})">text</p>'), new RegExp(BRACKET_JOIN));
  // Text the bracket does not directly open is left alone.
  assert.doesNotMatch(render("no (bracket) ${x} here"), new RegExp(BRACKET_JOIN));
});
