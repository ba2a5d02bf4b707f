/**
 * The string side of build-time charts: how static variants of a chart are
 * wrapped and chosen by width, and how they are put into Framework's HTML.
 * Pure functions over strings, so they are tested without a build.
 *
 * A page marks a chart cell with `<div data-static-chart="id"></div>` on the
 * line before it. Framework writes each block cell as
 * `<div class="observablehq observablehq--block"><observablehq-loading></observablehq-loading><!--:cellid:--></div>`;
 * the marker is dropped and the loading indicator is replaced by a
 * `<div class="static-chart">` holding the chart drawn at build. Framework's
 * runtime inserts the cell's output after it (an empty `resize` container
 * first, the chart a frame or more later); a few lines of script in the head
 * (HYDRATE) remove the static chart in the same task that the live one
 * appears, before anything is painted, so the page never shows neither or
 * both. (Letting Framework remove it as its loading indicator was measured to
 * leave a frame with no chart: a layout shift of 0.2 to 0.5 per page.)
 * Any marker left unreplaced fails the build: a Framework upgrade that moves
 * the markup cannot silently drop charts.
 */

export interface Variant {
  /** The container widths, in CSS pixels, this variant is shown at: min ≤ width < max. */
  min: number;
  max: number;
  /** The framed chart drawn at width `min` (or the smallest width drawn). */
  html: string;
}

export const CONTAINER = "static-chart";

export function rangeKey({min, max}: Pick<Variant, "min" | "max">): string {
  return `${min}-${Number.isFinite(max) ? max : "up"}`;
}

/** The variants of one chart, each shown only when its container's width is in its range. */
export function variantsHtml(variants: Variant[]): string {
  return variants.map((v) => `<div class="static-variant" data-range="${rangeKey(v)}">${v.html}</div>`).join("");
}

/** The container-query rules that show each range's variant, and a fallback where container queries are unknown. */
export function variantCss(variants: Variant[]): string {
  const ranges = [...new Map(variants.map((v) => [rangeKey(v), v])).values()].sort((a, b) => a.min - b.min || a.max - b.max);
  const rules = ranges.map((v) => {
    const query = [v.min > 0 ? `(width >= ${v.min}px)` : "", Number.isFinite(v.max) ? `(width < ${v.max}px)` : ""].filter(Boolean).join(" and ");
    return `@container ${CONTAINER} ${query} { .static-variant[data-range="${rangeKey(v)}"] { display: block; } }`;
  });
  return [
    `.static-chart { display: block; container: ${CONTAINER} / inline-size; }`,
    `.static-variant { display: none; }`,
    ...rules,
    `@supports not (container-type: inline-size) { .static-variant:last-child { display: block; } }`
  ].join("\n");
}

/** Removes a cell's static chart as soon as the cell holds live content beside it. */
export const HYDRATE = `(() => {
  const swap = () => {
    const left = document.querySelectorAll(".static-chart");
    for (const node of left) {
      if ([...node.parentElement.children].some((child) => child !== node && child.firstElementChild)) node.remove();
    }
    if (left.length === 0 && document.readyState !== "loading") observer.disconnect();
  };
  const observer = new MutationObserver(swap);
  observer.observe(document.documentElement, {childList: true, subtree: true});
})();`;

const MARKER = /<div data-static-chart="([\w-]+)"><\/div>\s*/g;
/**
 * The first chart is painted with the first content: an empty element just after its drawing is
 * named by a render-blocking `<link rel="expect">` in the head, so the browser does not paint
 * the page until the parser has read that far (Chromium holds the paint; others ignore the hint).
 * Without it, a page with a long lede painted its prose while the chart was still being parsed.
 */
export const FIRST_CHART_DRAWN = "first-chart-drawn";
const CELL = /^<div class="observablehq observablehq--block"><observablehq-loading><\/observablehq-loading>(<!--:[0-9a-f]{8}(?:-\d+)?:-->)<\/div>/;

export class RewriteError extends Error {}

/**
 * Puts the static charts into one page's HTML, and their styles into its head.
 * Throws a RewriteError naming the marker when a marker is not followed by a
 * block cell as Framework 1.13.4 writes it, or names a chart with no drawing.
 */
