/**
 * The stretches of the record a reader can focus the full timeline on, and the
 * events each shows. Kept apart from the chart so that the page's filters and
 * its event list need no charting library.
 */
import {eventById, type EventRow} from "../record.js";
import {rowsBetween, timelineRow, timelineRows, yearDomain, type TimelineRow} from "./timeline-data.js";
import {CRISIS_BOUNDS} from "../../../lib/delivery/chart-records.js";

export const ALL_CATEGORIES = "All categories";

/** A stretch of the record a reader can focus the full timeline on; null bounds run to the record's ends. */
export type Period = {id: string; label: string; domain: [Date, Date] | null};

/** The periods of the record, bounded by the crisis of 2016 (whole months, from its first event to its last). */
export function periodsOf(events: EventRow[]): Period[] {
  const first = timelineRow(eventById(events, CRISIS_BOUNDS.from));
  const last = timelineRow(eventById(events, CRISIS_BOUNDS.to));
  const from = new Date(Date.UTC(first.start.getUTCFullYear(), first.start.getUTCMonth(), 1));
  const to = new Date(Date.UTC(last.start.getUTCFullYear(), last.start.getUTCMonth() + 1, 1));
  const [start, end] = yearDomain(timelineRows(events));
  return [
    {id: "all", label: "The whole record", domain: null},
    {id: "before", label: "Before the crisis", domain: [start, from]},
    {id: "crisis", label: "The crisis", domain: [from, to]},
    {id: "after", label: "After the crisis", domain: [to, end]}
  ];
}

/** The events of one period (or all of them), in the category chosen. */
export function eventsShown(events: EventRow[], {category = ALL_CATEGORIES, period = null}: {category?: string; period?: Period | null}): TimelineRow[] {
  const rows = period?.domain ? rowsBetween(timelineRows(events), ...period.domain) : timelineRows(events);
  return category === ALL_CATEGORIES ? rows : rows.filter((r) => r.reader_category === category);
}
