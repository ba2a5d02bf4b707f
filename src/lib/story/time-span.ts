/**
 * Where a partial date sits on a time axis. The charts place events and
 * findings with it, and the loaders choose the events a chart's window holds
 * with it, so that what a page is sent and what its chart draws are decided
 * by the same rule.
 */
import {dateSpan, type Precision} from "./format.js";

export interface TimeSpan {
  /** The first instant the date covers. */
  start: Date;
  /** For a month or a year, the first instant after it: a bar from start to end covers it all. For a day, the day itself. */
  end: Date;
  /** True when the date is a month or a year, drawn as a span rather than a point. */
  isSpan: boolean;
}

const DAY = 24 * 60 * 60 * 1000;

export function timeSpan(date: string, precision: Precision): TimeSpan {
  const [first, last] = dateSpan(date, precision);
  const isSpan = precision !== "day";
  return {start: first, end: isSpan ? new Date(last.getTime() + DAY) : first, isSpan};
}

/** Rows whose span overlaps [from, to]. */
export function rowsBetween<T extends {start: Date; end: Date}>(rows: T[], from: Date, to: Date): T[] {
  return rows.filter((row) => row.end.getTime() >= from.getTime() && row.start.getTime() <= to.getTime());
}
