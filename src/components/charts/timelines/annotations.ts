/**
 * Key events drawn over a time axis: a rule at each event's date (a band when
 * the source gives only a month or a year), labelled in the top margin, one
 * label a line so that events days apart never overprint. The dates come from
 * data/events.csv by event id; only the short labels are written here.
 */
import * as Plot from "npm:@observablehq/plot";
import type {SourceRef} from "../../../lib/story/figures.js";
import type {EventRow} from "../record.js";
import {eventById} from "../record.js";
import {timelineRow} from "./timeline-data.js";
import {KEY_EVENTS} from "../../../lib/delivery/chart-records.js";
import {HALO} from "../chart-labels.js";

export type Annotation = {
  event_id: string;
  label: string;
  start: Date;
  end: Date;
  is_span: boolean;
  when: string;
  event: string;
  source: SourceRef;
};

const LINE = 14;

export function keyEvents(events: EventRow[], keys: readonly {id: string; label: string}[] = KEY_EVENTS): Annotation[] {
  return keys.map(({id, label}) => {
    const row = timelineRow(eventById(events, id));
    return {event_id: id, label, start: row.start, end: row.end, is_span: row.is_span, when: row.when, event: row.event, source: row.source};
  });
}

/** The annotations that fall inside a time domain. */
export function annotationsWithin(annotations: Annotation[], [from, to]: [Date, Date]): Annotation[] {
  return annotations.filter((a) => a.end >= from && a.start <= to);
}

/** Room above the plot for one label line per annotation. */
function annotationMargin(annotations: Annotation[]): number {
  return annotations.length ? annotations.length * LINE + 8 : 0;
}

/** The chart's width and side margins, to keep every label inside the chart. */
type Frame = {width: number; marginLeft: number; marginRight: number};

/** Rough width of a bold 12px label: enough to decide which side of its rule it fits on. */
const labelWidth = (label: string) => label.length * 7.5;

function annotationMarks(annotations: Annotation[], [from, to]: [Date, Date], marginTop: number, frame: Frame): Plot.Markish[] {
  const span = to.getTime() - from.getTime();
  const plotWidth = frame.width - frame.marginLeft - frame.marginRight;
  // Every rule before any label: a rule reaching up to its own label line would otherwise strike
  // through the labels drawn before it.
  const marks = annotations.map((a, i) => {
    const labelTop = marginTop - (i * LINE + 4);
    const title = () => `${a.label}: ${a.when}\n${a.event}`;
    // A label reads rightwards from its rule unless that would run off the chart, then leftwards;
    // on a chart too narrow for either it ends at the chart's right edge, on its rule's line.
    const x = frame.marginLeft + ((a.start.getTime() - from.getTime()) / span) * plotWidth;
    const rightwards = x + labelWidth(a.label) + 4 <= frame.width;
    const leftwards = !rightwards && x - labelWidth(a.label) - 4 >= 0;
    const text = {text: "label", dy: -labelTop + 5, fill: "currentColor", fontSize: 12, fontWeight: 600, ...HALO};
    return [
      a.is_span
        ? Plot.rectX([a], {x1: "start", x2: "end", fill: "currentColor", fillOpacity: 0.12, insetTop: -labelTop, title})
        : Plot.ruleX([a], {x: "start", stroke: "currentColor", strokeOpacity: 0.55, strokeDasharray: "3,3", insetTop: -labelTop, title}),
      rightwards || leftwards
        ? Plot.text([a], {...text, x: "start", frameAnchor: "top", dx: rightwards ? 4 : -4, textAnchor: rightwards ? "start" : "end"})
        : Plot.text([a], {...text, frameAnchor: "top-right", dx: frame.marginRight - 2, textAnchor: "end"})
    ];
  });
  return [...marks.map(([rule]) => rule), ...marks.map(([, label]) => label)];
}

export interface TimeAxisOptions {
  width: number;
  domain: [Date, Date];
  /** Key events inside the domain, labelled above the plot. */
  annotations: Annotation[];
  /** How many rows the chart has, and how tall each is. */
  rows: number;
  rowHeight: number;
  marginLeft?: number;
  /** Space between the lowest annotation label and the plot. */
  headroom: number;
}

/**
 * The layout shared by every chart drawn on a time axis under key events:
 * its size, margins and UTC x scale, and the annotation marks that go with
 * them (their labels live in the top margin, so the two are made together).
 */
export function annotatedTimeAxis({width, domain, annotations, rows, rowHeight, marginLeft = 16, headroom}: TimeAxisOptions) {
  const marginTop = annotationMargin(annotations) + headroom;
  const frame = {width, marginLeft, marginRight: 16};
  return {
    layout: {
      width,
      height: rows * rowHeight + marginTop + 30,
      marginLeft,
      marginRight: frame.marginRight,
      marginTop,
      marginBottom: 28,
      x: {type: "utc" as const, domain, label: null, grid: true}
    },
    marks: annotationMarks(annotations, domain, marginTop, frame),
    /** Pixels per millisecond along the x axis. */
    pixelsPerMs: (width - marginLeft - frame.marginRight) / (domain[1].getTime() - domain[0].getTime())
  };
}

export function annotationRows(annotations: Annotation[]): Record<string, unknown>[] {
  return annotations.map((a) => ({
    mark: "annotation",
    event_id: a.event_id,
    label: a.label,
    when: a.when,
    event: a.event,
    source_publisher: a.source.publisher,
    source_title: a.source.title,
    source_url: a.source.url
  }));
}
