/**
 * Investigation rates by service group. The review reported three different
 * measures (share of all deaths, share of unexpected deaths, SIRI only), which
 * are not comparable: each gets its own panel, with its own scale, named on
 * the chart, and a value is only ever set beside others of the same measure.
 */
import * as Plot from "npm:@observablehq/plot";
import type {Figure} from "../../lib/story/figures.js";
import {formatInterval} from "../../lib/story/format.js";
import {ChartFrame} from "../frame/frame.js";
import {MEASURE_COLOURS} from "./palette.js";
import {SERVICE_GROUP_MEASURES} from "../../lib/delivery/chart-figures.js";
import {figureById, knownValue} from "../../lib/story/checked-lookups.js";
import {BOTTOM_AXIS, HALO, LINE_HEIGHT, wrapLabel} from "./chart-labels.js";
import {element} from "../dom.js";

const TITLE_SIZE = 13;

export interface ServiceGroupRow {
  measure: string;
  group: string;
  percent: number;
  display: string;
  counts: string | null;
  ci95_lower: number | null;
  ci95_upper: number | null;
  status: string;
  figure_id: string;
}

export function serviceGroupRows(figures: Record<string, Figure>): ServiceGroupRow[] {
  return SERVICE_GROUP_MEASURES.flatMap(({measure, figures: panel}) =>
    panel.map(({id, group}) => {
      const f = figureById(figures, id);
      return {
        measure,
        group,
        percent: knownValue(f),
        display: f.display,
        counts: f.numerator === null ? null : `${f.numerator} of ${f.denominator}`,
        ci95_lower: f.interval ? 100 * f.interval.lower : null,
        ci95_upper: f.interval ? 100 * f.interval.upper : null,
        status: f.status,
        figure_id: id
      };
    })
  );
}

function describe(row: ServiceGroupRow): string {
  return `${row.group}: ${row.display}${row.counts ? ` (${row.counts}; 95% interval ${formatInterval((row.ci95_lower as number) / 100, (row.ci95_upper as number) / 100)})` : ""}`;
}

export function ServiceGroupsChart(figures: Record<string, Figure>, {width}: {width: number}): HTMLElement {
  const rows = serviceGroupRows(figures);
  const used = rows.map((r) => figureById(figures, r.figure_id));
  const measures = SERVICE_GROUP_MEASURES.map((m) => m.measure);
  const narrow = width < 560;
  // One small chart per measure, each with its own scale, axis and title: the measures are not
  // comparable, so no panel is drawn on another's axis.
  const chart = element("div", "chart-panels");
  const marginLeft = narrow ? 10 : 190;
  measures.forEach((measure, i) => {
    const panelRows = rows.filter((r) => r.measure === measure);
    const title = wrapLabel(measure, width - 10, TITLE_SIZE);
    const titleRoom = title.length * TITLE_SIZE * LINE_HEIGHT + 8;
    // The panel's own scale, up to its largest value (and at least 10 per cent, so that a fraction
    // of one per cent is not drawn the length of a majority).
    const top = Math.max(10, ...panelRows.map((r) => Math.max(r.percent, r.ci95_upper ?? 0)));
    const panel = Plot.plot({
      width,
      height: panelRows.length * (narrow ? 46 : 32) + titleRoom + 40,
      marginLeft,
      marginRight: 60,
      marginTop: titleRoom + 4,
      marginBottom: BOTTOM_AXIS.marginBottom,
      x: {domain: [0, top * 1.1], nice: true, label: "Per cent →", labelAnchor: "right", labelOffset: BOTTOM_AXIS.labelOffset, grid: true, ticks: narrow ? 4 : 6},
      y: {domain: panelRows.map((r) => r.group), label: null, axis: narrow ? null : "left", tickSize: 0},
      marks: [
        // The panel's title, inside the drawing, so that images and embeds keep it.
        Plot.text([title.join("\n")], {frameAnchor: "top-left", dx: -marginLeft, dy: -titleRoom - 4, text: (d: string) => d, textAnchor: "start", lineAnchor: "top", lineHeight: LINE_HEIGHT, fontWeight: 600, fontSize: TITLE_SIZE, fill: "currentColor"}),
        Plot.barX(panelRows, {
          x: "percent",
          y: "group",
          fill: MEASURE_COLOURS[i],
          insetTop: narrow ? 20 : 4,
          insetBottom: 4,
          title: (d: ServiceGroupRow) => `${d.measure}\n${describe(d)}`
        }),
        Plot.ruleY(panelRows.filter((r) => r.ci95_lower !== null), {x1: "ci95_lower", x2: "ci95_upper", y: "group", dy: narrow ? 8 : 0, stroke: "currentColor", strokeWidth: 1.5}),
        Plot.text(panelRows, {x: (d: ServiceGroupRow) => Math.max(d.percent, d.ci95_upper ?? 0), y: "group", dy: narrow ? 8 : 0, text: "display", textAnchor: "start", dx: 6, fill: "currentColor"}),
        // On a phone the group's name sits above its bar, clear of the axis line and the grid.
        ...(narrow ? [Plot.text(panelRows, {x: 0, y: "group", text: "group", textAnchor: "start", dy: -9, fill: "currentColor", ...HALO})] : []),
        // The zero line runs along the bars only, never through a label above them.
        Plot.tickX(panelRows, {x: 0, y: "group", insetTop: narrow ? 20 : 4, insetBottom: 4, stroke: "currentColor"})
      ]
    });
    chart.append(panel);
  });
  return ChartFrame(chart, {
    id: "service-groups",
    title: "Who was investigated depended on which service the person was in",
    subtitle: "Share of deaths investigated, by service group and by the measure the review reported; panels are not comparable with one another",
    alt: `Bar chart in three panels. ${measures.map((m) => `${m}: ${rows.filter((r) => r.measure === m).map(describe).join("; ")}`).join(". ")}.`,
    sources: used.flatMap((f) => f.leadSources),
    notes: [
      "Each panel is a different measure, on a scale of its own: the bars in one panel must not be compared with another's.",
      "Lines show 95% Wilson intervals where counts are published; the other shares were reported without their counts.",
      `Learning disability, share of all deaths: reported as “${figureById(figures, "ld_all_investigated_pct").display}”; the bar is drawn at that bound.`
    ],
    data: rows,
    statuses: used.map((f) => f.status)
  });
}
