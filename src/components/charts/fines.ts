/**
 * What the two prosecutions cost the trust: one bar per amount (each fine, the
 * costs), grouped by prosecution under a heading with its sentencing date, on
 * one linear scale from zero. A stated total is checked against its parts and
 * written as the group's sum, not drawn as a bar of its own.
 */
import * as Plot from "npm:@observablehq/plot";
import {formatCount, formatDate, formatGBP} from "../../lib/story/format.js";
import {ChartFrame} from "../frame/frame.js";
import {prosecutions, type FineRow, type Prosecution} from "./prosecutions.js";
import {CONTEXT, FOCUS} from "./palette.js";
import {flatRow, listOf, sourcesOf, type FindingRow} from "./record.js";

function amountLabel(row: FineRow): string {
  return formatGBP(row.value);
}

export function FinesChart(findings: FindingRow[], {width}: {width: number}): HTMLElement {
  const groups = prosecutions(findings);
  const parts = groups.flatMap((g) => g.parts);
  const narrow = width < 560;
  // One band per heading and per amount, so each prosecution reads as a block.
  const bands = groups.flatMap((g) => [`heading:${g.prosecution}`, ...g.parts.map((p) => p.finding_id)]);
  const headings = groups.map((g) => ({...g, band: `heading:${g.prosecution}`}));
  const max = Math.max(...parts.map((p) => p.value));
  const rowHeight = narrow ? 48 : 38;
  const plot = Plot.plot({
    width,
    height: bands.length * rowHeight + 10,
    marginLeft: narrow ? 4 : 220,
    marginRight: narrow ? 4 : 30,
    marginTop: 4,
    marginBottom: 6,
    x: {domain: [0, max], axis: null},
    y: {domain: bands, axis: null},
    marks: [
      Plot.text(headings, {
        y: "band",
        text: (g: Prosecution) => `${g.prosecution}, sentenced ${g.sentenced}: ${formatGBP(g.total)} in all`,
        frameAnchor: "left",
        dx: narrow ? 0 : -216,
        textAnchor: "start",
        dy: 6,
        fill: "currentColor",
        fontWeight: 700,
        fontSize: 12,
        // Line widths are in ems; Plot underestimates bold text, hence the slack.
        lineWidth: (width - 10) / 15
      }),
      Plot.barX(parts, {
        y: "finding_id",
        x: "value",
        fill: (p: FineRow) => (p.kind === "fine" ? FOCUS : CONTEXT),
        insetTop: narrow ? 20 : 6,
        insetBottom: 6,
        title: (p: FineRow) => `${p.item}: ${amountLabel(p)}\n${p.prosecution}, ${formatDate(p.dated, p.dated_precision)}\nSource: ${p.source.credit}`
      }),
      // The item names the bar: beside it on a desktop, above it on a phone.
      Plot.text(parts, {
        y: "finding_id",
        text: "item",
        frameAnchor: "left",
        textAnchor: narrow ? "start" : "end",
        dx: narrow ? 0 : -8,
        dy: narrow ? -10 : 0,
        fill: "currentColor",
        lineWidth: narrow ? (width - 10) / 12 : 16,
        fontSize: 12
      }),
      Plot.text(parts, {
        y: "finding_id",
        x: "value",
        text: amountLabel,
        textAnchor: "start",
        dx: 4,
        dy: narrow ? 7 : 0,
        fill: "currentColor",
        fontWeight: 600,
        // Amounts long enough to hold their label write it inside the bar.
        filter: (p: FineRow) => p.value / max < 0.6
      }),
      Plot.text(parts, {
        y: "finding_id",
        x: 0,
        text: amountLabel,
        textAnchor: "start",
        dx: 6,
        dy: narrow ? 7 : 0,
        // Black reads better than white on the orange-red (5.4:1 against 3.9:1).
        fill: "black",
        fontWeight: 600,
        filter: (p: FineRow) => p.value / max >= 0.6
      })
    ]
  });
  const fines = groups.reduce((s, g) => s + g.fines, 0);
  const costs = groups.reduce((s, g) => s + g.costs, 0);
  const checked = groups.flatMap(({prosecution, stated_total}) => (stated_total === null ? [] : [{prosecution, total: stated_total}]));
  return ChartFrame(plot, {
    id: "fines",
    title: `Fined ${formatGBP(fines)} in ${formatCount(groups.length)} prosecutions, plus ${formatGBP(costs)} in costs`,
    subtitle: "Amounts the courts ordered Southern Health NHS Foundation Trust to pay, by prosecution",
    alt: `Bar chart of the amounts ordered in ${formatCount(groups.length)} prosecutions: ${groups
      .map((g) => `${g.prosecution}, sentenced ${g.sentenced}: ${formatGBP(g.total)} in all, ${listOf(g.parts.map((p) => `${p.item} ${amountLabel(p)}`))}`)
      .join("; ")}.`,
    sources: sourcesOf([...parts, ...checked.map((g) => g.total)]),
    notes: [
      "Fines in orange-red, costs in grey; all bars on one scale from zero.",
      ...checked.map((g) => `${g.prosecution}: the parts add up to the stated total of ${formatGBP(g.total.value)} (${g.total.finding.toLowerCase()}).`)
    ],
    // Each amount with the total of its prosecution, as the chart labels both.
    data: groups.flatMap((g) => g.parts.map((p) => ({...flatRow(p), prosecution_total: g.total}))),
    statuses: parts.map((p) => p.status)
  });
}
