/**
 * Unexpected deaths of people with a learning disability that were
 * investigated: the trust against what other hospitals and mental health trusts
 * reported, each as a share with its 95% interval. Only like measures share
 * the chart: the share of unexpected deaths investigated.
 */
import * as Plot from "npm:@observablehq/plot";
import {BOTTOM_AXIS, HALO} from "./chart-labels.js";
import type {Figure} from "../../lib/story/figures.js";
import {formatInterval} from "../../lib/story/format.js";
import {ChartFrame} from "../frame/frame.js";
import {CONTEXT, FOCUS} from "./palette.js";
import {LD_COMPARISON} from "../../lib/delivery/chart-figures.js";
import {figureById, knownValue, shareCounts} from "../../lib/story/checked-lookups.js";

export interface ComparisonRow {
  who: string;
  investigated: number;
  unexpected_deaths: number;
  percent: number;
  ci95_lower: number;
  ci95_upper: number;
  status: string;
  figure_id: string;
}

export function ldComparisonRows(figures: Record<string, Figure>): ComparisonRow[] {
  return LD_COMPARISON.map(({id, who}) => {
    const f = figureById(figures, id);
    const {numerator, denominator, interval} = shareCounts(f);
    return {
      who,
      investigated: numerator,
      unexpected_deaths: denominator,
      percent: knownValue(f),
      ci95_lower: 100 * interval.lower,
      ci95_upper: 100 * interval.upper,
      status: f.status,
      figure_id: id
    };
  });
}

function describe(r: ComparisonRow): string {
  return `${r.who}: ${r.investigated} of ${r.unexpected_deaths} (${r.percent.toFixed(1)}%, 95% interval ${formatInterval(r.ci95_lower / 100, r.ci95_upper / 100)})`;
}

export function LdContextChart(figures: Record<string, Figure>, {width}: {width: number}): HTMLElement {
  const rows = ldComparisonRows(figures);
  const used = rows.map((r) => figureById(figures, r.figure_id));
  const narrow = width < 560;
  const colour = (d: ComparisonRow) => (d === rows[0] ? FOCUS : CONTEXT);
  const chart = Plot.plot({
    width,
    height: rows.length * (narrow ? 64 : 46) + 50,
    marginLeft: narrow ? 10 : 230,
    marginRight: 20,
    marginBottom: BOTTOM_AXIS.marginBottom,
    // A phone's column has no room for the long title: it would run off the chart's left edge.
    x: {domain: [0, 100], label: narrow ? "Per cent investigated →" : "Per cent of unexpected deaths investigated →", labelOffset: BOTTOM_AXIS.labelOffset, grid: true},
    y: {domain: rows.map((r) => r.who), axis: narrow ? null : "left", label: null, tickSize: 0},
    marks: [
      Plot.ruleY(rows, {x1: "ci95_lower", x2: "ci95_upper", y: "who", stroke: colour, strokeWidth: 3, dy: narrow ? 8 : 0}),
      Plot.dot(rows, {x: "percent", y: "who", fill: colour, r: 6, dy: narrow ? 8 : 0, title: describe}),
      Plot.text(rows, {x: "ci95_upper", y: "who", text: (d: ComparisonRow) => `${d.percent.toFixed(1)}%`, textAnchor: "start", dx: 8, dy: narrow ? 8 : 0, fill: "currentColor"}),
      // On a phone the name sits above its interval; the grid passes behind it.
      ...(narrow ? [Plot.text(rows, {x: 0, y: "who", text: "who", textAnchor: "start", dy: -12, fill: "currentColor", fontWeight: "bold", ...HALO})] : [])
    ]
  });
  const [trust, ...others] = rows;
  if (trust === undefined) throw new Error("the learning disability comparison has no rows");
  const separated = others.every((o) => trust.ci95_upper < o.ci95_lower);
  return ChartFrame(chart, {
    id: "ld-context",
    title: `${trust.investigated} of ${trust.unexpected_deaths} unexpected deaths of people with a learning disability were investigated`,
    subtitle: "Share of unexpected deaths of people with a learning disability that were investigated, with 95% intervals",
    alt: `Dot chart with interval lines. ${rows.map(describe).join("; ")}.${separated ? " The trust's interval lies entirely below the others'." : ""}`,
    sources: used.flatMap((f) => f.leadSources),
    notes: [
      `The comparisons cover different organisations and periods (${rows.map((r) => `${r.who}: ${figureById(figures, r.figure_id).period}`).join("; ")}); the others were gathered by freedom-of-information requests, so definitions of “unexpected” and “investigated” may differ.`,
      "95% Wilson score intervals, computed from the counts."
    ],
    data: rows,
    statuses: used.map((f) => f.status)
  });
}
