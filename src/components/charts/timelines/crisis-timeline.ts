/**
 * The months of the 2016 crisis as a labelled timeline: one line per event, in
 * date order, with its date and a short label a reader can take in at a
 * glance. Dates, statuses and sources come from data/events.csv by event id;
 * only the short labels are written here, and an event in the window without
 * one is labelled with its full text rather than left out.
 */
import * as Plot from "npm:@observablehq/plot";
import {ChartFrame} from "../../frame/frame.js";
import {FOCUS, CONTEXT} from "../palette.js";
import {firstAndLast, flatRow, sourcesOf, type EventRow} from "../record.js";
import {timelineRows, type TimelineRow} from "./timeline-data.js";
import {STATUS_LABELS} from "../../../lib/story/status.js";
import {byText} from "../../../lib/story/format.js";
import {crisisEvents} from "../../../lib/delivery/chart-records.js";
import {LINE_HEIGHT, wrapLabel} from "../chart-labels.js";

/** Short labels; the story's turning points are marked as such. */
export const CRISIS_LABELS: Record<string, {label: string; turningPoint?: boolean}> = {
  "2015_12_09_mazars_draft_leaked": {label: "The BBC reports the leaked Mazars draft", turningPoint: true},
  "2015_12_10_commons_urgent_question": {label: "Urgent question in the Commons"},
  "2015_12_17_mazars_final_published": {label: "Final Mazars report published", turningPoint: true},
  "2016_01_19_cqc_focused_inspection": {label: "CQC's focused inspection begins", turningPoint: true},
  "2016_03_16_warning_notice_issued": {label: "CQC issues a warning notice", turningPoint: true},
  "2016_03_24_improvement_director": {label: "An improvement director is appointed"},
  "2016_04_06_warning_notice_announced": {label: "CQC announces the warning notice"},
  "2016_04_14_licence_condition": {label: "NHS Improvement adds a licence condition"},
  "2016_04_28_chair_resigns": {label: "The chair resigns; the chief executive stays", turningPoint: true},
  "2016_04_29_cqc_focused_report": {label: "CQC publishes its report", turningPoint: true},
  "2016_04_29_smart_chair_notified": {label: "NHS Improvement gives notice of an interim chair"},
  "2016_05_05_smart_interim_chair_required": {label: "NHS Improvement requires an interim chair"},
  "2016_05_03_urgent_question": {label: "Second urgent question in Parliament"},
  "2016_06_trust_accepts_responsibility": {label: "The trust accepts responsibility for Connor Sparrowhawk's death"},
  "2016_06_08_westminster_hall_debate": {label: "Westminster Hall debate"},
  "2016_06_30_smart_review": {label: "Interim chair's review keeps the chief executive"},
  "2016_06_30_enforcement_undertakings": {label: "NHS Improvement's enforcement undertakings"},
  "2016_08_30_percy_steps_down": {label: "The chief executive steps down", turningPoint: true},
  "2016_09_smart_resigns": {label: "The interim chair resigns"},
  "2016_09_cqc_follow_up_inspection": {label: "CQC's follow-up inspection"},
  "2016_10_percy_leaves_trust": {label: "The former chief executive leaves the trust", turningPoint: true}
};

type CrisisRow = TimelineRow & {label: string; turning_point: boolean; order: number};

/** The events of the crisis window, in date order; year-dated events are left to the full timeline. */
export function crisisRows(events: EventRow[]): CrisisRow[] {
  return timelineRows(crisisEvents(events))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || byText(a.event_id, b.event_id))
    .map((row, order) => ({...row, label: CRISIS_LABELS[row.event_id]?.label ?? row.event, turning_point: CRISIS_LABELS[row.event_id]?.turningPoint ?? false, order}));
}

/** Sizes of the chart's text, in pixels. */
const DATE_SIZE = 12;
const LABEL_SIZE = 13;
const LINE = LABEL_SIZE * LINE_HEIGHT;

