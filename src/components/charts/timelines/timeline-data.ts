/**
 * The rows the timeline draws, kept free of any browser import so that they
 * can be tested on their own. Each event keeps the precision of its source:
 * a day is a point, a month or a year is the span of days it covers.
 */
import {formatDate} from "../../../lib/story/format.js";
import {timeSpan} from "../../../lib/story/time-span.js";
import {OKABE_ITO} from "../palette.js";
import type {EventRow} from "../record.js";

/** Readers' categories, in the order the chart lists them, with the data's categories each gathers. */
export const READER_CATEGORIES = [
  {label: "Deaths", categories: ["death"], colour: OKABE_ITO.vermillion},
  {label: "Reports and inquests", categories: ["report", "inquest"], colour: OKABE_ITO.purple},
  {label: "Regulators", categories: ["inspection", "rating", "enforcement", "regulator", "national review"], colour: OKABE_ITO.blue},
  {label: "Leadership", categories: ["leadership"], colour: OKABE_ITO.orange},
  {label: "Legal and prosecutions", categories: ["legal", "prosecution"], colour: OKABE_ITO.green},
  {label: "Parliament", categories: ["parliament"], colour: OKABE_ITO.skyBlue},
  {label: "Organisation", categories: ["organisation"], colour: OKABE_ITO.grey}
] as const;

export type ReaderCategory = (typeof READER_CATEGORIES)[number]["label"];

const BY_DATA_CATEGORY = new Map<string, ReaderCategory>(READER_CATEGORIES.flatMap(({label, categories}) => categories.map((c) => [c, label] as const)));

export function readerCategory(category: string): ReaderCategory {
  const label = BY_DATA_CATEGORY.get(category);
  // A category added to the data must be given a place here before it can be drawn.
  if (!label) throw new Error(`event category '${category}' has no reader's category in timeline-data.ts`);
  return label;
}

export function categoryColour(label: ReaderCategory): string {
  return READER_CATEGORIES.find((c) => c.label === label)!.colour;
}

export type TimelineRow = EventRow & {
  /** The first instant the date covers. */
  start: Date;
  /** For a month or a year, the first instant after it: a bar from start to end covers it all. For a day, the day itself. */
  end: Date;
  /** The date as precisely as the source gives it: "2016", "April 2016", "28 April 2016". */
  when: string;
  reader_category: ReaderCategory;
  /** True when the date is a month or a year, drawn as a span rather than a point. */
  is_span: boolean;
};

export function timelineRow(event: EventRow): TimelineRow {
  const {start, end, isSpan} = timeSpan(event.date, event.date_precision);
  return {
    ...event,
    start,
    end,
    when: formatDate(event.date, event.date_precision),
    reader_category: readerCategory(event.category),
    is_span: isSpan
  };
}

/** Every event in date order (a span sorts by its first day; ties keep the data's order). */
export function timelineRows(events: EventRow[]): TimelineRow[] {
  return events.map(timelineRow).sort((a, b) => a.start.getTime() - b.start.getTime());
}

export {rowsBetween} from "../../../lib/story/time-span.js";

/** Whole years around the rows: the axis starts and ends on a new year. */
export function yearDomain(rows: TimelineRow[]): [Date, Date] {
  const first = Math.min(...rows.map((r) => r.start.getUTCFullYear()));
  const last = Math.max(...rows.map((r) => new Date(r.end.getTime() - 1).getUTCFullYear()));
  return [new Date(Date.UTC(first, 0, 1)), new Date(Date.UTC(last + 1, 0, 1))];
}
