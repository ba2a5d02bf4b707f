/**
 * Excel workbooks (.xlsx), read in the browser by `read-excel-file` (passed
 * in, as the page loads it from Framework's npm cache and Node tests from
 * node_modules): each sheet a table, its title rows above the header and
 * notes below the data left out as in a CSV file (csv-layout.ts), dates as
 * dates, numbers as numbers. A column mixing numbers with text ("*" for a
 * withheld count) arrives as text, and is read as numbers with its marks as
 * NULL once loaded (column-types.ts).
 */
import {at} from "../../../lib/story/checked-lookups.js";
import type * as ArrowModule from "apache-arrow";
import {headerIndex, nonBlank, notesStart, rowShape, type TextRecord} from "./csv-layout.js";
import {FileError} from "./file-errors.js";

type Arrow = typeof ArrowModule;
type Cell = string | number | boolean | Date | null;

/** read-excel-file's universal entry: every sheet of a workbook, as rows of cells. */
export type ReadXlsx = (input: Blob | ArrayBuffer) => Promise<{sheet: string; data: Cell[][]}[]>;

export interface Sheet {
  name: string;
  rows: Cell[][];
}

export async function readWorkbook(readXlsx: ReadXlsx, file: Blob, fileName: string): Promise<Sheet[]> {
  let sheets: {sheet: string; data: Cell[][]}[];
  try {
    sheets = await readXlsx(await file.arrayBuffer());
  } catch (error) {
    throw new FileError(fileName, `this is not a workbook Excel can save as .xlsx, or it is damaged (${error instanceof Error ? error.message : String(error)}). Open it in Excel or LibreOffice and save it again as .xlsx or as “CSV UTF-8”.`);
  }
  return sheets.map(({sheet, data}) => ({name: sheet, rows: data})).filter((s) => s.rows.some((row) => row.some((cell) => cell !== null && String(cell).trim() !== "")));
}

function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/** Rows of a sheet as the records csv-layout.ts reads (their line is the sheet's row number). */
function records(rows: Cell[][]): TextRecord[] {
  return rows.map((row, i) => ({fields: row.map(cellText), start: i, end: i + 1, line: i + 1}));
}

/** Column names from the header row: blanks and repeats get a name of their own. */
function columnNames(header: Cell[], width: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < width; ++i) {
    const base = cellText(header[i] ?? null).trim() || `column_${i + 1}`;
    let name = base;
    for (let n = 2; names.includes(name); ++n) name = `${base}_${n}`;
    names.push(name);
  }
  return names;
}

const MS_PER_DAY = 86_400_000;

/** The Arrow column of one sheet column: dates, whole or fractional numbers, booleans, or text. */
function column(Arrow: Arrow, values: Cell[]): ArrowModule.Vector {
  const present = values.filter((v) => v !== null && !(typeof v === "string" && v.trim() === ""));
  const all = (test: (v: Cell) => boolean) => present.length > 0 && present.every(test);
  if (all((v) => v instanceof Date)) {
    const dates = present as Date[];
    const blank = (v: Cell) => (v === null || (typeof v === "string" && v.trim() === "") ? null : v);
    if (dates.every((d) => d.getTime() % MS_PER_DAY === 0)) return Arrow.vectorFromArray(values.map(blank), new Arrow.DateDay());
    return Arrow.vectorFromArray(values.map((v) => (blank(v) === null ? null : (v as Date).getTime())), new Arrow.TimestampMillisecond());
  }
  if (all((v) => typeof v === "number")) {
    const whole = present.every((v) => Number.isSafeInteger(v));
    const type = whole ? (present.every((v) => Math.abs(v as number) < 2 ** 31) ? new Arrow.Int32() : new Arrow.Int64()) : new Arrow.Float64();
    return Arrow.vectorFromArray(values.map((v) => (typeof v === "number" ? (type instanceof Arrow.Int64 ? BigInt(v) : v) : null)), type);
  }
  if (all((v) => typeof v === "boolean")) return Arrow.vectorFromArray(values.map((v) => (typeof v === "boolean" ? v : null)), new Arrow.Bool());
  // Mixed: text as written. A number keeps its digits (no exponent, no float noise).
  return Arrow.vectorFromArray(
    values.map((v) => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "number" ? String(v) : String(v))),
    new Arrow.Utf8()
  );
}

export interface SheetTable {
  table: ArrowModule.Table;
  headerLine: number;
  above: TextRecord[];
  below: TextRecord[];
}

/** A sheet as an Arrow table, with the rows above its header and below its data left out (and returned, to say so). */
export function sheetToArrow(Arrow: Arrow, sheet: Sheet, fileName: string, headerLine?: number): SheetTable {
  const all = records(sheet.rows);
  const shape = rowShape(all);
  const header = headerLine ? Math.min(headerLine - 1, all.length - 1) : headerIndex(all, shape);
  const body = all.slice(header + 1);
  const notes = notesStart(body, shape && {...shape, width: Math.max(shape.width, at(all, header, "the sheet's records").fields.length)});
  const width = Math.max(...sheet.rows.slice(header, header + 1 + notes).map((r) => r.length), 0);
  if (!width) throw new FileError(fileName, `the sheet “${sheet.name}” has no columns, so no table was made.`);
  const names = columnNames(at(sheet.rows, header, "the sheet's rows"), width);
  const rows = sheet.rows.slice(header + 1, header + 1 + notes).filter((r) => r.some((c) => c !== null && String(c).trim() !== ""));
  const columns = Object.fromEntries(names.map((name, c) => [name, column(Arrow, rows.map((r) => r[c] ?? null))]));
  return {table: new Arrow.Table(columns), headerLine: header + 1, above: nonBlank(all.slice(0, header)), below: nonBlank(body.slice(notes))};
}
