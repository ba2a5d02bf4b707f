/**
 * Age at death: the Mazars figures for people with a learning disability
 * beside the national reviews and the general population. Means and medians
 * are different statistics and are drawn with different symbols; the draft
 * figure and the secondary citation are labelled as such.
 */
import * as Plot from "npm:@observablehq/plot";
import type {Figure} from "../../lib/story/figures.js";
import {ChartFrame} from "../frame/frame.js";
import {CONTEXT, FOCUS, OKABE_ITO} from "./palette.js";
import {STATUS_LABELS, type Status} from "../../lib/story/status.js";
import {AGE_FIGURES} from "../../lib/delivery/chart-figures.js";
import {BOTTOM_AXIS} from "./chart-labels.js";
import {figureById, knownValue} from "../../lib/story/checked-lookups.js";

export interface AgeRow {
  study: string;
  population: string;
  statistic: string;
  age: number;
  status: Status;
  figure_id: string;
}

function statisticOf(figure: Figure): string {
  return /\bmean\b|average/i.test(figure.label) ? "mean" : "median";
}

export function ageRows(figures: Record<string, Figure>): AgeRow[] {
  return AGE_FIGURES.map(({id, study, population}) => {
    const f = figureById(figures, id);
    // The study's period comes from the data, so the label cannot drift from the figure.
    return {study: `${study} (${f.period})`, population, statistic: statisticOf(f), age: knownValue(f), status: f.status, figure_id: id};
  });
}

function describe(r: AgeRow): string {
  return `${r.study}, ${r.population.toLowerCase()}: ${r.statistic} ${r.age}${r.status === "final" ? "" : ` (${STATUS_LABELS[r.status].toLowerCase()})`}`;
}

export function AgesChart(figures: Record<string, Figure>, {width}: {width: number}): HTMLElement {
  const rows = ageRows(figures);
  const used = rows.map((r) => figureById(figures, r.figure_id));
  const colour = (d: AgeRow) => (d.population.startsWith("General") ? OKABE_ITO.blue : d.study.startsWith("Mazars") ? FOCUS : CONTEXT);
  // One line per figure, its name written above it, so that no two values share a line and every one is labelled.
  const line = (d: AgeRow) => `${d.study}: ${d.population.toLowerCase()}, ${d.statistic}`;
  const valueLabel = (d: AgeRow) => `${d.age}${d.status === "draft" ? " (draft)" : d.status === "secondary" ? " (secondary)" : ""}`;
  // Values near the right edge take their label on the left, so it is never cut off.
  const right = (d: AgeRow) => d.age < 75;
  const chart = Plot.plot({
    width,
    height: rows.length * (width < 640 ? 60 : 46) + 60,
    marginLeft: 10,
    marginRight: 10,
    marginBottom: BOTTOM_AXIS.marginBottom,
    x: {domain: [40, 90], label: "Age at death (years) →", labelOffset: BOTTOM_AXIS.labelOffset, grid: true},
    y: {domain: rows.map(line), axis: null},
    symbol: {domain: ["median", "mean"], range: ["circle", "diamond2"], legend: true},
    marks: [
      Plot.dot(rows, {
        x: "age",
        y: line,
        symbol: "statistic",
        fill: colour,
        stroke: (d: AgeRow) => (d.status === "final" ? colour(d) : "currentColor"),
        strokeWidth: 1.5,
        r: 6,
        dy: 8,
        title: describe
      }),
      Plot.text(rows.filter(right), {x: "age", y: line, text: valueLabel, textAnchor: "start", dx: 10, dy: 8, fill: "currentColor", fontSize: 12}),
      Plot.text(rows.filter((d) => !right(d)), {x: "age", y: line, text: valueLabel, textAnchor: "end", dx: -10, dy: 8, fill: "currentColor", fontSize: 12}),
      // Plot measures lineWidth in ems; about 1.9 characters fit in an em at this size.
      Plot.text(rows, {x: 40, y: line, text: line, textAnchor: "start", lineAnchor: "bottom", dy: -2, fill: "currentColor", fontSize: 12, lineWidth: Math.floor((width - 20) / 12)})
    ]
  });
  const mazars = rows.filter((r) => r.study.startsWith("Mazars"));
  const general = rows.filter((r) => r.population.startsWith("General"));
  return ChartFrame(chart, {
    id: "ages",
    title: "People with a learning disability died decades younger",
    subtitle: "Age at death of people with a learning disability in the Mazars review and in national reviews, and of the general population",
    alt: `Dot chart of ages at death. ${mazars.map(describe).join("; ")}. National reviews of people with a learning disability: ${rows
      .filter((r) => !r.study.startsWith("Mazars") && !r.population.startsWith("General"))
      .map(describe)
      .join("; ")}. General population: ${general.map(describe).join("; ")}.`,
    sources: used.flatMap((f) => f.leadSources),
    notes: [
      "Circles are medians, diamonds means: the two are different statistics and should not be read as one series.",
      "The Mazars mean comes from the leaked draft; the median is the final report as cited by a secondary source. The two may both be right.",
      "Men and women are shown separately where the review published them separately."
    ],
    data: rows,
    statuses: used.map((f) => f.status)
  });
}
