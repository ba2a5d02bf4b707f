/**
 * A strict CSV reader (RFC 4180) that remembers where every field came from, so
 * that a validation error can name the file, line and column of the bad value.
 * It accepts what spreadsheets write (a byte-order mark, Windows line endings)
 * and rejects what would silently shift data (ragged rows, stray quotes).
 */
import {at} from "../story/checked-lookups.js";
import {DataError} from "./errors.js";

export interface CsvCell {
  value: string;
  line: number;
  column: number;
}

export interface CsvRecord {
  line: number;
  cells: Map<string, CsvCell>;
}

export interface CsvTable {
  file: string;
  header: string[];
  /** Where each column name is, for errors about the header. */
  headerCells: CsvCell[];
  records: CsvRecord[];
}

interface RawRow {
  line: number;
  fields: CsvCell[];
  /** Where the row ends (its line ending, or the end of the file): where a missing field belongs. */
  endLine: number;
  endColumn: number;
}

function tokenize(file: string, text: string): RawRow[] {
  const rows: RawRow[] = [];
  let fields: CsvCell[] = [];
  let field = "";
  let line = 1;
  let column = 1;
  let fieldLine = 1;
  let fieldColumn = 1;
  let rowLine = 1;
  let quoted = false;
  let inQuotes = false;
  let afterQuote = false;
  const endField = () => {
    fields.push({value: field, line: fieldLine, column: fieldColumn});
    field = "";
    quoted = afterQuote = false;
  };
  const endRow = () => {
    endField();
    rows.push({line: rowLine, fields, endLine: line, endColumn: column});
    fields = [];
  };
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (field === "" && !quoted && !inQuotes) {
      fieldLine = line;
      fieldColumn = column;
    }
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          ++i;
          ++column;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else if (c === "\r" && text[i + 1] === "\n") {
        // A CRLF file gives the same values as its LF copy, even inside quotes.
      } else {
        field += c;
      }
    } else if (c === ",") {
      endField();
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") ++i;
      endRow();
      ++line;
      column = 0;
      rowLine = line;
    } else if (afterQuote) {
      throw new DataError(file, line, column, `unexpected character ${JSON.stringify(c)} after a closing quote`);
    } else if (c === '"') {
      if (field !== "") throw new DataError(file, line, column, "a quote inside an unquoted field");
      quoted = inQuotes = true;
    } else {
      field += c;
    }
    if (c === "\n" || c === "\r") column = 1;
    else ++column;
    if (c === "\n" && inQuotes) ++line, (column = 1);
  }
  if (inQuotes) throw new DataError(file, fieldLine, fieldColumn, "a quoted field is never closed (is the file truncated?)");
  if (field !== "" || quoted || fields.length > 0) endRow();
  return rows;
}

/** Parses CSV text into records keyed by header name. */
export function parseCsv(file: string, text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new DataError(file, 1, 1, "the file is empty");
  const [head, ...body] = tokenize(file, text);
  if (head === undefined) throw new DataError(file, 1, 1, "the file has no header row");
  const header = head.fields.map((f) => f.value);
  const seen = new Set<string>();
  for (const cell of head.fields) {
    if (cell.value === "") throw new DataError(file, cell.line, cell.column, "a column has no name");
    if (seen.has(cell.value)) throw new DataError(file, cell.line, cell.column, `column '${cell.value}' appears twice`);
    seen.add(cell.value);
  }
  const records: CsvRecord[] = [];
  for (const row of body) {
    // A blank line (one empty field) carries nothing; anything else must be a full row.
    if (row.fields.length === 1 && row.fields[0]?.value === "") continue;
    if (row.fields.length !== header.length) {
      // Point at the first extra field, or where the first missing one belongs.
      const extra = row.fields[header.length];
      throw new DataError(
        file,
        extra ? extra.line : row.endLine,
        extra ? extra.column : row.endColumn,
        `expected ${header.length} fields, found ${row.fields.length} (is the row cut short or is a comma unquoted?)`
      );
    }
    // As many fields as the header has names (checked above): zipped, each name with its field.
    records.push({line: row.line, cells: new Map(row.fields.map((cell, i) => [at(header, i, `the header of ${file}`), cell]))});
  }
  return {file, header, headerCells: head.fields, records};
}
