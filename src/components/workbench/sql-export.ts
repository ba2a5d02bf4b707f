/**
 * The current result as files an analyst takes away: CSV for spreadsheets,
 * JSON for code. Both hold every row of the result, whatever the table shows,
 * and both keep exact integers exact (a BIGINT past 2^53 is written as its
 * digits, never rounded through a float).
 */
import {at} from "../../lib/story/checked-lookups.js";
import {writeCsvText} from "../../lib/delivery/csv-write.js";
import {UNSHOWN, formatNumber, type Cell, type ResultColumn} from "./sql-values.js";

// A spreadsheet runs a cell that starts with one of these as a formula; a query
// opened from someone else's link could put one there.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvText(value: Cell, column: ResultColumn): string {
  if (value === null || value === UNSHOWN) return "";
  if (typeof value === "number") return formatExact(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return column.kind === "string" && FORMULA_START.test(value) ? `'${value}` : value;
  return JSON.stringify(jsonValue(value));
}

/** Full precision for files (the table rounds away float noise; a file keeps every digit). */
function formatExact(value: number): string {
  return Number.isFinite(value) ? String(value) : formatNumber(value);
}

/** RFC 4180 CSV with a header row, through the one CSV writer (BOM, CRLF); NULL is an empty field. */
export function resultToCsv(columns: ResultColumn[], rows: Cell[][]): string {
  // csvText guards the string columns only: a negative number is a number, not a formula.
  return writeCsvText(columns.map((c) => c.name), rows.map((row) => row.map((value, i) => csvText(value, at(columns, i, "the result's columns")))));
}

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

function jsonValue(value: Cell): Json {
  if (value === null || value === UNSHOWN) return null;
  if (typeof value === "bigint") {
    // JSON numbers beyond 2^53 are rounded by every ordinary parser, so those are written as strings.
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : formatNumber(value);
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
  return value;
}

/**
 * An array of objects, one per row, keyed by column name. Duplicate column
 * names (SELECT 1 AS a, 2 AS a) get a suffix rather than silently overwriting.
 */
export function resultToJson(columns: ResultColumn[], rows: Cell[][]): string {
  const keys = uniqueNames(columns.map((c) => c.name));
  const records = rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, jsonValue(at(row, i, "a result row"))])));
  return JSON.stringify(records, null, 2) + "\n";
}

export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    if (count === 0) return name;
    let n = count + 1;
    while (taken.has(`${name}_${n}`)) ++n;
    taken.add(`${name}_${n}`);
    return `${name}_${n}`;
  });
}
