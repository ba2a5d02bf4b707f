/**
 * Draws every published chart at build, in Node, with the same component
 * functions the pages run in the browser (each entry of
 * src/components/charts/chart-registry.ts), for
 * where readers see them first:
 *
 * - the story pages, in place of the chart cell's loading indicator (the
 *   build's static-charts step, scripts/steps/static-charts.ts, with the
 *   drawings this writes to a file), so the chart is there from the first
 *   paint and with JavaScript off;
 * - as a light embed page per chart, `embed/<id>.html` (scripts/prerender/embed-page.ts);
 * - as images, `charts/<id>.svg` and `charts/<id>.png` (scripts/prerender/chart-images.ts).
 *
 * A chart's height often depends on its width (a narrow layout below 560 px,
 * say). So each chart is drawn at the widths where its drawing changes height,
 * found by bisection, and the page shows the variant for its column's width
 * with a container query: the live chart that replaces it has the same height.
 *
 * Run by scripts/build.ts in a child process (it needs a DOM on the global
 * object): node --import tsx --import ./scripts/node/npm-specifiers.ts scripts/prerender/static-charts.ts <site> <drawings.json>
 */
import {writeFile} from "node:fs/promises";
import {installDom} from "../node/dom.js";
import {loadFactBase, type FactBase} from "../../src/lib/factbase/factbase.js";
import {chartData, type PageData} from "../../src/lib/delivery/page-data.js";
import type {InspectionRecord} from "../../src/lib/story/story.js";
import {unpackSources} from "../../src/lib/delivery/payload.js";
import {RewriteError, type Variant} from "./static-html.js";
import {frameOnce} from "./frame-once.js";
import type {DrawnChart} from "../steps/step.js";
import {copyThemeFonts} from "./theme-css.js";
import {cloneElement} from "../../src/components/dom.js";
import type {ChartData, ChartEntry} from "../../src/components/charts/chart-registry.js";

installDom();
const {CHART_READS, CHART_REGISTRY, EMBEDDABLE_CHARTS} = await import("../../src/components/charts/chart-registry.js");
const {writeEmbedPages} = await import("./embed-page.js");
const {writeChartImages} = await import("./chart-images.js");

/** Narrowest and widest column widths probed; above the widest, the widest drawing holds. */
const NARROWEST = 240;
const WIDEST = 1200;
const STEP = 80;
/** Height changes looked for between two probes: bounds the drawings made for a chart whose height never settles. */
const MOST_CHANGES_IN_A_STEP = 8;
/** A variant covers at most this many pixels of width, so that without JavaScript a chart is never much narrower than its column. */
const SPAN = 240;
/**
 * Phones' columns, where a chart drawn 80 px narrower than its column cramps and clips its labels:
 * Framework's column on a 360, 390 and 412 px screen. A variant starts at each, so that a phone
 * shows the chart drawn at its own column's width, or at most about 20 px narrower.
 */
const PHONE_COLUMNS = [296, 326, 348];

const GEOMETRY = new Set(["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d", "transform", "points", "width", "height"]);

type Render = (width: number) => Promise<HTMLElement>;

/** What must not change within a variant's range: the height of every SVG drawn. */
function signature(figure: Element): string {
  return [...figure.querySelectorAll("svg")].map((svg) => svg.getAttribute("height") ?? "?").join(",");
}

/** The shape of every SVG drawn, width to height. */
function proportions(figure: Element): string {
  return [...figure.querySelectorAll("svg")].map((svg) => (Number(svg.getAttribute("width")) / Number(svg.getAttribute("height"))).toFixed(3)).join(",");
}

/**
 * Ids of HTML elements (the frame's own) would repeat across variants and clash with the live
 * chart's; SVG ids (Plot's clip paths) are unique per drawing and referenced inside it.
 */
function serialise(figure: Element): string {
  // Plot writes coordinates to 15 digits; a hundredth of a pixel is invisible and the page is a third lighter.
  for (const node of figure.querySelectorAll("svg *")) {
    for (const attribute of [...node.attributes]) {
      if (GEOMETRY.has(attribute.name)) attribute.value = attribute.value.replace(/(\d+\.\d{2})\d+/g, "$1");
    }
  }
  for (const node of [figure, ...figure.querySelectorAll("[id]")]) {
    if (node.namespaceURI === "http://www.w3.org/1999/xhtml") node.removeAttribute("id");
  }
  for (const node of figure.querySelectorAll("[aria-controls]")) node.removeAttribute("aria-controls");
  return figure.outerHTML;
}

export interface StaticChart {
  /** The frame's id, which the page keeps on the element holding the variants. */
  id: string;
  /** For pages: one drawing per height and per SPAN of width, so the live chart replaces it at the same height. */
  variants: Variant[];
  /** The page's markup for them: the frame once, a drawing per width inside it (scripts/prerender/frame-once.ts). */
  pageHtml: string;
  /** For embeds, which report their height to the host: one drawing per height, scaled down to its column. */
  embedVariants: Variant[];
  /** Drawn at 600 px, for the images. */
  widest: HTMLElement;
}

