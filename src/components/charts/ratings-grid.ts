/**
 * CQC's ratings of the trust as a grid: one column per inspection in date
 * order, one row per key question (or per core service). Every cell carries
 * its rating in words as well as colour. An inspection that gave no rating
 * (a focused inspection) is drawn as an inspection, outlined and labelled "no
 * rating", never as a copy of the rating before it. A rating the CQC gave but
 * no source read states is hatched and reads "not found"; a rating known only
 * from a secondary source is outlined and marked with a dagger.
 */
import * as Plot from "npm:@observablehq/plot";
import {capitalise, formatCount, formatDate, precisionOf} from "../../lib/story/format.js";
import {ChartFrame} from "../frame/frame.js";
import {RATING_COLOURS, RATING_ORDER, type CqcRating, type Rating} from "./palette.js";
import {STATUS_LABELS} from "../../lib/story/status.js";
import {fieldName} from "../../lib/story/reader-text.js";
import {flatRow, listOf, sourcesOf, type RatingRow} from "./record.js";
import {inspectionLabel, inspectionOf, inspectionsOf, type Inspection, type Scope} from "./inspections.js";
import {element} from "../dom.js";

export const KEY_QUESTIONS = ["safe", "effective", "caring", "responsive", "well-led", "overall"] as const;

function publishedLabel(inspection: Inspection): string {
  if (inspection.published !== null) return `published ${formatDate(inspection.published, precisionOf(inspection.published_precision))}`;
  return inspection.published_note ?? "publication date not known";
}

const SHORT_RATINGS: Record<Rating, string> = {
  outstanding: "Outst.",
  good: "Good",
  "requires improvement": "Req.\nimpr.",
  inadequate: "Inad.",
  "not published": "No\nrating",
  "not found": "Not\nknown"
};

const LONG_RATINGS: Record<Rating, string> = {
  outstanding: "Outstanding",
  good: "Good",
  "requires improvement": "Requires improvement",
  inadequate: "Inadequate",
  "not published": "No rating",
  "not found": "Not known"
};

/** What a gap means, for tooltips, the legend and the notes. */
const GAP_MEANINGS = {
  "not published": "the CQC published no new rating after this inspection (a focused inspection); the rating before it stood",
  "not found": "the CQC rated this, but no published source gives the rating; it is not guessed"
} as const;

function isCqcRating(rating: Rating): rating is CqcRating {
  return RATING_ORDER.some((known) => known === rating);
}

const SECONDARY_MARK = "†";

function rowKey(row: RatingRow): string {
  return row.scope === "trust" ? row.key_question : row.service;
}

function rowLabel(key: string, scope: Scope): string {
  return scope === "trust" ? capitalise(key) : key;
}

function cellText(row: RatingRow, short: boolean): string {
  const text = short ? SHORT_RATINGS[row.rating] : LONG_RATINGS[row.rating];
  return row.status === "secondary" ? `${text}${SECONDARY_MARK}` : text;
}

/** Black or white, whichever reads better on the cell's colour (WCAG relative luminance). */
function textOn(hex: string): "black" | "white" {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "black" : "white";
}

function tooltip(row: RatingRow, inspection: Inspection, scope: Scope): string {
  const what = scope === "trust" ? `${capitalise(row.key_question)}` : `${row.service}${row.key_question === "all" ? " (all key questions)" : ""}`;
  const rating = isCqcRating(row.rating) ? capitalise(row.rating) : `${LONG_RATINGS[row.rating]}: ${GAP_MEANINGS[row.rating]}`;
  const previous = row.previous_rating ? `\nPreviously: ${row.previous_rating}` : "";
  const status = row.status === "final" ? "" : `\n${STATUS_LABELS[row.status]}`;
  const differ = row.disagreements.map((d) => `\nSources differ: ${d.source.credit} gives the ${fieldName(d.field)} as “${d.otherValue}”`).join("");
  return `${what}: ${rating}\nInspected ${inspectionLabel(inspection)}, ${publishedLabel(inspection)}${previous}${status}${differ}\nSource: ${row.source.credit}`;
}

