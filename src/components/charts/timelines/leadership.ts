/**
 * Who chaired and who led the trust, and when: a bar per term of office from
 * the event that starts it to the event that ends it. Where the sources give
 * no start or no end, the bar runs as far as the events that name the person
 * in post, then fades out on that side, dashed, and says so; its length there
 * means nothing.
 */
import * as Plot from "npm:@observablehq/plot";
import type {SourceRef} from "../../../lib/story/figures.js";
import {annotatedTimeAxis, annotationRows, annotationsWithin, keyEvents, type Annotation} from "./annotations.js";
import {formatCount} from "../../../lib/story/format.js";
import {ChartFrame} from "../../frame/frame.js";
import {OKABE_ITO} from "../palette.js";
import {HALO} from "../chart-labels.js";
import {listOf, type EventRow, type TermRow} from "../record.js";
import {timelineRow, type TimelineRow} from "./timeline-data.js";

/** How far an open end is drawn: a fixed length that only shows the direction of the gap. */
const OPEN_DAYS = 180;
const DAY = 24 * 60 * 60 * 1000;

const ROLE_COLOURS: Record<string, string> = {chair: OKABE_ITO.blue, "chief executive": OKABE_ITO.orange};

export type TermSpan = {
  term_id: string;
  person: string;
  role: string;
  /** "chair" or "chief executive": interim posts are grouped with the post they fill. */
  post: string;
  start: TimelineRow | null;
  end: TimelineRow | null;
  /** Events naming the person, in date order: where a start or end is missing, they show the person in post. */
  named: TimelineRow[];
  gap: string | null;
  sources: SourceRef[];
};

/** solid: in office; approx: a month or year the date falls somewhere in; missing: a start or end not in the sources. */
export type Segment = {term_id: string; post: string; x1: Date; x2: Date; kind: "solid" | "approx" | "missing"; title: string};

export function termSpans(terms: TermRow[], events: EventRow[]): TermSpan[] {
  return terms.map((term) => {
    const start = term.start ? timelineRow(term.start) : null;
    const end = term.end ? timelineRow(term.end) : null;
    const bounds = new Set([term.start?.event_id, term.end?.event_id]);
    const named =
      start && end
        ? []
        : events
            .filter((e) => e.people?.includes(term.person) && !bounds.has(e.event_id))
            .map(timelineRow)
            .sort((a, b) => a.start.getTime() - b.start.getTime());
    const gap = !start && !end ? "start and end not known" : !start ? "start not known" : !end ? "end not known" : null;
    return {
      term_id: term.term_id,
      person: term.person,
      role: term.role,
      post: term.role.replace(/^interim /, ""),
      start,
      end,
      named,
      gap,
      sources: [start, end, ...named].filter((e): e is TimelineRow => e !== null).map((e) => e.source)
    };
  });
}

function describeTerm(t: TermSpan): string {
  const from = t.start ? `from ${t.start.when} (${t.start.event})` : "start not known";
  const to = t.end ? `to ${t.end.when} (${t.end.event})` : "end not known";
  const named = t.named.length ? `; named in post: ${t.named.map((e) => `${e.when} (${e.event})`).join("; ")}` : "";
  return `${t.person}, ${t.role}: ${from}, ${to}${named}`;
}

export function termSegments(t: TermSpan): Segment[] {
  const open = OPEN_DAYS * DAY;
  const base = {term_id: t.term_id, post: t.post, title: describeTerm(t)};
  const segment = (x1: Date, x2: Date, kind: Segment["kind"]): Segment => ({...base, x1, x2, kind});
  const {start, end, named} = t;
  // The person is in post from the first dated thing known of the term to the last.
  const first = start ?? named[0] ?? end;
  const last = end ?? named.at(-1) ?? start;
  // A term no source dates is not drawn.
  if (!first || !last) return [];
  const segments: Segment[] = [];
  if (!start) segments.push(segment(new Date(first.start.getTime() - open), first.start, "missing"));
  // A month- or year-dated event covers its whole span: the person was in post somewhere in it.
  const spans = [start, ...named, end].filter((e): e is TimelineRow => e?.is_span === true);
  // Two events dated to the same month or year are one stretch, not two drawn over each other.
  const stretches = new Map(spans.map((e) => [`${e.start.getTime()}-${e.end.getTime()}`, e]));
  for (const e of stretches.values()) segments.push(segment(e.start, e.end, "approx"));
  const from = first.is_span ? first.end : first.start;
  if (last.start > from) segments.push(segment(from, last.start, "solid"));
  const right = last.is_span ? last.end : last.start;
  if (!end) segments.push(segment(right, new Date(right.getTime() + open), "missing"));
  return segments;
}

function order(spans: TermSpan[]): TermSpan[] {
  const anchor = (t: TermSpan) => Math.min(...termSegments(t).map((s) => s.x1.getTime()));
  return [...spans].sort((a, b) => (a.post === b.post ? anchor(a) - anchor(b) : a.post === "chair" ? -1 : 1));
}

