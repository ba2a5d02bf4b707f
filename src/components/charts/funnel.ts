/**
 * From all deaths to those investigated: one bar per step, drawn to the same
 * linear scale so the proportions are seen as they are, each labelled with its
 * count and its share of the step it is counted from.
 */
import * as Plot from "npm:@observablehq/plot";
import type {Figure} from "../../lib/story/figures.js";
import {formatCount} from "../../lib/story/format.js";
import {ChartFrame} from "../frame/frame.js";
import {FOCUS, CONTEXT} from "./palette.js";
import {FUNNEL_STEPS} from "../../lib/delivery/chart-figures.js";
import {figureById, knownValue} from "../../lib/story/checked-lookups.js";
import {firstAndLast} from "./record.js";

export interface FunnelRow {
  step: string;
  figure_id: string;
  deaths: number;
  share_of: string | null;
  share_denominator: number | null;
  share_percent: number | null;
  status: string;
}

export function funnelRows(figures: Record<string, Figure>): FunnelRow[] {
  return FUNNEL_STEPS.map(({id, step, share: shareId}) => {
    const figure = figureById(figures, id);
    const share = shareId ? figureById(figures, shareId) : null;
    return {
      step,
      figure_id: id,
      deaths: knownValue(figure),
      share_of: share ? share.denominatorLabel : null,
      share_denominator: share ? share.denominator : null,
      share_percent: share ? Number(knownValue(share).toFixed(1)) : null,
      status: share ? share.status : figure.status
    };
  });
}

function stepLabel(row: FunnelRow): string {
  return row.share_percent === null || row.share_denominator === null
    ? `${formatCount(row.deaths)}`
    : `${formatCount(row.deaths)} (${row.share_percent.toFixed(1)}% of ${formatCount(row.share_denominator)})`;
}

export function FunnelChart(figures: Record<string, Figure>, {width}: {width: number}): HTMLElement {
  const rows = funnelRows(figures);
  const steps = FUNNEL_STEPS.map((s) => figureById(figures, s.id));
  const shares = FUNNEL_STEPS.flatMap((s) => (s.share ? [figureById(figures, s.share)] : []));
  const [first, last] = firstAndLast(rows, "the funnel");
  // The title counts the last step against its share's denominator, the unexpected deaths.
  const unexpected = last.share_denominator;
  if (unexpected === null) throw new Error(`the funnel's last step, ${last.figure_id}, is not a share of the step before`);
  const narrow = width < 560;
  const chart = Plot.plot({
    width,
    height: rows.length * (narrow ? 58 : 44) + 30,
    marginLeft: narrow ? 10 : 200,
    marginRight: 10,
    x: {axis: null, domain: [0, first.deaths]},
    y: {domain: rows.map((r) => r.step), axis: narrow ? null : "left", label: null, tickSize: 0},
    marks: [
      Plot.barX(rows, {
        y: "step",
        x: "deaths",
        fill: (d: FunnelRow) => (d === last ? FOCUS : CONTEXT),
        insetTop: narrow ? 22 : 4,
        insetBottom: 4,
        title: (d: FunnelRow) => `${d.step}: ${formatCount(d.deaths)} deaths${d.share_percent === null ? "" : `\n${d.share_percent.toFixed(1)}% of ${d.share_of?.toLowerCase()}`}`
      }),
      Plot.text(rows, {
        y: "step",
        x: "deaths",
        text: stepLabel,
        textAnchor: "start",
        dx: 4,
        dy: narrow ? 9 : 0,
        fill: "currentColor",
        frameAnchor: "left",
        // Long bars hold their label inside; short ones put it after the bar.
        filter: (d: FunnelRow) => d.deaths / first.deaths < 0.55
      }),
      Plot.text(rows, {
        y: "step",
        x: 0,
        text: stepLabel,
        textAnchor: "start",
        dx: 6,
        dy: narrow ? 9 : 0,
        // Near-black on the bar: white on the grey context colour reads at 2.9:1, this at 7.4:1 (and 5.4:1 on the focus colour).
        fill: "#111111",
        filter: (d: FunnelRow) => d.deaths / first.deaths >= 0.55
      }),
      // On a phone the step's name sits above its bar, clear of it.
      ...(narrow ? [Plot.text(rows, {y: "step", x: 0, text: "step", textAnchor: "start", dy: -14, fill: "currentColor", fontWeight: "bold"})] : [])
    ]
  });
  return ChartFrame(chart, {
    id: "funnel",
    title: `${formatCount(last.deaths)} of ${formatCount(unexpected)} unexpected deaths were investigated`,
    subtitle: `Deaths of people in contact with the trust's mental health and learning disability services, ${figureById(figures, FUNNEL_STEPS[0].id).period}`,
    alt: `Bar chart of the Mazars review's funnel: ${rows.map((r) => `${r.step}, ${stepLabel(r)}`).join("; ")}.`,
    sources: [...steps, ...shares].flatMap((f) => f.leadSources),
    notes: [
      "Each share is computed from the two counts; investigations are counted against the deaths categorised as unexpected, the base the review used.",
      "CIR: critical incident review. SIRI: serious incident requiring investigation."
    ],
    data: rows,
    statuses: [...steps, ...shares].map((f) => f.status)
  });
}
