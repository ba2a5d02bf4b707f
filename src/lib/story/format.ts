/** Formatters: one place for how numbers, shares and dates read on the page. */
import {at} from "./checked-lookups.js";

const COUNT = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 0});
// Whole pounds unless the amount has pence: an amount is never rounded.
const GBP = new Intl.NumberFormat("en-GB", {style: "currency", currency: "GBP", minimumFractionDigits: 0, maximumFractionDigits: 2});
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export type Precision = "year" | "month" | "day";

/** A dated record's precision: the fact base requires one beside every date (src/lib/factbase/invariants.ts). */
export function precisionOf(value: unknown): Precision {
  if (value === "year" || value === "month" || value === "day") return value;
  throw new Error(`${JSON.stringify(value)} is not a date precision (year, month or day)`);
}

export function formatCount(value: number): string {
  return COUNT.format(value);
}

const EXACT = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 10});

/** A number as its source stated it: thousands separated, never rounded (61.8 stays 61.8). */
export function formatStated(value: number): string {
  return EXACT.format(value);
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

export function formatGBP(value: number): string {
  return GBP.format(value);
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