export async function variantsOf(render: Render): Promise<StaticChart> {
  const cache = new Map<number, HTMLElement>();
  const draw = async (width: number) => {
    const cached = cache.get(width);
    if (cached) return cached;
    const drawn = await render(width);
    cache.set(width, drawn);
    return drawn;
  };
  const sig = async (width: number) => signature(await draw(width));
  // Where the drawing's heights change: probe on a grid, then bisect each change to the pixel, and
  // the rest of the step again for the next (labels may wrap twice within a step). A drawing that
  // keeps its proportions through a step only scales: no change is wanted there (see below).
  const changes: number[] = [];
  for (let width = NARROWEST; width + STEP <= WIDEST; width += STEP) {
    const end = width + STEP;
    if (proportions(await draw(width)) === proportions(await draw(end))) continue;
    for (let low = width, found = 0; (await sig(low)) !== (await sig(end)) && found < MOST_CHANGES_IN_A_STEP; found++) {
      let high = end;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if ((await sig(middle)) === (await sig(low))) low = middle;
        else high = middle;
      }
      changes.push(high);
      low = high;
    }
  }
  const starts = [NARROWEST, ...changes];
  const pieces: number[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? WIDEST;
    for (let width = start; width < end; width += SPAN) pieces.push(width);
  });
  // A table reflows to its column; only a drawing (an SVG) needs drawing again for each phone.
  const drawing = (await draw(NARROWEST)).querySelector("svg") !== null;
  for (const column of drawing ? PHONE_COLUMNS : []) if (!pieces.includes(column)) pieces.push(column);
  pieces.sort((a, b) => a - b);
  const variants: Variant[] = [];
  for (const [i, width] of pieces.entries()) {
    const end = pieces[i + 1] ?? WIDEST;
    // A drawing that keeps its proportions as it grows all through a range (a square, up to a size)
    // has no single step to find: drawn at the range's end, the page scales it down to its column,
    // as the live chart is drawn. Elsewhere the range's height is one, and its start draws it.
    const [first, last] = [await draw(width), await draw(end - 1)];
    const at = signature(first) !== signature(last) && proportions(first) === proportions(last) ? end - 1 : width;
    const html = serialise(cloneElement(await draw(at)));
    // A drawing the same as the one before (a table, or a chart drawn at a fixed size) extends its range.
    const before = variants[variants.length - 1];
    if (before?.html === html) before.max = pieces[i + 1] ?? Infinity;
    else variants.push({min: i === 0 ? 0 : width, max: pieces[i + 1] ?? Infinity, html});
  }
  const embedVariants: Variant[] = [];
  for (const [i, start] of starts.entries()) {
    const end = starts[i + 1] ?? Infinity;
    const width = Math.min(end - 1, i === 0 ? 400 : start + 160);
    embedVariants.push({min: i === 0 ? 0 : start, max: end, html: serialise(cloneElement(await draw(width)))});
  }
  const first = await draw(NARROWEST);
  return {id: first.id, variants, pageHtml: frameOnce(variants, document), embedVariants, widest: await draw(600)};
}

/**
 * What a chart reads, made the way the loaders make it and passed through JSON as the pages
 * receive it, so the drawing at build is the drawing in the browser. A chart that draws a part of
 * the record its registry entry does not read fails the build here, naming it.
 */
function chartInput(facts: FactBase, chart: string): ChartData {
  const sent: PageData = JSON.parse(JSON.stringify(chartData(facts, chart, CHART_READS)));
  const {figures = {}, ratings, findings, events, terms} = unpackSources(sent);
  const unread = (part: keyof InspectionRecord): never => {
    throw new Error(`the chart '${chart}' draws the record's ${part}, which its entry in the chart registry does not read`);
  };
  return {
    figures,
    record: {
      get ratings() {
        return ratings ?? unread("ratings");
      },
      get findings() {
        return findings ?? unread("findings");
      },
      get events() {
        return events ?? unread("events");
      },
      get terms() {
        return terms ?? unread("terms");
      }
    }
  };
}

async function main(site: string, drawingsFile: string): Promise<number> {
  const facts = loadFactBase();
  const charts = new Map<string, StaticChart>();
  for (const {id, draw} of EMBEDDABLE_CHARTS) {
    const input = chartInput(facts, id);
    charts.set(id, await variantsOf((width) => draw(input, width)));
  }
  await copyThemeFonts(site);
  await writeEmbedPages(site, charts);
  const registry: Readonly<Record<string, ChartEntry>> = CHART_REGISTRY;
  await writeChartImages(site, charts, (id) => registry[id]?.image !== false);
  // The pages take the drawings in the build's one pass over them (scripts/steps/static-charts.ts).
  const drawings: DrawnChart[] = [...charts].map(([chart, {id, variants, pageHtml}]) => ({chart, id, variants, pageHtml}));
  await writeFile(drawingsFile, JSON.stringify(drawings, (_, value) => (value === Infinity ? "Infinity" : value)));
  console.log(`static charts: ${charts.size} charts drawn; ${charts.size} embed pages and images written`);
  return 0;
}

try {
  const [, , site, drawingsFile] = process.argv;
  if (site === undefined || drawingsFile === undefined) throw new Error("usage: static-charts.ts <site> <drawings file>");
  process.exitCode = await main(site, drawingsFile);
} catch (error) {
  console.error(error instanceof RewriteError ? `static charts: ${error.message}` : error);
  process.exitCode = 1;
}
