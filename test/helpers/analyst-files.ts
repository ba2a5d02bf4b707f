/**
 * Files as analysts bring them, made by the tests from data/ (so expected
 * values are computed, never typed in): a spreadsheet's CSV (byte-order
 * mark, CRLF, quoted commas and quotes, empty cells, British dates), a
 * Parquet file written by hyparquet-writer, and broken files.
 */
import {parquetWriteBuffer} from "hyparquet-writer";
import {dataRows} from "./workbench.js";

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** "2016-02-01" → "01/02/2016", as a British spreadsheet writes it. */
export function britishDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface SpreadsheetCsv extends TestFile {
  /** The rows as DuckDB should read them: event_id, note, day (ISO), weight (or null). */
  rows: {eventId: string; note: string; day: string; weight: number | null}[];
}

/**
 * Events dated to the day, each with a note holding a comma and a quote, its
 * date written day-first, and a weight left empty on every third row. Days
 * of the month up to 12 are included, where a month-first reading would
 * silently give another date.
 */
export function spreadsheetCsv(name = "My Events (2016).csv"): SpreadsheetCsv {
  const events = dataRows("events").filter((row) => row.get("date_precision") === "day");
  const chosen = [...events.filter((e) => Number(e.get("date")!.slice(8)) <= 12).slice(0, 4), ...events.filter((e) => Number(e.get("date")!.slice(8)) > 12).slice(0, 4)];
  const rows = chosen.map((event, i) => ({
    eventId: event.get("event_id")!,
    note: `Checked, "${event.get("category")}" row ${i + 1}`,
    day: event.get("date")!,
    weight: i % 3 === 2 ? null : i + 1
  }));
  const lines = ["event_id,note,day,weight", ...rows.map((r) => [r.eventId, csvField(r.note), britishDate(r.day), r.weight === null ? "" : String(r.weight)].join(","))];
  return {name, mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8"), rows};
}

export interface SourcesParquet extends TestFile {
  rows: {sourceId: string; citations: number; share: number}[];
}

/** A Parquet file of some source ids with a count and a share, as a national dataset might come. */
export function sourcesParquet(name = "Citations.parquet"): SourcesParquet {
  const rows = dataRows("sources")
    .slice(0, 12)
    .map((source, i) => ({sourceId: source.get("source_id")!, citations: (i * 7) % 5 + 1, share: (i + 1) / 8}));
  const buffer = parquetWriteBuffer({
    columnData: [
      {name: "source_id", data: rows.map((r) => r.sourceId), type: "STRING"},
      {name: "citations", data: rows.map((r) => r.citations), type: "INT32"},
      {name: "share", data: rows.map((r) => r.share), type: "DOUBLE"}
    ]
  });
  return {name, mimeType: "application/vnd.apache.parquet", buffer: Buffer.from(buffer), rows};
}

/** A CSV whose fourth line has a field too many. */
export function raggedCsv(name = "Broken export.csv"): TestFile & {badLine: number} {
  const text = "a,b,c\r\n1,2,3\r\n4,5,6\r\n7,8,9,10\r\n11,12,13\r\n";
  return {name, mimeType: "text/csv", buffer: Buffer.from(text), badLine: 4};
}

/** Bytes that are no Parquet file at all, with a Parquet name. */
export function notParquet(name = "Truncated.parquet"): TestFile {
  return {name, mimeType: "application/vnd.apache.parquet", buffer: Buffer.from("PAR1 this file was cut short")};
}
