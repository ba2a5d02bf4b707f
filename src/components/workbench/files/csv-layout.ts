/**
 * Where the table is in a CSV file as statistics offices and spreadsheets
 * write it: title lines above the header, notes ("Source: …") below the
 * data, blank lines around both. DuckDB's sniffer takes the first line for
 * the header whatever it is, so the header is found here, as the first line
 * shaped like the rows below it, and the reader is given only the table.
 * No DOM here: tested in Node.
 */
import {at} from "../../../lib/story/checked-lookups.js";

/** One record of the file: its fields, where it is in the text, and the line it starts on. */
export interface TextRecord {
  fields: string[];
  /** Offsets in the text: where the record starts, and where the next one does. */
  start: number;
  end: number;
  /** The file's line (1-based) the record starts on. */
  line: number;
}

/**
 * Records of CSV text, reading quotes as a spreadsheet writes them (a quoted
 * field may hold the delimiter, doubled quotes and line breaks). With
 * `complete` false, a last record without a line break (cut off in a sample)
 * is left out.
 */
export function splitRecords(text: string, delimiter: string, {firstLine = 1, complete = true, limit = Infinity} = {}): TextRecord[] {
  const records: TextRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let start = 0;
  let line = firstLine;
  let recordLine = firstLine;
  for (let i = 0; i < text.length && records.length < limit; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') (field += '"'), ++i;
        else quoted = false;
      } else {
        if (c === "\n") ++line;
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") ++i;
      fields.push(field);
      records.push({fields, start, end: i + 1, line: recordLine});
      fields = [];
      field = "";
      start = i + 1;
      recordLine = ++line;
    } else field += c;
  }
  if (complete && start < text.length && records.length < limit) {
    fields.push(field);
    records.push({fields, start, end: text.length, line: recordLine});
  }
  return records;
}

function filled(record: TextRecord): number {
  let n = 0;
  for (const f of record.fields) if (f.trim() !== "") ++n;
  return n;
}

/** The most frequent value (the larger one on a tie), or null for none. */
function mode(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let most = 0;
  for (const [v, n] of counts) if (n > most || (n === most && best !== null && v > best)) (best = v), (most = n);
  return best;
}

const DELIMITERS = [",", ";", "\t", "|"];

/**
 * The delimiter of CSV text: the one for which most lines share one number
 * of fields, more than one. Null when no candidate splits the lines at all.
 */
export function detectDelimiter(text: string): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const records = splitRecords(text, delimiter, {complete: false, limit: 500}).filter((r) => filled(r) > 0);
    const width = mode(records.map((r) => r.fields.length).filter((n) => n > 1));
    if (width === null) continue;
    const score = records.filter((r) => r.fields.length === width).length * Math.log2(width + 1);
    if (score > bestScore) (best = delimiter), (bestScore = score);
  }
  return best;
}

/** The shape of a table's rows: its number of fields and how many of them a row usually fills. */
export interface RowShape {
  width: number;
  filled: number;
}

/** The number of fields most records have, and how many of those most of them fill. */
export function rowShape(records: TextRecord[]): RowShape | null {
  const width = mode(records.filter((r) => filled(r) >= 2).map((r) => r.fields.length));
  if (width === null || width < 2) return null;
  return {width, filled: mode(records.filter((r) => r.fields.length === width).map(filled)) ?? width};
}

/**
 * The index of the header record: the first that has at least the table's
 * number of fields and fills about as many as a row does (a title line
 * written by a spreadsheet has the delimiters but one filled field), with a
 * row of the table's shape after it. 0 when the file has no other shape.
 */
export function headerIndex(records: TextRecord[], shape: RowShape | null): number {
  if (!shape) return 0;
  // A header may leave its first cell empty (a row label's column); with four or more columns one blank is allowed.
  const threshold = Math.max(Math.min(2, shape.width), shape.width >= 4 ? Math.min(shape.filled, shape.width - 1) : shape.filled);
  for (const [i, r] of records.entries()) {
    if (r.fields.length < shape.width || filled(r) < threshold) continue;
    const next = records.slice(i + 1).find((n) => filled(n) > 0);
    if (!next || next.fields.length >= shape.width) return i;
  }
  return 0;
}

/**
 * Whether a record below the data reads as a note: one filled field
 * ("Source: …", with or without the trailing delimiters a spreadsheet
 * writes), or fewer fields than a row with fewer than half of them filled.
 * A row with too many fields is not a note: it is reported as malformed.
 */
function noteLike(record: TextRecord, shape: RowShape): boolean {
  const n = filled(record);
  return n <= 1 || (record.fields.length < shape.width && n < shape.width / 2);
}

/**
 * The index where the notes below the table start in `records` (the end of
 * the file, or a sample of it): after the last record that is not a note or
 * blank. `records.length` when there are none.
 */
export function notesStart(records: TextRecord[], shape: RowShape | null): number {
  if (!shape) return records.length;
  for (let i = records.length - 1; i >= 0; --i) if (!noteLike(at(records, i, "the records"), shape)) return i + 1;
  return 0;
}

/** Lines with anything on them: what the page counts when it says what it left out. */
export function nonBlank(records: TextRecord[]): TextRecord[] {
  return records.filter((r) => filled(r) > 0);
}

/** A record as the analyst saw it in their spreadsheet: its filled fields, shortened. */
export function recordText(record: TextRecord, max = 60): string {
  const text = record.fields.map((f) => f.trim()).filter(Boolean).join(", ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
