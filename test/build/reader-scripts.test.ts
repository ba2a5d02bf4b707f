/**
 * A reader's page loads no charting library until one of its charts goes live
 * (docs/architecture.md "Plot only when a chart is drawn"): the scripts a story
 * page starts with (its preloads, Framework's closure of its static imports)
 * hold no Plot, and each live chart is drawn by its registry entry, which
 * imports the chart's module when it draws. Read from the export, so a page
 * that imports a chart module at the top again fails here, whatever the
 * benchmark's machine measures.
 */
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {CHART_REGISTRY, CHARTS, type ChartEntry} from "../../src/components/charts/chart-registry.js";
import {readsOfPage, storyPages} from "../../src/lib/delivery/page-reads.js";
import {loadFactBase} from "../../src/lib/factbase/factbase.js";
import {assertBuilt, distDir} from "../helpers/site.js";

/** The module list the deferred start is given: the page's preloads. */
function preloadsOf(html: string, page: string): string[] {
  const match = /\}\)\((\["[^\]]*\]), "text\/x-page-module"\);/.exec(html);
  assert.ok(match?.[1], `${page}: no deferred start with its preloads`);
  return JSON.parse(match[1]);
}

test("a story page with charts starts without Plot, and draws each live chart from its registry entry", () => {
  assertBuilt();
  const facts = loadFactBase();
  const checked: string[] = [];
  for (const page of storyPages()) {
    const placed = readsOfPage(facts, CHARTS, page).charts ?? [];
    if (!placed.length) continue;
    const html = readFileSync(join(distDir, `${page}.html`), "utf8");
    const plot = preloadsOf(html, page).filter((path) => /observablehq\/plot|\/d3-/.test(path));
    assert.deepEqual(plot, [], `${page} preloads a charting library`);
    // The registry imports each chart's module when the chart is drawn (chart-registry.ts `load`).
    const cells = [...html.matchAll(/chartCell\("([\w-]+)"/g)].map((m) => m[1]);
    // A table (the findings explorer) is laid out by its page, with its filters.
    const registry: Readonly<Record<string, ChartEntry>> = CHART_REGISTRY;
    const live = placed.filter((id) => registry[id]?.cell && registry[id]?.image !== false);
    assert.deepEqual([...new Set(cells)].sort(), live.sort(), `${page}: the live charts drawn from the registry`);
    if (cells.length) checked.push(page);
  }
  assert.ok(checked.length >= 7, `expected the seven story pages with live charts, checked ${checked.join(", ")}`);
});
