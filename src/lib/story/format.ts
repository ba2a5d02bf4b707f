/** Formatters: one place for how numbers, shares and dates read on the page. */
import {at} from "./checked-lookups.js";

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export type Precision = "year" | "month" | "day";

/** A dated record's precision: the fact base requires one beside every date (src/lib/factbase/invariants.ts). */
export function precisionOf(value: unknown): Precision {
  if (value === "year" || value === "month" || value === "day") return value;
  throw new Error(`${JSON.stringify(value)} is not a date precision (year, month or day)`);
}

/**
 * A number as en-GB writes it: thousands separated by commas, at most `fractionDigits` decimals,
 * no trailing zeros, halves rounded away from zero. Written by hand rather than with
 * Intl.NumberFormat because a page's first Intl formatter loads the locale's data, a task of about
 * 20 ms (90 ms on Lighthouse's slow phone) at load; test/unit/data/format.test.ts checks it against Intl.
 */
function formatNumber(value: number, fractionDigits: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} is not a number a page can print`);
  const magnitude = Math.abs(value);
  const scale = 10 ** fractionDigits;
  // Rounded on the scaled value (as Intl rounds the decimal, not the binary, value: 1.005 → 1.01).
  const rounded = Math.round(Number((magnitude * scale).toPrecision(15))) / scale;
  const [whole = "0", fraction = ""] = rounded.toFixed(fractionDigits).split(".");
  const decimals = fraction.replace(/0+$/, "");
  const text = whole.replace(/\B(?=(\d{3})+$)/g, ",") + (decimals ? `.${decimals}` : "");
  return value < 0 && rounded !== 0 ? `-${text}` : text;
}

export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

/** A number as its source stated it: thousands separated, never rounded (61.8 stays 61.8). */
export function formatStated(value: number): string {
  return formatNumber(value, 10);
}

/**
 * Text in code-point order: ISO dates sort by date and ids sort stably. Used instead of
 * localeCompare, whose first call loads the locale's collation data, a task of about 15 ms at load.
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "Deaths reported" → "deaths reported", for a label set inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A computed percentage, to a fixed number of decimal places. */
export function formatPercent(value: number, digits = 1): string {
  return `${value.toFixed(digits)}%`;
}

/** Whole pounds unless the amount has pence: an amount is never rounded. */
export function formatGBP(value: number): string {
  const text = formatNumber(value, 2);
  return text.startsWith("-") ? `-£${text.slice(1)}` : `£${text}`;
}

/** A 95% interval given as fractions of 1, written as percentages. */
export function formatInterval(lower: number, upper: number): string {
  return `${formatPercent(100 * lower)}–${formatPercent(100 * upper)}`;
}

/** A date written only as precisely as its source gives it: 2016, April 2016, 28 April 2016. */
export function formatDate(date: string, precision: Precision): string {
  const [year, month, day] = dateNumbers(date);
  const monthName = () => at(MONTHS, month - 1, `the months (for the date '${date}')`);
  if (precision === "year") return String(year);
  if (precision === "month") return `${monthName()} ${year}`;
  return `${day} ${monthName()} ${year}`;
}

/** Year, month and day of a partial ISO date ("2016", "2016-04", "2016-04-28"); a part it does not give is 1. */
function dateNumbers(date: string): [number, number, number] {
  const [year = NaN, month = 1, day = 1] = date.split("-").map(Number);
  return [year, month, day];
}

/** The first and last day a partial date covers, for placing it on a time axis. */
export function dateSpan(date: string, precision: Precision): [Date, Date] {
  const [year, month, day] = dateNumbers(date);
  if (precision === "year") return [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 31))];
  if (precision === "month") return [new Date(Date.UTC(year, month - 1, 1)), new Date(Date.UTC(year, month, 0))];
  const exact = new Date(Date.UTC(year, month - 1, day));
  return [exact, exact];
}

/**
 * Text as it is written into markup made as a string (the sources page's Markdown, an embed page,
 * the embed code an editor copies): the one HTML escaper, safe in element content and in a
 * double-quoted attribute; `>` too, so that text at the start of a Markdown line cannot open a quote.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const XML_ESCAPES: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"};

/** Text as it is written into an SVG image made as a string (the charts' images): apostrophes too, for single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}
