/**
 * A reader's page loads no charting library until one of its charts goes live
 * (docs/architecture.md "Plot only when a chart is drawn"): the scripts a story
 * page starts with (its preloads, Framework's closure of its static imports)
 * hold no Plot, and each chart's module is imported by the cell that draws it.
 * Read from the export, so a page that imports a chart module at the top again
 * fails here, whatever the benchmark's machine measures.
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {CHARTS} from "../../src/components/charts/chart-registry.js";
import {readsOfPage, storyPages} from "../../src/lib/delivery/page-reads.js";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {assertBuilt, distDir} from "../helpers/site.js";

/** The module list the deferred start is given: the page's preloads. */
function preloadsOf(html: string, page: string): string[] {
  const match = /\}\)\((\["[^\]]*\]), "text\/x-page-module"\);/.exec(html);
  assert.ok(match?.[1], `${page}: no deferred start with its preloads`);
  return JSON.parse(match[1]);
}

test("a story page with charts starts without Plot, and imports each chart's module where it draws it", () => {
  assertBuilt();
  const checked: string[] = [];
  const facts = loadFactBase();
  for (const page of storyPages()) {
    if (!readsOfPage(facts, CHARTS, page).charts?.length) continue;
    const html = readFileSync(join(distDir, `${page}.html`), "utf8");
    const plot = preloadsOf(html, page).filter((path) => /observablehq\/plot|\/d3-/.test(path));
    assert.deepEqual(plot, [], `${page} preloads a charting library`);
    const cells = [...html.matchAll(/lazyChart\("([\w-]+)", ([^\n]{0,60})/g)];
    const eager = cells.filter(([, , load]) => !load?.startsWith('() => import("./_import/components/charts/'));
    assert.deepEqual(eager.map(([, id]) => id), [], `${page}: chart cells that draw with a module the page imported at the top`);
    if (cells.length) checked.push(page);
  }
  assert.ok(checked.length >= 7, `expected the seven story pages with live charts, checked ${checked.join(", ")}`);
});
