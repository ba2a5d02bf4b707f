/**
 * The one CSV writer for everything a reader or analyst downloads and for the
 * figures sheet: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as
 * Windows-1252 and shows "Â£125,000"), CRLF line ends (RFC 4180), and the
 * formula-injection guard: a text cell starting with = + - @ or a tab is
 * prefixed with ' so that a spreadsheet shows it instead of running it.
 * Text stays text as it was written ("£125,000", "1,454"): only numbers are
 * written as numbers.
 */
export const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Fields already turned into text by a caller that knows which are numbers (the SQL page's
 * columns) and has guarded its text columns: quoted, with the BOM and CRLF.
 */
export function writeCsvText(header: string[], rows: string[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}

/** One field: text guarded against formulas, then quoted when it must be. */
export function csvField(value: unknown): string {
  const text =
    value === null || value === undefined ? "" :
    value instanceof Date ? value.toISOString().slice(0, 10) :
    typeof value === "string" ? (FORMULA_START.test(value) ? `'${value}` : value) :
    String(value);
  return quote(text);
}

/** A header row and rows of fields, as a whole CSV file's text. */
export function writeCsv(header: string[], rows: unknown[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Objects as CSV, one column per key seen in any of them, in the order first seen. */
export function objectsToCsv(objects: object[]): string {
  const rows = objects as Record<string, unknown>[];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return writeCsv(columns, rows.map((row) => columns.map((c) => row[c])));
}
