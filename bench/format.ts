/** How the report writes figures: KB are 1,000 bytes (as Framework's build summary counts them). */
import type {Summary} from "./stats.js";

export function kb(bytes: number): string {
  return `${(bytes / 1000).toLocaleString("en-GB", {maximumFractionDigits: bytes < 100_000 ? 1 : 0})} KB`;
}

export function ms(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${Math.round(value)} ms`;
}

export function shift(value: number): string {
  return value.toFixed(3);
}

/** "412 ms (380 ms–455 ms)": the median, then the range of the runs. */
export function spread(summary: Summary, unit: (value: number) => string = ms): string {
  return summary.n === 1 ? unit(summary.median) : `${unit(summary.median)} (${unit(summary.min)}–${unit(summary.max)})`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
