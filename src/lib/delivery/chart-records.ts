/**
 * The records the charts of the inspection record draw, by id (their key
 * events, the finding a chart is built around) or by the window they draw (the
 * months of the crisis, of the warning notice, the findings about ligature
 * risks). The chart components draw with these, and the loaders choose a
 * page's rows with them (src/lib/delivery/chart-reads.ts), so what a page is sent and
 * what its chart draws are decided by the same code. The components run in the
 * reader's browser: nothing here imports a table library.
 */
import {eventById} from "../story/checked-lookups.js";
import {precisionOf} from "../story/format.js";
import {rowsBetween, timeSpan} from "../story/time-span.js";

/** Key events drawn over the timelines, with their short labels. */
export const KEY_EVENTS = [
  {id: "2015_12_17_mazars_final_published", label: "Mazars report"},
  {id: "2016_03_16_warning_notice_issued", label: "Warning notice"},
  {id: "2016_04_28_chair_resigns", label: "Chair resigns"},
  {id: "2016_08_30_percy_steps_down", label: "Chief executive steps down"}
] as const;

/** The crisis, from the leak of the Mazars draft to the chief executive leaving the trust. */
export const CRISIS_BOUNDS = {from: "2015_12_09_mazars_draft_leaked", to: "2016_10_percy_leaves_trust"} as const;

/** The warning notice's chart runs from the Mazars report to CQC's finding that the notice was met. */
export const WARNING_NOTICE_EVENTS = {from: "2015_12_17_mazars_final_published", issued: "2016_03_16_warning_notice_issued", met: "2016_11_25_warning_notice_met"} as const;

/** The focused inspection's finding that the earlier warnings had not been acted on. */
export const REPEAT_FINDING = "2016_04_ligature_repeat_finding";

/** The events marked on the ligature thread. */
export const THREAD_EVENTS = [
  {id: "2015_12_17_mazars_final_published", label: "Mazars report"},
  {id: "2016_03_16_warning_notice_issued", label: "Warning notice"}
] as const;

/** What an event needs for its place in time. */
type Dated = {event_id: string; date: string; date_precision: string};

const spanOf = <T extends Dated>(event: T) => ({event, ...timeSpan(event.date, precisionOf(event.date_precision))});

/** The events of the crisis window, from the start of its first event to the end of its last; events dated only to a year are left to the full timeline. */
export function crisisEvents<T extends Dated>(events: T[]): T[] {
  const from = spanOf(eventById(events, CRISIS_BOUNDS.from)).start;
  const to = spanOf(eventById(events, CRISIS_BOUNDS.to)).end;
  return rowsBetween(events.map(spanOf), from, to)
    .map((s) => s.event)
    .filter((e) => e.date_precision !== "year");
}

/** Whole months from the Mazars report to the notice being met. */
export function warningNoticeWindow(events: Dated[]): [Date, Date] {
  const month = (e: Dated, offset: number) => new Date(Date.UTC(Number(e.date.slice(0, 4)), Number(e.date.slice(5, 7)) - 1 + offset, 1));
  return [month(eventById(events, WARNING_NOTICE_EVENTS.from), 0), month(eventById(events, WARNING_NOTICE_EVENTS.met), 1)];
}

/** The events the warning notice's chart draws in its window, and those it names: its key events and its bounds. */
export function warningNoticeEvents<T extends Dated>(events: T[]): T[] {
  const [from, to] = warningNoticeWindow(events);
  const named = new Set([...KEY_EVENTS.map((e) => e.id), ...Object.values(WARNING_NOTICE_EVENTS)].map((id) => eventById(events, id)));
  const drawn = new Set(rowsBetween(events.map(spanOf), from, to).map((s) => s.event));
  return events.filter((e) => named.has(e) || drawn.has(e));
}

/** A finding about ligature risks: the thread follows these. */
export function isLigatureFinding(finding: {theme: string; finding: string}): boolean {
  return finding.theme === "ligature" || /ligature/i.test(finding.finding);
}
