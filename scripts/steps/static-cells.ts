/**
 * Every other cell of a story page drawn at build: the page as the earlier
 * steps left it is opened in Chromium (scripts/prerender/static-cells.ts records what
 * Framework inserts for each cell), and each cell's output is written inside
 * its loading indicator, `<observablehq-loading data-static-cell="id">…</observablehq-loading><!--:id:-->`.
 * Framework's client removes a cell's indicator in the same call that inserts
 * its first output, so the live output replaces the static one within one
 * task, with no script of ours; a small style dissolves the indicator's box
 * (`display: contents`) and hides its spinner. The page is then opened again
 * with JavaScript off, to prove the HTML parser rebuilds each capture in its
 * cell. Charts keep their own hand-over (scripts/steps/static-charts.ts).
 */
import {capturePage, checkParsed} from "../prerender/static-cells.js";
import type {CapturedCell} from "../prerender/static-html.js";
import {appendToHead, cellId, isComment, serialisePage} from "./document.js";
import {isElement} from "../../src/components/dom.js";
import type {Step} from "./step.js";

export const STATIC_CELL_CSS = [
  `.observablehq observablehq-loading[data-static-cell] { display: contents; animation: none; font: inherit; color: inherit; }`,
  `.observablehq observablehq-loading[data-static-cell]::before { content: none; }`
].join("\n");

const BLOCK = "observablehq observablehq--block";

interface Slot {
  id: string;
  /** Framework's empty loading indicator, or null for a program cell's empty block (no indicator). */
  loading: Element | null;
  root: Comment;
}

const isIndicator = (node: Node | null): node is Element =>
  isElement(node) && node.nodeName === "OBSERVABLEHQ-LOADING" && !node.attributes.length && !node.hasChildNodes();

/** The cells only JavaScript fills: those with an empty loading indicator, and block cells with nothing in them. */
export function loadingCells(document: Document): Slot[] {
  const slots: Slot[] = [];
  const walker = document.createTreeWalker(document.body, 128 /* NodeFilter.SHOW_COMMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const id = cellId(node);
    if (!id || !isComment(node)) continue;
    const before = node.previousSibling;
    const parent = node.parentElement;
    if (isIndicator(before)) slots.push({id, loading: before, root: node});
    else if (!before && !node.nextSibling && parent?.tagName === "DIV" && parent.getAttribute("class") === BLOCK) slots.push({id, loading: null, root: node});
  }
  return slots;
}

/** Writes each captured cell into its cell; returns the ids written. Throws when a cell has no capture. */
export function insertStaticCells(document: Document, slots: Slot[], cells: ReadonlyMap<string, CapturedCell>): string[] {
  const ids: string[] = [];
  for (const {id, loading, root} of slots) {
    const cell = cells.get(id);
    if (!cell) throw new Error(`cell ${id} ${loading ? "has a loading indicator but rendered nothing" : "has an empty block but"} the build could capture${loading ? "" : " nothing for it"}`);
    // A program cell that displays nothing (declarations only) keeps its empty block: an indicator no
    // display removes would be left in the live page.
    if (!loading && cell.html === "") continue;
    const indicator = loading ?? document.createElement("observablehq-loading");
    if (!loading) root.before(indicator);
    indicator.setAttribute("data-static-cell", id);
    if (cell.controls) indicator.setAttribute("inert", "");
    indicator.innerHTML = cell.html;
    ids.push(id);
  }
  if (ids.length) appendToHead(document, `<style data-static-cells>\n${STATIC_CELL_CSS}\n</style>\n`);
  return ids;
}

export const staticCells: Step = {
  name: "static cells",
  purpose: "writes what each cell shows in the browser into the page, so its prose, figures, tables and inputs are there before any script runs",
  scope: "story pages, when Chromium is installed",
  appliesTo: (page, build) => page.kind === "story" && build.browser !== null,
  async transform(document, page, build) {
    const session = build.browser;
    if (!session) throw new Error("the static cells are drawn in Chromium, which this build has not started");
    const slots = loadingCells(document);
    if (slots.length === 0) return 0;
    const url = session.server.url + page.path.slice(1);
    session.pages[page.path] = serialisePage(document);
    try {
      const captured = await capturePage(session.browser, session.server.origin, url, page.path, slots.map((s) => s.id));
      const ids = insertStaticCells(document, slots, captured);
      session.pages[page.path] = serialisePage(document);
      await checkParsed(session.browser, url, page.path, captured, ids);
      return ids.length;
    } finally {
      delete session.pages[page.path];
    }
  },
  check: (document) =>
    [...document.querySelectorAll("observablehq-loading:not([data-static-cell])")].some((node) => !node.hasChildNodes())
      ? "a loading indicator is left that is not a cell's as Framework 1.13.4 writes it (did Framework's markup change?)"
      : null
};
