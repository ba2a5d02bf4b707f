/**
 * Every cell drawn at build, not only the charts: the figures in the prose,
 * dates, counts, tables, claim cards, statements and inputs: the browser's
 * side of the static-cells step (scripts/steps/static-cells.ts). Each story
 * page is opened in Chromium as the earlier steps left it; an init script records which nodes
 * Framework's runtime inserts before each cell's root comment (`<!--:id:-->`),
 * and once the cells have run those nodes are serialised and written into the
 * page in place of the cell's empty loading indicator. The page then shows its
 * content before any JavaScript runs, and Framework swaps the live output in
 * within one task.
 *
 * Deterministic: ids inside a capture are renamed `static-<cell>-<n>` in
 * document order (the live page numbers its fact cards in the order its cells
 * happen to run), and references to them follow. Each rewritten page is
 * opened again with JavaScript off to prove the HTML parser rebuilds every
 * capture as it was taken, inside its cell: a capture that does not survive
 * parsing (a block element inside a paragraph) fails the build.
 */
import type {Browser} from "playwright-core";
import {openPage, waitForCells} from "../export/chromium.js";
import {RewriteError, type CapturedCell} from "./static-html.js";

/** Pages whose cells are not prerendered: the SQL workbench, and embeds (static already). */
export function prerendered(path: string): boolean {
  return !path.startsWith("/embed/") && path !== "/explore";
}

const VIEWPORT = {width: 1280, height: 900};

declare global {
  interface Window {
    /** What RECORD saw inserted before each cell's root comment, by cell id. */
    __staticCells?: Map<string, Set<Node>>;
  }
}

/** Runs before Framework's client: records each node inserted before a cell's root comment. */
const RECORD = `(() => {
  const ROOT = /^:([0-9a-f]{8}(?:-\\d+)?):$/;
  const cells = new Map();
  window.__staticCells = cells;
  const insertBefore = Node.prototype.insertBefore;
  Node.prototype.insertBefore = function (node, reference) {
    if (reference && reference.nodeType === 8 && ROOT.test(reference.data)) {
      const id = reference.data.slice(1, -1);
      if (!cells.has(id)) cells.set(id, new Set());
      for (const added of node.nodeType === 11 ? [...node.childNodes] : [node]) cells.get(id).add(added);
    }
    return insertBefore.call(this, node, reference);
  };
})();`;

/** In the page: each cell's current output, serialised with its ids renamed. */
function captureInPage(wanted: string[]): Record<string, {html: string; controls: boolean; problem?: string}> {
  const recorded = window.__staticCells;
  if (!recorded) throw new Error("the recorder of inserted nodes did not run before Framework's client");
  const roots = new Map<string, Comment>();
  const iterator = document.createNodeIterator(document.body, NodeFilter.SHOW_COMMENT);
  for (let node = iterator.nextNode(); node; node = iterator.nextNode()) {
    if (!(node instanceof Comment)) continue;
    const match = /^:([0-9a-f]{8}(?:-\d+)?):$/.exec(node.data);
    if (match?.[1] !== undefined) roots.set(match[1], node);
  }
  const REFERENCES = ["aria-controls", "aria-describedby", "aria-labelledby", "aria-owns", "for", "list", "form", "headers"];
  const out: Record<string, {html: string; controls: boolean; problem?: string}> = {};
  for (const id of wanted) {
    const root = roots.get(id);
    const mine = recorded.get(id) ?? new Set<Node>();
    if (!root) {
      out[id] = {html: "", controls: false, problem: "its root comment is gone"};
      continue;
    }
    const nodes: Node[] = [];
    for (let node = root.previousSibling; node && mine.has(node); node = node.previousSibling) nodes.unshift(node);
    const strays = [...mine].filter((node) => node.isConnected && !nodes.includes(node));
    if (strays.length) {
      out[id] = {html: "", controls: false, problem: `${strays.length} of its nodes are not next to its root comment`};
      continue;
    }
    const box = document.createElement("div");
    for (const node of nodes) box.append(node.cloneNode(true));
    // Comments could be taken for cells' roots by Framework's client.
    const comments = document.createNodeIterator(box, NodeFilter.SHOW_COMMENT);
    const drop: Node[] = [];
    for (let node = comments.nextNode(); node; node = comments.nextNode()) drop.push(node);
    for (const node of drop) node.parentNode?.removeChild(node);
    const renamed = new Map<string, string>();
    for (const element of box.querySelectorAll("[id]")) {
      const name = `static-${id}-${renamed.size + 1}`;
      renamed.set(element.id, name);
      element.id = name;
    }
    for (const element of box.querySelectorAll("*")) {
      for (const attribute of REFERENCES) {
        const value = element.getAttribute(attribute);
        if (value) element.setAttribute(attribute, value.split(/\s+/).map((token) => renamed.get(token) ?? token).join(" "));
      }
      const href = element.getAttribute("href");
      if (href?.startsWith("#") && renamed.has(href.slice(1))) element.setAttribute("href", `#${renamed.get(href.slice(1))}`);
    }
    if (box.querySelector(".observablehq--error")) out[id] = {html: "", controls: false, problem: "it failed"};
    else out[id] = {html: box.innerHTML, controls: box.querySelector("input, select, textarea") !== null};
  }
  return out;
}