export function CrisisTimelineChart({events}: {events: EventRow[]}, {width}: {width: number}): HTMLElement {
  const narrow = width < 560;
  // On a phone the date sits above its label; on a desktop it sits to the left of the line.
  const dateWidth = narrow ? 0 : 130;
  const marginLeft = dateWidth + 14;
  const labelWidth = width - marginLeft - 12 - 6;
  // Each event takes the room its wrapped label needs, so a long label never runs into the next.
  let top = 6;
  const placed = crisisRows(events).map((row) => {
    const lines = wrapLabel(row.label, labelWidth, LABEL_SIZE);
    const dateRoom = narrow ? DATE_SIZE * LINE_HEIGHT + 2 : 0;
    // The dot is level with the first line of the label (on a phone, with the date above it).
    const placedRow = {...row, lines: lines.join("\n"), y: top + dateRoom + LINE / 2, top};
    top += dateRoom + Math.max(1, lines.length) * LINE + (narrow ? 14 : 10);
    return placedRow;
  });
  const rows: CrisisRow[] = placed;
  const [first, last] = firstAndLast(placed, "the crisis timeline");
  const chart = Plot.plot({
    width,
    height: top + 4,
    marginLeft,
    marginRight: 4,
    marginTop: 0,
    marginBottom: 0,
    x: {axis: null, domain: [0, 1]},
    y: {axis: null, type: "identity"},
    marks: [
      Plot.ruleX([0], {y1: first.y, y2: last.y, stroke: "currentColor", strokeOpacity: 0.3}),
      Plot.dot(placed, {
        x: 0,
        y: "y",
        r: (r: CrisisRow) => (r.turning_point ? 5.5 : 3.5),
        fill: (r: CrisisRow) => (r.status === "final" ? (r.turning_point ? FOCUS : CONTEXT) : "none"),
        stroke: (r: CrisisRow) => (r.turning_point ? FOCUS : CONTEXT),
        strokeWidth: 1.5,
        title: (r: CrisisRow) => `${r.when}\n${r.event}${r.status === "final" ? "" : `\n${STATUS_LABELS[r.status]}`}\nSource: ${r.source.credit}`
      }),
      narrow
        ? Plot.text(placed, {x: 0, y: "top", text: "when", textAnchor: "start", lineAnchor: "top", dx: 12, fill: "currentColor", fillOpacity: 0.75, fontSize: DATE_SIZE})
        : Plot.text(placed, {x: 0, y: "y", text: "when", textAnchor: "end", dx: -12, fill: "currentColor", fillOpacity: 0.75, fontSize: DATE_SIZE}),
      // Turning points in bold: Plot sets a font weight per mark, so they are a mark of their own.
      ...[true, false].map((turningPoint) =>
        Plot.text(
          placed.filter((r) => r.turning_point === turningPoint),
          {x: 0, y: (r: {y: number}) => r.y - LINE / 2, text: "lines", textAnchor: "start", lineAnchor: "top", lineHeight: LINE_HEIGHT, dx: 12, fill: "currentColor", fontSize: LABEL_SIZE, fontWeight: turningPoint ? 700 : 400}
        )
      )
    ]
  });
  return ChartFrame(chart, {
    id: "crisis-timeline",
    title: `From the leaked report to the chief executive's exit: ${rows.length} events in ${monthsBetween(first, last)} months`,
    subtitle: `Every event dated to the month or the day, ${first.when} to ${last.when}; the turning points in bold`,
    alt: `Timeline of ${rows.length} events from ${first.when} to ${last.when}: ${rows.map((r) => `${r.when}, ${r.label}`).join("; ")}.`,
    sources: sourcesOf(rows),
    notes: [
      "Each event is dated as precisely as its source gives it. Hollow marks come from secondary sources.",
      `It ends with the former chief executive leaving the trust on ${last.when}: later events, and those dated only to the year, are in the full timeline.`
    ],
    data: crisisRows(events).map(({start: _s, end: _e, ...row}) => flatRow(row)),
    statuses: rows.map((r) => r.status)
  });
}

function monthsBetween(first: TimelineRow, last: TimelineRow): number {
  return (last.start.getUTCFullYear() - first.start.getUTCFullYear()) * 12 + last.start.getUTCMonth() - first.start.getUTCMonth() + 1;
}