let patternCount = 0;

/** Hatching for "not found" cells, drawn in the text colour so it holds in light and dark. */
function hatchPattern(id: string) {
  return () => {
    const ns = "http://www.w3.org/2000/svg";
    const defs = document.createElementNS(ns, "defs");
    const pattern = document.createElementNS(ns, "pattern");
    pattern.setAttribute("id", id);
    pattern.setAttribute("patternUnits", "userSpaceOnUse");
    pattern.setAttribute("width", "6");
    pattern.setAttribute("height", "6");
    pattern.setAttribute("patternTransform", "rotate(45)");
    const line = document.createElementNS(ns, "line");
    line.setAttribute("x1", "0");
    line.setAttribute("y1", "0");
    line.setAttribute("x2", "0");
    line.setAttribute("y2", "6");
    line.setAttribute("stroke", "currentColor");
    line.setAttribute("stroke-opacity", "0.35");
    line.setAttribute("stroke-width", "2");
    pattern.append(line);
    defs.append(pattern);
    return defs;
  };
}

function legend(rows: RatingRow[]): HTMLElement {
  const root = element("div", "ratings-legend");
  for (const rating of RATING_ORDER) {
    const item = element("span", "ratings-legend-item");
    const swatch = element("span", "ratings-swatch");
    swatch.style.background = RATING_COLOURS[rating];
    item.append(swatch, capitalise(rating));
    root.append(item);
  }
  for (const gap of ["not published", "not found"] as const) {
    if (!rows.some((r) => r.rating === gap)) continue;
    const item = element("span", "ratings-legend-item");
    const swatch = element("span", gap === "not found" ? "ratings-swatch ratings-swatch-hatched" : "ratings-swatch ratings-swatch-inspection");
    item.append(swatch, gap === "not found" ? "Rated, rating not known" : "Inspected, no rating published");
    root.append(item);
  }
  if (rows.some((r) => r.status === "secondary")) {
    const item = element("span", "ratings-legend-item");
    const swatch = element("span", "ratings-swatch ratings-swatch-secondary");
    item.append(swatch, `${SECONDARY_MARK} ${STATUS_LABELS.secondary.toLowerCase()}`);
    root.append(item);
  }
  return root;
}

function headline(rows: RatingRow[], inspections: Inspection[], scope: Scope): string {
  if (scope === "core service") {
    const counts = RATING_ORDER.map((rating) => ({rating, n: rows.filter((r) => r.rating === rating).length})).filter((c) => c.n > 0);
    return `Core-service ratings: ${listOf(counts.map((c) => `${formatCount(c.n)} ${c.rating}`))}`;
  }
  const dated = new Set(inspections.filter((i) => i.inspected !== null).map((i) => i.inspection_id));
  const overall = rows.filter((r) => r.key_question === "overall" && dated.has(r.inspection_id) && isCqcRating(r.rating));
  const counts = RATING_ORDER.map((rating) => ({rating, n: overall.filter((r) => r.rating === rating).length}))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n);
  const [first, ...rest] = counts;
  if (first === undefined) throw new Error("no dated inspection of the trust gave an overall rating");
  // Counted as the grid shows them: the dated columns with an overall rating (not the focused
  // inspection's "no rating", nor the undated copy of CQC's page, which repeats a rating).
  return `${capitalise(first.rating)} overall at ${formatCount(first.n)} of the ${formatCount(overall.length)} dated inspections that gave a rating${rest.map((c) => `; ${c.rating} at ${formatCount(c.n)}`).join("")}`;
}

