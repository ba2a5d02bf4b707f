/**
 * The two timelines the story publishes, composed once so that the pages and
 * the embed pages draw the same chart: every event of the record (optionally
 * one category), and the window from the Mazars report to CQC's finding that
 * the warning notice had been met.
 */
import {keyEvents} from "./annotations.js";
import {formatCount, formatDate, type Precision} from "../lib/format.js";
import {eventById, type EventRow} from "./record.js";
import {rowsBetween, timelineRows} from "./timeline-data.js";
import {TimelineChart, yearDomain} from "./timeline.js";

export const ALL_CATEGORIES = "All categories";

export function EventsTimelineChart({events}: {events: EventRow[]}, {width, category = ALL_CATEGORIES}: {width: number; category?: string}): HTMLElement {
  const rows = timelineRows(events);
  // The axis stays on the whole record when a category is chosen, so filtering never moves it.
  const domain = yearDomain(rows);
  const shown = category === ALL_CATEGORIES ? rows : rows.filter((r) => r.reader_category === category);
  return TimelineChart(shown, {
    width,
    domain,
    annotations: keyEvents(events),
    title:
      category === ALL_CATEGORIES
        ? `${formatCount(shown.length)} events, ${domain[0].getUTCFullYear()} to ${domain[1].getUTCFullYear() - 1}`
        : `${category}: ${formatCount(shown.length)} events`,
    subtitle: category === ALL_CATEGORIES ? "Every dated event in the record, by category" : `Dated events in the record in the category “${category.toLowerCase()}”`
  });
}

/** Whole months from the Mazars report to the notice being met. */
export function warningNoticeWindow(events: EventRow[]): [Date, Date] {
  const from = eventById(events, "2015_12_17_mazars_final_published");
  const to = eventById(events, "2016_11_25_warning_notice_met");
  const month = (e: EventRow, offset: number) => new Date(Date.UTC(Number(e.date.slice(0, 4)), Number(e.date.slice(5, 7)) - 1 + offset, 1));
  return [month(from, 0), month(to, 1)];
}

export function WarningNoticeChart({events}: {events: EventRow[]}, {width}: {width: number}): HTMLElement {
  const domain = warningNoticeWindow(events);
  const when = (id: string) => {
    const e = eventById(events, id);
    return formatDate(e.date, e.date_precision as Precision);
  };
  return TimelineChart(rowsBetween(timelineRows(events), ...domain), {
    width,
    id: "warning-notice",
    domain,
    annotations: keyEvents(events),
    title: `Warning notice issued ${when("2016_03_16_warning_notice_issued")}; its requirements met ${when("2016_11_25_warning_notice_met")}`,
    subtitle: "Every dated event from the Mazars report to CQC's finding that the warning notice was met, by category"
  });
}
