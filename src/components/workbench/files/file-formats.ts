/**
 * The kinds of file an analyst can open, told from the file's name, and the
 * limits past which a browser tab cannot hold them. No DOM here: tested in Node.
 */

export type FileFormat = "csv" | "tsv" | "json" | "arrow" | "parquet" | "xlsx";

const EXTENSIONS: Record<string, FileFormat> = {
  csv: "csv",
  txt: "csv",
  tsv: "tsv",
  tab: "tsv",
  json: "json",
  ndjson: "json",
  jsonl: "json",
  arrow: "arrow",
  feather: "arrow",
  ipc: "arrow",
  parquet: "parquet",
  pq: "parquet",
  xlsx: "xlsx"
};

/** What the file picker offers: old workbooks too, so that opening one gets the advice below rather than nothing. */
export const ACCEPT = [...Object.keys(EXTENSIONS), ...Object.keys({xls: 1, ods: 1})].map((extension) => `.${extension}`).join(",");

/** Advice for a kind of file the page cannot read but a spreadsheet can turn into one it can. */
export function adviceFor(fileName: string): string | null {
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (extension === "xls") return "this is an old Excel workbook (.xls), which this page cannot read. Open it in Excel or LibreOffice and save it as “CSV UTF-8” or as an Excel workbook (.xlsx), then open that.";
  if (extension === "ods" || extension === "numbers") return "this spreadsheet format cannot be read here. Save it as “CSV UTF-8” or as an Excel workbook (.xlsx), then open that.";
  return null;
}

export function formatOf(fileName: string): FileFormat | null {
  const match = /\.([^.]+)$/.exec(fileName.toLowerCase());
  const extension = match?.[1];
  return (extension && EXTENSIONS[extension]) || null;
}

const MB = 2 ** 20;

/**
 * The largest file of each kind this page will try to open. CSV is streamed
 * through DuckDB's own reader, so it can be largest; JSON has to be parsed in
 * one piece by the browser, and Arrow and Parquet are decoded in memory
 * before DuckDB gets the columns, which needs about twice their size.
 */
export const MAX_BYTES: Record<FileFormat, number> = {
  csv: 2048 * MB,
  tsv: 2048 * MB,
  json: 256 * MB,
  arrow: 1024 * MB,
  parquet: 512 * MB,
  // A workbook is unzipped and every cell made a value in memory: tens of times its size.
  xlsx: 64 * MB
};

/**
 * DuckDB's sniffer reads 01/02/2016 as 2 January, the American way, when
 * nothing in the sample rules that out. A British newsroom's spreadsheets mean
 * 1 February: a month-first date or timestamp format is turned day-first.
 * Returns null when the format needs no change.
 */
export function dayFirst(format: string | null | undefined): string | null {
  if (!format) return null;
  const match = /^%m([^%]+)%d(.*)$/.exec(format);
  return match ? `%d${match[1]}%m${match[2]}` : null;
}

/** The first line DuckDB, the browser or a parser named in a message, if it named one. */
export function lineOf(message: string): number | null {
  const match = /\bline:?\s*(\d+)/i.exec(message);
  return match ? Number(match[1]) : null;
}

/** The line a character offset falls on (for JSON.parse's "at position 123"). */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; ++i) if (text.charCodeAt(i) === 10) ++line;
  return line;
}

/** The delimiter a header line uses most (outside quotes), if it uses any. */
export function headerDelimiter(text: string): string | null {
  const [firstLine = ""] = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1);
  const header = firstLine.replace(/"[^"]*"/g, "");
  let best: string | null = null;
  let most = 0;
  for (const candidate of [",", ";", "\t", "|"]) {
    const n = header.split(candidate).length - 1;
    if (n > most) (best = candidate), (most = n);
  }
  return best;
}

/**
 * The first line whose number of fields differs from the header's, reading
 * quotes as a spreadsheet writes them (a quoted field may hold the delimiter,
 * doubled quotes and line breaks). Null when every complete line agrees.
 */
export function raggedLine(text: string, delimiter: string): {line: number; fields: number; expected: number} | null {
  const body = text.replace(/^\uFEFF/, "");
  let line = 1;
  let rowLine = 1;
  let fields = 1;
  let expected: number | null = null;
  let quoted = false;
  for (let i = 0; i < body.length; ++i) {
    const c = body[i];
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') ++i;
        else quoted = false;
      } else if (c === "\n") ++line;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) ++fields;
    else if (c === "\n") {
      if (expected === null) expected = fields;
      else if (fields !== expected && !(fields === 1 && body.slice(body.lastIndexOf("\n", i - 1) + 1, i).trim() === "")) return {line: rowLine, fields, expected};
      ++line;
      rowLine = line;
      fields = 1;
    }
  }
  return null;
}
