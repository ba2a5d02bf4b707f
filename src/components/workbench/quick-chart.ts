/**
 * A first look at a query result as a chart: the mark follows the type of the
 * x column (a line over dates, bars over categories, dots for one number
 * against another), the analyst can pick other columns, and the chart goes
 * through the notebook's ChartFrame like every other chart. The choice of
 * mark is made in chart-choice.ts.
 */
import * as Plot from "npm:@observablehq/plot";
import type {SourceRef} from "../../lib/story/figures.js";
import {ChartFrame} from "../frame/frame.js";
import {OKABE_ITO} from "../charts/palette.js";
import {CHART_ROWS, markFor} from "./chart-choice.js";
import {formatCell, toChartNumber, type Cell, type ColumnKind, type ResultColumn} from "./sql-values.js";
import {at} from "../../lib/story/checked-lookups.js";
import {element} from "../dom.js";

/** Bars drawn at most; past this a bar chart is unreadable. */
export const MAX_BARS = 40;
/** Marks get a keyboard-focusable tooltip only when there are few enough to tab through. */
const MAX_FOCUSABLE_MARKS = 60;
/** Bar labels are cut to this many characters (the tooltip and the table hold them whole). */
const LABEL_LENGTH = 44;
/** Plot's 10px tick labels average about this many pixels a character. */
const CHAR_WIDTH = 6.2;

