/**
 * Every dated event on one time axis, a row per readers' category. A date
 * given to the day is a point; a month or a year is a dotted bracket over
 * the days it may be, or a square where that is too short to see (date-span.ts), never a point on one of them nor a bar that reads
 * as continuous activity. Events known only from a secondary source are
 * hollow. Key events are drawn over it as labelled rules.
 */
import * as Plot from "npm:@observablehq/plot";
import {annotatedTimeAxis, annotationRows, annotationsWithin, type Annotation} from "./annotations.js";
import {formatCount} from "../../../lib/story/format.js";
import {ChartFrame} from "../../frame/frame.js";
import {dateSpanMarks, spansBeyond} from "./date-span.js";
import {HALO} from "../chart-labels.js";
import {STATUS_LABELS} from "../../../lib/story/status.js";
import {flatRow, listOf, sourcesOf} from "../record.js";
import {READER_CATEGORIES, yearDomain, type ReaderCategory, type TimelineRow} from "./timeline-data.js";

export type TimelineOptions = {
  width: number;
  id?: string;
  title?: string;
  subtitle?: string;
  /** A fixed time domain, so that filtering the rows does not move the axis. */
  domain?: [Date, Date];
  annotations?: Annotation[];
  notes?: string[];
};

function tooltip(row: TimelineRow): string {
  const status = row.status === "final" ? "" : `\n${STATUS_LABELS[row.status]}`;
  return `${row.when} · ${row.reader_category}\n${row.event}${status}\nSource: ${row.source.credit}`;
}

function describe(rows: TimelineRow[], categories: ReaderCategory[]): string {
  const [from, to] = yearDomain(rows);
  const counts = categories.map((c) => `${c.toLowerCase()} ${formatCount(rows.filter((r) => r.reader_category === c).length)}`);
  const spans = rows.filter((r) => r.is_span).length;
  return `Timeline of ${formatCount(rows.length)} dated events from ${from.getUTCFullYear()} to ${to.getUTCFullYear() - 1}, by category: ${listOf(counts)}. ${formatCount(spans)} ${spans === 1 ? "is" : "are"} dated only to a month or a year and drawn as a bracket spanning it, or a square where it is too short to see.`;
}

export function TimelineChart(rows: TimelineRow[], options: TimelineOptions): HTMLElement {
  const {width, id = "timeline", notes = []} = options;
  const domain = options.domain ?? yearDomain(rows);
  const annotations = annotationsWithin(options.annotations ?? [], domain);
  const categories = READER_CATEGORIES.map((c) => c.label).filter((label) => rows.some((r) => r.reader_category === label));
  const narrow = width < 560;
  const rowHeight = narrow ? 48 : 36;
  const labelSpace = narrow ? 20 : 0;
  // Marks sit below the category label on a phone, centred in the row on a desktop.
  const markOffset = labelSpace / 2;
  const spans = rows.filter((r) => r.is_span);
  const days = rows.filter((r) => !r.is_span);
  const solid = (r: TimelineRow) => r.status === "final";
  const colour = {domain: READER_CATEGORIES.map((c) => c.label), range: READER_CATEGORIES.map((c) => c.colour)};
  const axis = annotatedTimeAxis({width, domain, annotations, rows: categories.length, rowHeight, marginLeft: narrow ? 16 : 160, headroom: 6});
  const plot = Plot.plot({
    ...axis.layout,
    y: {domain: categories, axis: narrow ? null : "left", label: null, tickSize: 0, padding: 0},
    color: colour,
    marks: [
      ...axis.marks,
      Plot.ruleY(categories, {y: (c: string) => c, dy: markOffset, stroke: "currentColor", strokeOpacity: 0.15}),
      ...(narrow
        ? [Plot.text(categories, {y: (c: string) => c, text: (c: string) => c, frameAnchor: "left", textAnchor: "start", dy: -rowHeight / 2 + 10, fill: "currentColor", fontWeight: 600, ...HALO})]
        : []),
      // A month or a year is a bracket over the days it may be, not a bar of continuous activity.
      ...dateSpanMarks(spans, {y: "reader_category", dy: markOffset, rowHeight, stroke: "reader_category", solid, title: tooltip, pixelsPerMs: axis.pixelsPerMs, domain}),
      Plot.dot(days.filter(solid), {x: "start", y: "reader_category", dy: markOffset, r: 4.5, fill: "reader_category", stroke: "var(--theme-background)", strokeWidth: 0.75, title: tooltip}),
      Plot.dot(days.filter((r) => !solid(r)), {x: "start", y: "reader_category", dy: markOffset, r: 4.5, fill: "none", stroke: "reader_category", strokeWidth: 1.75, title: tooltip})
    ]
  });
  const [from, to] = yearDomain(rows);
  return ChartFrame(plot, {
    id,
    title: options.title ?? `${formatCount(rows.length)} events, ${from.getUTCFullYear()} to ${to.getUTCFullYear() - 1}`,
    subtitle: options.subtitle ?? "Every dated event, by category",
    alt: describe(rows, categories),
    sources: [...sourcesOf(rows), ...annotations.map((a) => a.source)],
    notes: [
      `A date known to the day is a dot. One known only to the month or the year is a dotted bracket spanning that month or year (the event happened once, somewhere inside it), or a square where the span is too short to see.${spansBeyond(spans, domain) ? " A bracket that runs on past the chart's edge ends in an arrowhead there." : ""} Hollow marks and fainter brackets come from secondary sources.`,
      ...notes
    ],
    data: [...rows.map((r) => flatRow(r)), ...annotationRows(annotations)],
    statuses: rows.map((r) => r.status)
  });
}
