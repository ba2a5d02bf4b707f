/**
 * The ligature-risk thread: every finding in the record about ligature risks,
 * one row each in date order, placed on a time axis at the date the risk was
 * seen (the inspection, or the court hearing where there was none) and named
 * by its ward or location. A line joins the findings so the thread reads as
 * one. A month-dated inspection is a square, not a point on one of its days.
 */
import * as Plot from "npm:@observablehq/plot";
import {annotatedTimeAxis, annotationRows, annotationsWithin, keyEvents, type Annotation} from "./annotations.js";
import {capitalise, formatCount} from "../../../lib/story/format.js";
import {REPEAT_FINDING, THREAD_EVENTS} from "../../../lib/delivery/chart-records.js";
import {ChartFrame} from "../../frame/frame.js";
import {dateSpanMarks} from "./date-span.js";
import {HALO, LINE_HEIGHT, wrapLabel} from "../chart-labels.js";
import {threadRows, type ThreadRow} from "./ligature-findings.js";
import {FOCUS} from "../palette.js";
import {STATUS_LABELS} from "../../../lib/story/status.js";

const LABEL_SIZE = 12;
import {firstAndLast, flatRow, sourcesOf, type EventRow, type FindingRow} from "../record.js";

function middle(row: ThreadRow): Date {
  return new Date((row.start.getTime() + row.end.getTime()) / 2);
}

function tooltip(row: ThreadRow): string {
  const status = row.status === "final" ? "" : `\n${STATUS_LABELS[row.status]}`;
  return `${row.location}\n${row.finding}\n${row.event}: ${row.seen_as} ${row.seen}, ${row.reported}${status}\nSource: ${row.source.credit}`;
}

export function LigatureThreadChart({findings, events}: {findings: FindingRow[]; events: EventRow[]}, {width}: {width: number}): HTMLElement {
  const rows = threadRows(findings);
  const narrow = width < 560;
  const [first, last] = firstAndLast(rows, "the ligature thread");
  const firstYear = first.start.getUTCFullYear();
  const lastYear = last.end.getUTCFullYear();
  const domain: [Date, Date] = [new Date(Date.UTC(firstYear, 0, 1)), new Date(Date.UTC(lastYear + 1, 0, 1))];
  const annotations: Annotation[] = annotationsWithin(keyEvents(events, THREAD_EVENTS), domain);
  const label = (r: ThreadRow) => capitalise(narrow ? r.location ?? "" : `${r.location}: ${r.finding}`);
  // Every label whole, wrapped onto as many lines as it needs; each row makes room for the longest.
  const lines = new Map(rows.map((r) => [r.finding_id, wrapLabel(label(r), width - 32, LABEL_SIZE).join("\n")]));
  const mostLines = Math.max(...[...lines.values()].map((text) => text.split("\n").length));
  const labelRoom = mostLines * LABEL_SIZE * LINE_HEIGHT + 4;
  const rowHeight = labelRoom + 26;
  // The mark sits below the label, in the middle of what is left of the row.
  const markOffset = labelRoom / 2;
  const axis = annotatedTimeAxis({width, domain, annotations, rows: rows.length, rowHeight, headroom: 4});
  const spans = rows.filter((r) => r.is_span);
  const days = rows.filter((r) => !r.is_span);
  const hollow = (r: ThreadRow) => r.status !== "final";
  const plot = Plot.plot({
    ...axis.layout,
    y: {domain: rows.map((r) => r.finding_id), axis: null, padding: 0},
    marks: [
      ...axis.marks,
      Plot.line(rows, {x: middle, y: "finding_id", dy: markOffset, stroke: "currentColor", strokeOpacity: 0.4, strokeWidth: 1.5, curve: "step-after"}),
      // A month-dated inspection is a square (or a bracket over its month, on a short axis): it took days, not all of it.
      ...dateSpanMarks(spans, {y: "finding_id", dy: markOffset, rowHeight, stroke: FOCUS, solid: (r: ThreadRow) => !hollow(r), title: tooltip, pixelsPerMs: axis.pixelsPerMs, domain}),
      Plot.dot(days, {
        x: "start",
        y: "finding_id",
        dy: markOffset,
        r: 5,
        fill: (r: ThreadRow) => (hollow(r) ? "none" : FOCUS),
        stroke: FOCUS,
        strokeWidth: 1.5,
        title: tooltip
      }),
      // Drawn last: the thread's line, the grid and the key events' rules pass behind the label.
      Plot.text(rows, {
        y: "finding_id",
        text: (r: ThreadRow) => lines.get(r.finding_id),
        frameAnchor: "left",
        textAnchor: "start",
        lineAnchor: "top",
        lineHeight: LINE_HEIGHT,
        dy: -rowHeight / 2 + 3,
        fill: "currentColor",
        fontSize: LABEL_SIZE,
        ...HALO
      })
    ]
  });
  const repeat = rows.find((r) => r.finding_id === REPEAT_FINDING);
  const title = repeat
    ? `Ligature risks CQC raised from ${first.seen} were still not addressed at its inspection of ${repeat.seen}`
    : `Ligature risks in ${formatCount(rows.length)} findings, ${firstYear} to ${lastYear}`;
  return ChartFrame(plot, {
    id: "ligature-thread",
    title,
    subtitle: "Findings about ligature risks (fixtures a person could use to hang themselves), by when the risk was seen and where",
    alt: `Timeline of ${formatCount(rows.length)} findings about ligature risks, ${firstYear} to ${lastYear}: ${rows.map((r) => `${r.seen}, ${r.location}: ${r.finding}`).join("; ")}.`,
    sources: [...sourcesOf(rows), ...annotations.map((a) => a.source)],
    notes: [
      "Each finding is placed when the risk was seen: the inspection date, or the sentencing date for a court case. A month-dated inspection is a square (a day is a dot). Hollow marks come from secondary sources.",
      ...(repeat?.quote ? [`CQC's report on the ${repeat.seen} inspection, as quoted by ${repeat.source.credit}: “${repeat.quote}”`] : [])
    ],
    data: [...rows.map(flatRow), ...annotationRows(annotations)],
    statuses: rows.map((r) => r.status)
  });
}
