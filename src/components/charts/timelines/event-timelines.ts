/**
 * The two timelines the story publishes, composed once so that the pages and
 * the embed pages draw the same chart: every event of the record (optionally
 * one category), and the window from the Mazars report to CQC's finding that
 * the warning notice had been met.
 */
import {keyEvents} from "./annotations.js";
import {formatCount, formatDate, precisionOf} from "../../../lib/story/format.js";
import {eventById, type EventRow} from "../record.js";
import {rowsBetween, timelineRows, yearDomain, type TimelineRow} from "./timeline-data.js";
import {TimelineChart} from "./timeline.js";
import {ALL_CATEGORIES, eventsShown, type Period} from "./periods.js";
import {WARNING_NOTICE_EVENTS, warningNoticeWindow} from "../../../lib/delivery/chart-records.js";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The whole record's title states what the chart shows at a glance: the year the events crowd
 * into ("22 of the 59 events from 2011 to 2024 came in 2016"); where two years tie, the count alone.
 */
function wholeRecordTitle(rows: TimelineRow[], domain: [Date, Date]): string {
  const span = `${domain[0].getUTCFullYear()} to ${domain[1].getUTCFullYear() - 1}`;
  const byYear = new Map<number, number>();
  for (const row of rows) byYear.set(row.start.getUTCFullYear(), (byYear.get(row.start.getUTCFullYear()) ?? 0) + 1);
  const [top, next] = [...byYear].sort((a, b) => b[1] - a[1]);
  if (!top || (next && next[1] === top[1])) return `${formatCount(rows.length)} events, ${span}`;
  return `${formatCount(top[1])} of the ${formatCount(rows.length)} events from ${span} came in ${top[0]}`;
}

export function EventsTimelineChart({events}: {events: EventRow[]}, {width, category = ALL_CATEGORIES, period = null}: {width: number; category?: string; period?: Period | null}): HTMLElement {
  const rows = timelineRows(events);
  // The axis stays on the period when a category is chosen, so filtering never moves it.
  const domain = period?.domain ?? yearDomain(rows);
  const shown = eventsShown(events, {category, period});
  const focused = period?.domain ? `, ${period.label.toLowerCase()}` : "";
  return TimelineChart(shown, {
    width,
    domain,
    annotations: keyEvents(events),
    title:
      category === ALL_CATEGORIES
        ? period?.domain
          ? `${formatCount(shown.length)} events, ${formatDate(isoDay(domain[0]), "month")} to ${formatDate(isoDay(new Date(domain[1].getTime() - 1)), "month")}`
          : wholeRecordTitle(shown, domain)
        : `${category}: ${formatCount(shown.length)} events${focused}`,
    subtitle: category === ALL_CATEGORIES ? `Every dated event${focused}, by category` : `Dated events in the category “${category.toLowerCase()}”${focused}`
  });
}

export function WarningNoticeChart({events}: {events: EventRow[]}, {width}: {width: number}): HTMLElement {
  const domain = warningNoticeWindow(events);
  const when = (id: string) => {
    const e = eventById(events, id);
    return formatDate(e.date, precisionOf(e.date_precision));
  };
  return TimelineChart(rowsBetween(timelineRows(events), ...domain), {
    width,
    id: "warning-notice",
    domain,
    annotations: keyEvents(events),
    title: `Warning notice issued ${when(WARNING_NOTICE_EVENTS.issued)}; its requirements met ${when(WARNING_NOTICE_EVENTS.met)}`,
    subtitle: "Every dated event from the Mazars report to CQC's finding that the warning notice was met, by category"
  });
}