function timeValue(text: string, kind: ColumnKind): Date {
  return new Date(kind === "date" ? `${text}T00:00:00Z` : `${text.replace(" ", "T")}Z`);
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export interface QuickChartOptions {
  x: number;
  y: number;
  width: number;
  /** The link that reproduces this result: the chart's source. */
  shareUrl: string;
}

interface Point {
  x: unknown;
  y: number;
  label: string;
}

/** Draws the chosen columns of the rows (in the order given: the table's sort order). */
export function QuickChart(columns: ResultColumn[], rows: Cell[][], {x, y, width, shareUrl}: QuickChartOptions): HTMLElement {
  const xColumn = at(columns, x, "the result's columns");
  const yColumn = at(columns, y, "the result's columns");
  const mark = markFor(xColumn.kind);
  const considered = rows.slice(0, CHART_ROWS);
  const points: Point[] = [];
  for (const row of considered) {
    const xCell = at(row, x, "a result row");
    const value = toChartNumber(at(row, y, "a result row"));
    if (value === null || xCell === null) continue;
    const label = formatCell(xCell);
    // A date or timestamp column's cells are its text, as DuckDB writes it.
    const xValue = mark === "line" ? (typeof xCell === "string" ? timeValue(xCell, xColumn.kind) : null) : mark === "dot" ? toChartNumber(xCell) : label;
    if (xValue === null) continue;
    points.push({x: xValue, y: value, label});
  }
  const skipped = considered.length - points.length;
  const notes: string[] = [];
  if (rows.length > CHART_ROWS) notes.push(`Only the first ${CHART_ROWS.toLocaleString("en-GB")} of ${rows.length.toLocaleString("en-GB")} rows are drawn.`);
  if (skipped) notes.push(`${skipped.toLocaleString("en-GB")} row${skipped === 1 ? "" : "s"} with NULL (or no plottable value) in ${xColumn.name} or ${yColumn.name} ${skipped === 1 ? "is" : "are"} left out.`);

  if (!points.length) {
    const none = element("p", "sql-chart-none", `Nothing to draw: no row has a value in both ${xColumn.name} and ${yColumn.name}.`);
    return none;
  }

  let chart: Element;
  let subtitle: string;
  let alt: string;
  let drawn: Record<string, unknown>[];
  const titled = points.length <= MAX_FOCUSABLE_MARKS;
  const tip = (p: Point) => `${xColumn.name}: ${p.label}\n${yColumn.name}: ${formatCell(p.y)}`;
  if (mark === "bar") {
    // Rows that share a label are added together, so the bar is the label's total.
    const totals = new Map<string, number>();
    for (const p of points) totals.set(p.label, (totals.get(p.label) ?? 0) + p.y);
    const summed = totals.size < points.length;
    const bars = [...totals].slice(0, MAX_BARS).map(([label, value]) => ({label, value}));
    if (totals.size > MAX_BARS) notes.push(`Only the first ${MAX_BARS} of ${totals.size} values of ${xColumn.name} are drawn.`);
    if (summed) notes.push(`Rows with the same ${xColumn.name} are added together.`);
    // Labels get up to 45% of the width; on a phone they are cut shorter rather than cut off.
    const marginLeft = Math.min(width * 0.45, 12 + Math.max(0, ...bars.map((b) => Math.min(b.label.length, LABEL_LENGTH))) * CHAR_WIDTH);
    const labelLength = Math.max(4, Math.floor((marginLeft - 12) / CHAR_WIDTH));
    chart = Plot.plot({
      width,
      height: Math.max(80, bars.length * 24 + 40),
      marginLeft,
      marginRight: 24,
      x: {grid: true, label: yColumn.name},
      y: {label: null, domain: bars.map((b) => b.label), tickFormat: (d: string) => truncate(d, labelLength)},
      marks: [
        Plot.barX(bars, {x: "value", y: "label", fill: OKABE_ITO.blue, ...(titled ? {title: (b: {label: string; value: number}) => `${xColumn.name}: ${b.label}\n${yColumn.name}: ${formatCell(b.value)}`} : {})}),
        Plot.ruleX([0])
      ]
    });
    const top = bars.reduce<{label: string; value: number} | null>((best, b) => (best === null || b.value > best.value ? b : best), null);
    subtitle = `${yColumn.name}${summed ? " (total)" : ""} for each ${xColumn.name}, in the table's order`;
    alt = top
      ? `Bar chart of ${yColumn.name} for ${bars.length} value${bars.length === 1 ? "" : "s"} of ${xColumn.name}; the largest is ${top.label} at ${formatCell(top.value)}.`
      : `Bar chart of ${yColumn.name} by ${xColumn.name}, with no rows to draw.`;
    drawn = bars.map((b) => ({[xColumn.name]: b.label, [yColumn.name]: b.value}));
  } else if (mark === "line") {
    const sorted = points.flatMap((p) => (p.x instanceof Date ? [{...p, x: p.x}] : [])).sort((a, b) => a.x.getTime() - b.x.getTime());
    const [earliest, latest] = [sorted[0], sorted.at(-1)];
    chart = Plot.plot({
      width,
      height: 320,
      marginLeft: 56,
      x: {label: xColumn.name, type: "utc"},
      y: {grid: true, label: yColumn.name},
      marks: [
        Plot.lineY(sorted, {x: "x", y: "y", stroke: OKABE_ITO.blue, strokeWidth: 2}),
        Plot.dot(sorted, {x: "x", y: "y", fill: OKABE_ITO.blue, r: 3, ...(titled ? {title: tip} : {})})
      ]
    });
    subtitle = `${yColumn.name} over ${xColumn.name}`;
    alt = earliest && latest
      ? `Line chart of ${yColumn.name} over ${xColumn.name}, ${sorted.length} point${sorted.length === 1 ? "" : "s"} from ${earliest.label} to ${latest.label}, between ${formatCell(Math.min(...sorted.map((p) => p.y)))} and ${formatCell(Math.max(...sorted.map((p) => p.y)))}.`
      : `Line chart of ${yColumn.name} over ${xColumn.name}, with no rows to draw.`;
    drawn = sorted.map((p) => ({[xColumn.name]: p.label, [yColumn.name]: p.y}));
  } else {
    chart = Plot.plot({
      width,
      height: 320,
      marginLeft: 56,
      x: {grid: true, label: xColumn.name},
      y: {grid: true, label: yColumn.name},
      marks: [Plot.dot(points, {x: "x", y: "y", stroke: OKABE_ITO.blue, r: 3.5, ...(titled ? {title: tip} : {})})]
    });
    subtitle = `${yColumn.name} against ${xColumn.name}`;
    alt = `Scatter plot of ${yColumn.name} against ${xColumn.name}, ${points.length} point${points.length === 1 ? "" : "s"}.`;
    drawn = points.map((p) => ({[xColumn.name]: p.x, [yColumn.name]: p.y}));
  }
  const source: SourceRef = {id: "sql-query", publisher: "SQL workbench", title: "the query on this page", url: shareUrl, published: null, kind: "query", copyOf: null, copy: null, standing: "query", credit: "SQL workbench"};
  const frame = ChartFrame(chart, {
    id: "sql-result",
    title: `${yColumn.name} by ${xColumn.name}`,
    subtitle,
    alt,
    sources: [source],
    notes,
    data: drawn,
    // An ad-hoc chart has no embed page.
    embed: false
  });
  return frame;
}