export function LeadershipChart({terms, events}: {terms: TermRow[]; events: EventRow[]}, {width}: {width: number}): HTMLElement {
  const spans = order(termSpans(terms, events)).filter((t) => termSegments(t).length > 0);
  const segments = spans.flatMap(termSegments);
  // Named events and firm edges known to the day are drawn as marks of their own; spans are segments.
  const named = spans.flatMap((t) => t.named.filter((e) => !e.is_span).map((e) => ({...e, term_id: t.term_id, post: t.post, title: describeTerm(t)})));
  const days = spans.flatMap((t) =>
    [t.start, t.end].filter((e): e is TimelineRow => e !== null && !e.is_span).map((e) => ({term_id: t.term_id, post: t.post, at: e.start, title: describeTerm(t)}))
  );
  const narrow = width < 560;
  const times = segments.flatMap((s) => [s.x1.getTime(), s.x2.getTime()]);
  const domain: [Date, Date] = [new Date(Math.min(...times) - 30 * DAY), new Date(Math.max(...times) + 30 * DAY)];
  const annotations: Annotation[] = annotationsWithin(keyEvents(events), domain);
  // On a phone the gap note takes a second line above the bar.
  const rowHeight = narrow ? 58 : 44;
  const axis = annotatedTimeAxis({width, domain, annotations, rows: spans.length, rowHeight, headroom: 6});
  const colour = (post: string) => ROLE_COLOURS[post] ?? OKABE_ITO.grey;
  const barInset = {insetTop: narrow ? 36 : 22, insetBottom: 8};
  const plot = Plot.plot({
    ...axis.layout,
    y: {domain: spans.map((t) => t.term_id), axis: null, padding: 0},
    marks: [
      ...axis.marks,
      Plot.text(spans, {
        y: "term_id",
        text: (t: TermSpan) => `${t.person}, ${t.role}${t.gap ? `${narrow ? "\n" : " · "}${t.gap}` : ""}`,
        frameAnchor: "left",
        textAnchor: "start",
        lineAnchor: "top",
        dy: -rowHeight / 2 + 3,
        fill: "currentColor",
        fontSize: 12,
        lineWidth: (width - 40) / 12,
        textOverflow: "ellipsis",
        // The key events' rules pass behind a person's name, not through it.
        ...HALO
      }),
      Plot.barX(
        segments.filter((s) => s.kind === "solid"),
        {x1: "x1", x2: "x2", y: "term_id", fill: (s: Segment) => colour(s.post), ...barInset, title: "title"}
      ),
      Plot.barX(
        segments.filter((s) => s.kind === "approx"),
        {x1: "x1", x2: "x2", y: "term_id", fill: (s: Segment) => colour(s.post), fillOpacity: 0.5, ...barInset, title: "title"}
      ),
      Plot.barX(
        segments.filter((s) => s.kind === "missing"),
        {x1: "x1", x2: "x2", y: "term_id", fill: (s: Segment) => colour(s.post), fillOpacity: 0.15, stroke: (s: Segment) => colour(s.post), strokeDasharray: "3,3", ...barInset, title: "title"}
      ),
      // A start or end known to the day is a firm edge, and shows where a term with one known date falls.
      Plot.tickX(days, {x: "at", y: "term_id", stroke: (e: {post: string}) => colour(e.post), strokeWidth: 3, ...barInset, title: "title"}),
      Plot.dot(named, {x: "start", y: "term_id", dy: (barInset.insetTop - barInset.insetBottom) / 2, r: 5, fill: (e: {post: string}) => colour(e.post), stroke: "var(--theme-background)", title: "title"})
    ]
  });
  const chairs = spans.filter((t) => t.post === "chair").length;
  const chiefs = spans.filter((t) => t.post === "chief executive").length;
  const gaps = spans.filter((t) => t.gap !== null);
  return ChartFrame(plot, {
    id: "leadership",
    title: `${formatCount(chairs)} chairs and ${formatCount(chiefs)} chief executives`,
    subtitle: "Terms of office at Southern Health NHS Foundation Trust, from the events that start and end them",
    alt: `Bars for ${formatCount(spans.length)} terms of office. ${spans.map((t) => describeTerm(t)).join(". ")}.`,
    sources: spans.flatMap((t) => t.sources).concat(annotations.map((a) => a.source)),
    notes: [
      `Chairs in blue, chief executives in orange; interim posts are grouped with the post they filled.`,
      "A firm edge is a date known to the day; a lighter stretch is the month or year a date is known only to.",
      ...(gaps.length
        ? [`Faded, dashed ends mark a start or end that is not in the sources (${listOf(gaps.map((t) => t.person))}); their length means nothing. Up to them, the bar runs as far as the events that name the person in post, marked with a dot where known to the day.`]
        : [])
    ],
    data: [
      ...spans.map((t) => ({
        term_id: t.term_id,
        person: t.person,
        role: t.role,
        start: t.start?.when ?? null,
        start_event: t.start?.event ?? null,
        end: t.end?.when ?? null,
        end_event: t.end?.event ?? null,
        named_in_post: t.named.map((e) => `${e.when}: ${e.event}`).join("; ") || null,
        gap: t.gap,
        sources: [...new Set(t.sources.map((s) => s.url))].join(" ")
      })),
      ...annotationRows(annotations)
    ],
    statuses: spans.flatMap((t) => [t.start, t.end, ...t.named].filter((e): e is TimelineRow => e !== null).map((e) => e.status))
  });
}
