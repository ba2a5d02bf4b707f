/** How the bench writes its figures: KB are 1,000 bytes (as Framework's build summary counts them). */
import type {Summary} from "./stats.js";

export const KB = 1000;

export function kb(bytes: number, digits = 0): string {
  return `${(bytes / KB).toLocaleString("en-GB", {minimumFractionDigits: digits, maximumFractionDigits: digits})} KB`;
}

export function mb(bytes: number): string {
  return `${(bytes / KB / KB).toLocaleString("en-GB", {maximumFractionDigits: 1})} MB`;
}

export function ms(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}

/** "412 ms (380–455)": the median, then the range of the runs. */
export function spread(summary: Summary, unit: (value: number) => string = ms): string {
  if (summary.n === 1) return `${unit(summary.median)} (1 run)`;
  return `${unit(summary.median)} (${unit(summary.min)}–${unit(summary.max)})`;
}

export function count(n: number): string {
  return n.toLocaleString("en-GB");
}

/** 10000 → "10⁴" */
export function powerOfTen(n: number): string {
  const exponent = Math.log10(n);
  if (!Number.isInteger(exponent)) return count(n);
  const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  return `10${String(exponent).replace(/\d/g, (d) => superscripts[Number(d)])}`;
}