/** In the page, with JavaScript off: what the parser made of each static cell. */
function parsedInPage(): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const loading of document.querySelectorAll("observablehq-loading[data-static-cell]")) {
    const id = loading.getAttribute("data-static-cell") ?? "";
    const next = loading.nextSibling;
    out[id] = next instanceof Comment && next.data === `:${id}:` ? loading.innerHTML : null;
  }
  return out;
}

export async function capturePage(browser: Browser, origin: string, url: string, path: string, wanted: string[]): Promise<Map<string, CapturedCell>> {
  const context = await browser.newContext({viewport: VIEWPORT});
  try {
    await context.addInitScript(RECORD);
    const {page, consoleErrors} = await openPage(context, origin);
    await page.goto(url);
    await waitForCells(page);
    const captured = await page.evaluate(captureInPage, wanted);
    if (consoleErrors.length) throw new RewriteError(`${path}: console error while capturing its cells: ${consoleErrors[0]}`);
    const cells = new Map<string, CapturedCell>();
    for (const [id, {html, controls, problem}] of Object.entries(captured)) {
      if (problem) throw new RewriteError(`${path}: cell ${id} could not be captured: ${problem}`);
      cells.set(id, {html, controls});
    }
    return cells;
  } finally {
    await context.close();
  }
}

export async function checkParsed(browser: Browser, url: string, path: string, cells: ReadonlyMap<string, CapturedCell>, ids: string[]): Promise<void> {
  const context = await browser.newContext({viewport: VIEWPORT, javaScriptEnabled: false});
  try {
    const page = await context.newPage();
    await page.goto(url);
    const parsed = await page.evaluate(parsedInPage);
    for (const id of ids) {
      if (!(id in parsed)) throw new RewriteError(`${path}: the static cell ${id} is missing from the parsed page`);
      if (parsed[id] === null) throw new RewriteError(`${path}: the HTML parser moved the static cell ${id} away from its cell: an inline \${…} in a paragraph rendered a block element (a <div>, <details>, …), which HTML cannot hold inside a <p>; make it a \`\`\`js block, or render phrasing content`);
      if (parsed[id] !== cells.get(id)?.html) throw new RewriteError(`${path}: the HTML parser rebuilt the static cell ${id} differently from the capture: an inline \${…} in a paragraph rendered a block element (a <div>, <details>, …), which HTML cannot hold inside a <p>; make it a \`\`\`js block, or render phrasing content`);
    }
  } finally {
    await context.close();
  }
}
