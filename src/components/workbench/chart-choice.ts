/**
 * Which chart suits a query result, decided from its column types alone (no
 * DOM, no Plot), so that the choice can be tested in Node.
 */
import {formatCell, isNumericKind, type Cell, type ColumnKind, type ResultColumn} from "./sql-values.js";
import {at} from "../../lib/story/checked-lookups.js";

export type ChartMark = "bar" | "line" | "dot";

export interface ChartChoice {
  mark: ChartMark;
  /** Column positions in the result. */
  x: number;
  y: number;
}

/** Rows drawn at most: the same as the table shows, so the chart never claims more than is on screen. */
export const CHART_ROWS = 1000;

const CATEGORY_KINDS: ColumnKind[] = ["string", "boolean"];
const TIME_KINDS: ColumnKind[] = ["date", "timestamp"];

export function markFor(xKind: ColumnKind): ChartMark {
  if (TIME_KINDS.includes(xKind)) return "line";
  if (isNumericKind(xKind)) return "dot";
  return "bar";
}

/** Columns that can go on the x axis: anything with an order or a label. */
export function xOptions(columns: ResultColumn[]): number[] {
  return columns.flatMap((c, i) => (isNumericKind(c.kind) || TIME_KINDS.includes(c.kind) || CATEGORY_KINDS.includes(c.kind) ? [i] : []));
}

export function yOptions(columns: ResultColumn[]): number[] {
  return columns.flatMap((c, i) => (isNumericKind(c.kind) ? [i] : []));
}

function isUnique(rows: Cell[][], column: number): boolean {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = formatCell(at(row, column, "a result row"));
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/**
 * The chart a result most plausibly wants. The measure is the last numeric
 * column (aggregates usually come after the columns they group by); against
 * it goes a date if there is one, else a label (one that names each row
 * once, if any does), else another number. A result with no number (other
 * than NULLs), or with nothing to set a single number against, gets no chart.
 */
export function chooseChart(columns: ResultColumn[], rows: Cell[][]): ChartChoice | null {
  const numeric = yOptions(columns);
  // A column of nothing but NULL (SELECT NULL AS note) is numeric in type only.
  const measured = numeric.filter((i) => rows.some((row) => row[i] !== null));
  const y = measured.at(-1);
  if (y === undefined) return null;
  const time = columns.findIndex((c) => TIME_KINDS.includes(c.kind));
  if (time >= 0) return {mark: "line", x: time, y};
  const labels = columns.flatMap((c, i) => (CATEGORY_KINDS.includes(c.kind) ? [i] : []));
  const [firstLabel] = labels;
  if (firstLabel !== undefined) return {mark: "bar", x: labels.find((i) => isUnique(rows, i)) ?? firstLabel, y};
  const other = numeric.find((i) => i !== y);
  return other === undefined ? null : {mark: "dot", x: other, y};
}