export function insertStaticCharts(html: string, charts: ReadonlyMap<string, {id: string; variants: Variant[]; pageHtml: string}>, where: string): {html: string; ids: string[]} {
  const ids: string[] = [];
  const used: Variant[] = [];
  let out = "";
  let last = 0;
  for (const match of html.matchAll(MARKER)) {
    const id = match[1];
    const chart = charts.get(id);
    if (!chart) throw new RewriteError(`${where}: data-static-chart="${id}" names no chart drawn at build`);
    const after = match.index! + match[0].length;
    const cell = CELL.exec(html.slice(after));
    if (!cell) throw new RewriteError(`${where}: data-static-chart="${id}" is not followed by a Framework block cell with a loading indicator (did Framework's markup change?)`);
    const drawn = ids.length === 0 ? `<span id="${FIRST_CHART_DRAWN}" hidden></span>` : "";
    out += html.slice(last, match.index) +
      `<div class="observablehq observablehq--block"><div class="static-chart" id="${chart.id}" data-chart="${id}">${chart.pageHtml}</div>${drawn}${cell[1]}</div>`;
    last = after + cell[0].length;
    ids.push(id);
    used.push(...chart.variants);
  }
  out += html.slice(last);
  if (ids.length === 0) return {html, ids};
  if (!out.includes("</head>")) throw new RewriteError(`${where}: no </head> to put the static charts' styles in`);
  out = out.replace("</head>", `<link rel="expect" href="#${FIRST_CHART_DRAWN}" blocking="render">\n<style data-static-charts>\n${variantCss(used)}\n</style>\n<script>${HYDRATE}</script>\n</head>`);
  if (new RegExp(MARKER.source).test(out)) throw new RewriteError(`${where}: a data-static-chart marker was left in the page`);
  return {html: out, ids};
}

/**
 * Every other cell: what a cell rendered in the browser at build (scripts/static-cells.ts) is
 * written inside its loading indicator, `<observablehq-loading data-static-cell="id">…</observablehq-loading><!--:id:-->`.
 * Framework treats the element before a cell's root comment as the cell's loading indicator and
 * removes it in the same call that inserts the cell's first output (`clear` then `display` in its
 * client's `define`), so the static nodes give way to the live ones within one task, before a
 * paint, with no script of ours. The indicator's spinner is hidden and its box dissolved
 * (`display: contents`), so the static nodes lay out as the live ones will.
 * Charts keep their own hand-over (HYDRATE above): a `resize` cell first inserts an empty
 * container, which would leave a frame with no chart.
 */
export const STATIC_CELL_CSS = [
  `.observablehq observablehq-loading[data-static-cell] { display: contents; animation: none; font: inherit; color: inherit; }`,
  `.observablehq observablehq-loading[data-static-cell]::before { content: none; }`
].join("\n");

const LOADING = /<observablehq-loading><\/observablehq-loading><!--:([0-9a-f]{8}(?:-\d+)?):-->/g;
/**
 * A block cell Framework wrote with no loading indicator: a program cell (declarations, or a
 * `display(…)` call of its own). Framework's client still takes an `observablehq-loading` found
 * before the root comment for the cell's indicator, so a capture is put in one the same way.
 */
const EMPTY_BLOCK = /<div class="observablehq observablehq--block"><!--:([0-9a-f]{8}(?:-\d+)?):--><\/div>/g;

export interface CapturedCell {
  /** The cell's output as the browser serialises it, ids renamed. */
  html: string;
  /** Holds form controls: shown, but inert until the live control replaces it. */
  controls: boolean;
}

/** The cells only JavaScript fills: those with a loading indicator, and block cells with nothing in them. */
export function loadingCells(html: string): string[] {
  return [...html.matchAll(LOADING), ...html.matchAll(EMPTY_BLOCK)].map((match) => match[1]);
}

/**
 * Writes each captured cell into its loading indicator. Throws a RewriteError when a cell of the
 * page has no capture, or when a loading indicator is left (did Framework's markup change?).
 */
export function insertStaticCells(html: string, cells: ReadonlyMap<string, CapturedCell>, where: string): {html: string; ids: string[]} {
  const ids: string[] = [];
  let out = html.replace(LOADING, (_, id: string) => {
    const cell = cells.get(id);
    if (!cell) throw new RewriteError(`${where}: cell ${id} has a loading indicator but rendered nothing the build could capture`);
    ids.push(id);
    return `<observablehq-loading data-static-cell="${id}"${cell.controls ? " inert" : ""}>${cell.html}</observablehq-loading><!--:${id}:-->`;
  });
  // A program cell that displays nothing (declarations only) keeps its empty block: an indicator no
  // display removes would be left in the live page.
  out = out.replace(EMPTY_BLOCK, (block, id: string) => {
    const cell = cells.get(id);
    if (!cell) throw new RewriteError(`${where}: cell ${id} has an empty block but the build captured nothing for it`);
    if (cell.html === "") return block;
    ids.push(id);
    return `<div class="observablehq observablehq--block"><observablehq-loading data-static-cell="${id}"${cell.controls ? " inert" : ""}>${cell.html}</observablehq-loading><!--:${id}:--></div>`;
  });
  if (/<observablehq-loading><\/observablehq-loading>/.test(out)) throw new RewriteError(`${where}: a loading indicator is left that is not a cell's as Framework 1.13.4 writes it (did Framework's markup change?)`);
  if (ids.length === 0) return {html, ids};
  if (!out.includes("</head>")) throw new RewriteError(`${where}: no </head> to put the static cells' styles in`);
  out = out.replace("</head>", `<style data-static-cells>\n${STATIC_CELL_CSS}\n</style>\n</head>`);
  return {html: out, ids};
}