function altText(rows: RatingRow[], inspections: Inspection[], scope: Scope): string {
  const columns = inspections.map((inspection) => {
    const cells = rows.filter((r) => r.inspection_id === inspection.inspection_id);
    const described = cells.map((r) => `${scope === "trust" ? r.key_question : r.service} ${isCqcRating(r.rating) ? r.rating : LONG_RATINGS[r.rating].toLowerCase()}${r.status === "secondary" ? " (secondary source)" : ""}`);
    return `${inspectionLabel(inspection)} inspection: ${listOf(described)}`;
  });
  const what = scope === "trust" ? "the trust's CQC ratings by key question" : "CQC's ratings of the trust's core services";
  return `Grid of ${what} at ${formatCount(inspections.length)} inspections, in date order. ${columns.join(". ")}.`;
}

export function RatingsGridChart(ratings: RatingRow[], {width, scope = "trust"}: {width: number; scope?: Scope}): HTMLElement {
  const rows = ratings.filter((r) => r.scope === scope);
  const inspections = inspectionsOf(rows);
  const byInspection = new Map(inspections.map((i) => [i.inspection_id, i]));
  const inspection = (id: string): Inspection => {
    const found = byInspection.get(id);
    if (found === undefined) throw new Error(`no inspection '${id}' among the ratings drawn`);
    return found;
  };
  const narrow = width < 560;
  const keys = scope === "trust" ? KEY_QUESTIONS.filter((q) => rows.some((r) => r.key_question === q)) : [...new Set(rows.map(rowKey))].sort();
  // Long service names sit above their row on a phone; key questions fit beside it.
  // On a phone every row's name sits above it, so that the cells have the whole width.
  const labelsAbove = narrow;
  const rowHeight = labelsAbove ? 56 : scope === "trust" ? 40 : 52;
  const marginLeft = labelsAbove ? 0 : scope === "trust" ? 110 : 230;
  const marginTop = 34;
  const plotWidth = width - marginLeft - 2;
  const cellWidth = plotWidth / inspections.length;
  const slots = inspections.flatMap((i) => keys.map((key) => ({inspection_id: i.inspection_id, key})));
  const filled = new Set(rows.map((r) => `${r.inspection_id}|${rowKey(r)}`));
  const empty = slots.filter((s) => !filled.has(`${s.inspection_id}|${s.key}`));
  const rated = rows.filter((r) => isCqcRating(r.rating));
  const notRated = rows.filter((r) => r.rating === "not published");
  const notFound = rows.filter((r) => r.rating === "not found");
  const hatchId = `rating-hatch-${++patternCount}`;
  const fontSize = 12;
  // A rating in full needs about 11 bold characters a line ("improvement"); narrower cells take
  // the short form, which the legend spells out; cells too narrow even for that keep to their
  // colour, hatching or outline, which the legend explains, rather than spill text over others.
  const short = cellWidth < 8 * fontSize;
  const lettered = cellWidth >= 3.6 * fontSize;
  const text = (filter: (r: RatingRow) => boolean, fill: string) =>
    Plot.text(rows.filter((r) => lettered && filter(r)), {
      x: "inspection_id",
      y: rowKey,
      text: (r: RatingRow) => cellText(r, short),
      fill,
      fontSize,
      fontWeight: 600,
      // In ems; Plot's estimate runs short for bold text, so leave slack.
      lineWidth: Math.max(4, (cellWidth - 16) / (fontSize * 1.15)),
      dy: labelsAbove ? 9 : 0
    });
  const cellOptions = {x: "inspection_id", y: rowKey, inset: 1.5, insetTop: labelsAbove ? 20 : 1.5};
  const plot = Plot.plot({
    width,
    height: keys.length * rowHeight + marginTop + 4,
    marginLeft,
    marginRight: 2,
    marginTop,
    marginBottom: 4,
    style: {fontSize: `${fontSize}px`},
    x: {
      domain: inspections.map((i) => i.inspection_id),
      axis: "top",
      label: null,
      tickSize: 0,
      tickFormat: (id: string) => inspectionLabel(inspection(id), {short: narrow})
    },
    y: {
      domain: keys,
      axis: null
    },
    color: {domain: [...RATING_ORDER], range: RATING_ORDER.map((r) => RATING_COLOURS[r])},
    marks: [
      hatchPattern(hatchId),
      labelsAbove
        ? Plot.text(keys, {y: (k: string) => k, text: (k: string) => rowLabel(k, scope), frameAnchor: "left", textAnchor: "start", dy: -rowHeight / 2 + 10, fill: "currentColor", fontWeight: 600, lineWidth: width / fontSize})
        : Plot.axisY({tickSize: 0, label: null, tickFormat: (key: string) => rowLabel(key, scope), ...(scope === "core service" ? {lineWidth: 17} : {})}),
      Plot.cell(empty, {x: "inspection_id", y: "key", inset: 1.5, insetTop: labelsAbove ? 20 : 1.5, fill: "none", stroke: "currentColor", strokeOpacity: 0.2}),
      Plot.cell(rated, {...cellOptions, fill: "rating", title: (r: RatingRow) => tooltip(r, inspection(r.inspection_id), scope)}),
      Plot.cell(notRated, {
        ...cellOptions,
        fill: "none",
        stroke: "currentColor",
        strokeWidth: 1.5,
        title: (r: RatingRow) => tooltip(r, inspection(r.inspection_id), scope)
      }),
      Plot.cell(notFound, {
        ...cellOptions,
        fill: `url(#${hatchId})`,
        stroke: "currentColor",
        strokeOpacity: 0.6,
        title: (r: RatingRow) => tooltip(r, inspection(r.inspection_id), scope)
      }),
      Plot.cell(
        rows.filter((r) => r.status === "secondary"),
        {...cellOptions, inset: 4, insetTop: labelsAbove ? 23 : 4, fill: "none", stroke: "black", strokeWidth: 1.5, strokeDasharray: "4,3"}
      ),
      text((r) => !isCqcRating(r.rating), "currentColor"),
      text((r) => isCqcRating(r.rating) && textOn(RATING_COLOURS[r.rating]) === "black", "black"),
      text((r) => isCqcRating(r.rating) && textOn(RATING_COLOURS[r.rating]) === "white", "white")
    ]
  });
  const body = element("div", "ratings-grid");
  body.append(legend(rows), plot);
  const hasEmpty = empty.length > 0;
  return ChartFrame(body, {
    id: scope === "trust" ? "ratings-trust" : "ratings-core-services",
    title: headline(rows, inspections, scope),
    subtitle:
      scope === "trust"
        ? "CQC ratings of Southern Health NHS Foundation Trust by key question, at each inspection, in date order"
        : "CQC ratings of the trust's core services whose ratings are published, by inspection",
    alt: altText(rows, inspections, scope),
    sources: sourcesOf(rows),
    notes: [
      "Columns are dated by when the inspection took place, no more precisely than the source gives it; each cell's tooltip gives the publication date.",
      ...(notRated.length ? [`Outlined “no rating” cells: ${GAP_MEANINGS["not published"]}.`] : []),
      ...(notFound.length ? [`Hatched “not known” cells: ${GAP_MEANINGS["not found"]}.`] : []),
      ...(hasEmpty ? ["Empty cells: no published rating for that inspection."] : []),
      ...(rows.some((r) => r.status === "secondary") ? [`${SECONDARY_MARK} Rating known only from a secondary source.`] : []),
      ...(rows.some((r) => r.disagreements.length)
        ? [`Sources differ on the ${listOf([...new Set(rows.filter((r) => r.disagreements.length).map((r) => inspectionLabel(inspectionOf(r))))])} inspections: this page gives the better-attested account, and each cell's tooltip gives the other.`]
        : []),
      ...inspections.filter((i) => i.inspected === null).slice(0, 1).map((undated) => `The column without a date: ${undated.published_note}.`)
    ],
    data: rows.map(flatRow),
    statuses: rows.map((r) => r.status)
  });
}
