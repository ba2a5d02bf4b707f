/**
 * Puts the charts drawn at build (scripts/prerender/static-charts.ts) where the story
 * pages mark them. A page marks a chart cell with
 * `<div data-static-chart="id"></div>` just before it; Framework writes the
 * block cell as
 * `<div class="observablehq observablehq--block"><observablehq-loading></observablehq-loading><!--:cellid:--></div>`.
 * The marker is dropped and the loading indicator replaced by a
 * `<div class="static-chart">` holding the drawings. Framework's runtime
 * inserts the cell's output after it (an empty `resize` container first, the
 * chart a frame or more later); a few lines of script in the head (HYDRATE)
 * remove the static chart in the same task the live one appears, before a
 * paint. (Letting Framework remove it as its loading indicator left a frame
 * with no chart: a layout shift of 0.2 to 0.5 per page.)
 */
import {FIRST_CHART_DRAWN, HYDRATE, variantCss, type Variant} from "../prerender/static-html.js";
import {appendToHead, cellId, isComment, isText} from "./document.js";
import {isElement} from "../../src/components/dom.js";
import type {Step} from "./step.js";

const MARKER = "div[data-static-chart]";

/** The cell a marker names, as Framework 1.13.4 writes it: its loading indicator and root comment, or null. */
function blockCell(marker: Element): {cell: Element; loading: Element; root: Comment} | null {
  const cell = marker.nextElementSibling;
  if (cell?.tagName !== "DIV" || cell.getAttribute("class") !== "observablehq observablehq--block") return null;
  for (let node = marker.nextSibling; node && node !== cell; node = node.nextSibling) if (!isText(node) || node.data.trim()) return null;
  const [loading, root, ...rest] = cell.childNodes;
  const empty = isElement(loading) && loading.nodeName === "OBSERVABLEHQ-LOADING" && !loading.attributes.length && !loading.hasChildNodes();
  return empty && isComment(root) && cellId(root) && rest.length === 0 ? {cell, loading, root} : null;
}

export const staticCharts: Step = {
  name: "static charts",
  purpose: "puts each chart drawn at build in place of its cell's loading indicator, with the styles that choose a drawing by width and the script that hands over to the live chart",
  scope: "story pages",
  appliesTo: (page) => page.kind === "story",
  transform(document, _page, build) {
    const used: Variant[] = [];
    const markers = [...document.querySelectorAll(MARKER)];
    for (const [i, marker] of markers.entries()) {
      const id = marker.getAttribute("data-static-chart") ?? "";
      const chart = build.charts.get(id);
      if (!chart) throw new Error(`data-static-chart="${id}" names no chart drawn at build`);
      const block = blockCell(marker);
      if (!block) throw new Error(`data-static-chart="${id}" is not followed by a Framework block cell with a loading indicator (did Framework's markup change?)`);
      for (let node = marker.nextSibling; node && node !== block.cell; node = marker.nextSibling) node.remove();
      marker.remove();
      const drawn = i === 0 ? `<span id="${FIRST_CHART_DRAWN}" hidden></span>` : "";
      block.loading.remove();
      const holder = document.createElement("template");
      holder.innerHTML = `<div class="static-chart" id="${chart.id}" data-chart="${id}">${chart.pageHtml}</div>${drawn}`;
      block.cell.insertBefore(holder.content, block.root);
      used.push(...chart.variants);
    }
    if (markers.length === 0) return 0;
    appendToHead(document, `<link rel="expect" href="#${FIRST_CHART_DRAWN}" blocking="render">\n<style data-static-charts>\n${variantCss(used)}\n</style>\n<script>${HYDRATE}</script>\n`);
    return markers.length;
  },
  check: (document) => (document.querySelector(MARKER) ? "a data-static-chart marker was left in the page" : null)
};
