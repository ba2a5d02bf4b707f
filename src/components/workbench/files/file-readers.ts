/**
 * Turns an analyst's file into Arrow columns for DuckDB, chunk by chunk, each
 * chunk an Arrow IPC stream:
 *
 * - CSV and TSV go through DuckDB's own CSV reader (its sniffer finds the
 *   delimiter, the quoting, the header and the types, as DuckDB would open the
 *   file anywhere), in a second, separate DuckDB that only ever runs this
 *   module's fixed statements: the analysts' database is locked against
 *   reading files, so that a shared query can never read one.
 * - JSON (an array of objects, or one object per line) is parsed here.
 * - Arrow is Arrow already.
 * - Parquet is decoded by hyparquet (pure JavaScript): DuckDB-WASM would
 *   fetch its Parquet extension from the internet.
 *
 * Arrow and hyparquet are passed in, so that Node tests can run the same code
 * on the packages that Framework serves the page from its npm cache.
 */
import {at} from "../../../lib/story/checked-lookups.js";
import type * as ArrowModule from "apache-arrow";
import type * as HyparquetModule from "hyparquet";
import {prepareCsv, type ReadChoices} from "./csv-text.js";
import {dayFirst, lineAtOffset, lineOf, type FileFormat} from "./file-formats.js";
import {recordText, type TextRecord} from "./csv-layout.js";
import {readWorkbook, sheetToArrow, type ReadXlsx} from "./excel-reader.js";
import {listValue, parseJsonExact, recordsToArrow, structValue, toArrowValue, type JsonValue} from "./nested-values.js";
import {quoteString} from "../sql-identifiers.js";
import {bigIntOf} from "../sql-values.js";
import {detectEncoding, encodingLabel, looksBinary, type TextEncoding} from "./text-encodings.js";
import type {NumberStyle} from "./written-numbers.js";
import {FileError} from "./file-errors.js";

export type Arrow = typeof ArrowModule;
export type Hyparquet = typeof HyparquetModule;

export {FileError};

/** Column name → DuckDB type the analyst chose instead of the detected one. */
export type TypeOverrides = Record<string, string>;

export interface ReadOptions {
  file: Blob & {name: string};
  format: FileFormat;
  overrides: TypeOverrides;
  /** The encoding and header line the analyst chose for a CSV file (or the header line of a sheet). */
  choices?: ReadChoices;
  /** The workbook's sheet to read. */
  sheet?: string;
  /** Fraction of the file read so far, when it can be told; null while it cannot. */
  onProgress?: (fraction: number | null) => void;
}

export interface ReadResult {
  /** Arrow IPC streams, in order; the first creates the table. */
  chunks: AsyncIterable<Uint8Array>;
  /**
   * Casts DuckDB applies once the rows are in (column → type): the analyst's
   * overrides for formats whose reader cannot take them.
   */
  casts: TypeOverrides;
  /** What the reader decided for the analyst to see (encoding, lines left out), one sentence each. */
  notes?: string[];
  /** For text files: the encoding used and the header's line, which the analyst can change. */
  text?: {encoding: TextEncoding; detectedEncoding: TextEncoding; headerLine: number};
  /** The way numbers are written in the file (decimal point or comma), for the columns read as text. */
  numberStyle?: NumberStyle;
}

/**
 * Rows handed to DuckDB at a time: big enough that each insert's overhead is small, small enough to
 * stream. Each chunk is copied from the reader to the page and into DuckDB's memory, which never
 * shrinks: measured on a 10⁶-row CSV (bench --only files), 200,000 rows a chunk grew the tab by
 * 169 MB, 50,000 by 69 MB, for a first answer 0.2 s later.
 */
export const CHUNK_ROWS = 50_000;

// ---- CSV and TSV, through a separate DuckDB ----

interface ReaderStream extends AsyncIterable<ArrowModule.RecordBatch> {
  schema?: ArrowModule.Schema;
}
interface ReaderConnection {
  send(sql: string): Promise<ReaderStream>;
  close(): Promise<void>;
}
/** The parts of DuckDB-WASM's AsyncDuckDB the CSV reader uses. */
export interface ReaderDatabase {
  connect(): Promise<ReaderConnection>;
  registerFileHandle(name: string, handle: Blob, protocol: number, directIO: boolean): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Ends the reader's worker, and with it the memory it holds. */
  terminate(): Promise<void>;
}

/** DuckDB-WASM's DuckDBDataProtocol.BROWSER_FILEREADER: the worker reads the File as it needs it, never all at once. */
const BROWSER_FILEREADER = 2;

async function firstRows(conn: ReaderConnection, sql: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const batch of await conn.send(sql)) for (const row of batch) rows.push(row?.toJSON() ?? {});
  return rows;
}

/** Rows in the file, estimated from the average line length of its first 64 KB: enough for a progress bar. */
async function estimateRows(file: Blob): Promise<number> {
  const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
  let lines = 0;
  for (const byte of head) if (byte === 10) ++lines;
  return lines ? Math.max(1, Math.round((file.size / head.length) * lines)) : 1;
}

let registered = 0;

/** A value DuckDB reported as text, or null for none. */
function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

const COUNT = new Intl.NumberFormat("en-GB");

/** "Left out 2 lines above the header and 1 below the data (…)", or nothing when nothing was. */
export function layoutNote(headerLine: number, above: TextRecord[], below: TextRecord[], unit: "line" | "row" = "line"): string | null {
  if (!above.length && !below.length) return null;
  const linesText = (n: number) => `${COUNT.format(n)} ${unit}${n === 1 ? "" : "s"}`;
  const parts = [above.length ? `${linesText(above.length)} above the header` : "", below.length ? `${above.length ? COUNT.format(below.length) : linesText(below.length)} below the data` : ""].filter(Boolean);
  const quote = (records: TextRecord[]) => records.slice(0, 3).map((r) => `“${recordText(r)}”`).join(", ") + (records.length > 3 ? ", …" : "");
  const shown = [above.length ? `above: ${quote(above)}` : "", below.length ? `below: ${quote(below)}` : ""].filter(Boolean).join("; ");
  return `Left out ${parts.join(" and ")} (${shown}). The column names are on ${unit} ${headerLine}; set another header ${unit} if that is wrong.`;
}

/**
 * The share of the progress bar for the passes over the file's bytes before DuckDB reads it: checked
 * or re-encoded at about 200 MB/s, they take a tenth or less of a load, whose rows DuckDB then reads.
 */
const PREPARING = 0.05;

/** Reports a load's progress only forwards, and only when it has moved a percent: a bar that never stalls, and no redraw for each batch. */
function forwards(onProgress: ReadOptions["onProgress"]): (fraction: number) => void {
  let shown = -1;
  return (fraction) => {
    if (fraction < shown + 0.01) return;
    shown = fraction;
    onProgress?.(fraction);
  };
}

export async function readCsv(Arrow: Arrow, database: ReaderDatabase, {file, format, overrides, choices, onProgress}: ReadOptions): Promise<ReadResult> {
  const report = forwards(onProgress);
  const prepared = await prepareCsv(file, file.name, format === "tsv", choices, (fraction) => report(PREPARING * fraction));
  const lineOffset = prepared.headerLine - 1;
  const path = `analyst-file-${++registered}.csv`;
  await database.registerFileHandle(path, prepared.blob, BROWSER_FILEREADER, true);
  const conn = await database.connect();
  // The reader is given only the table, header first. With nothing left out above it and no line chosen,
  // DuckDB still decides whether the first line is a header at all (a file of bare rows has none).
  const headerKnown = prepared.headerLine > 1 || choices?.headerLine !== undefined;
  const options = [quoteString(path), `delim = ${quoteString(prepared.delimiter)}`, ...(headerKnown ? ["header = true"] : [])];
  try {
    const [sniffed] = await firstRows(
      conn,
      `SELECT array_to_string(list_transform(Columns, c -> replace(c.name, chr(31), '')), chr(31)) AS names, DateFormat, TimestampFormat FROM sniff_csv(${options.join(", ")})`
    );
    const names = String(sniffed?.names ?? "").split("\u001f");
    const dateFormat = dayFirst(textOrNull(sniffed?.DateFormat));
    const timestampFormat = dayFirst(textOrNull(sniffed?.TimestampFormat));
    if (dateFormat) options.push(`dateformat = ${quoteString(dateFormat)}`);
    if (timestampFormat) options.push(`timestampformat = ${quoteString(timestampFormat)}`);
    // Numbers as written, and every column whose type the analyst chose, are read as text and converted once loaded.
    const asText = new Set([...prepared.writtenNumberColumns.flatMap((c) => names[c] || []), ...Object.keys(overrides)]);
    if (asText.size) options.push(`types = {${[...asText].map((column) => `${quoteString(column)}: 'VARCHAR'`).join(", ")}}`);
  } catch (error) {
    await conn.close();
    await database.dropFile(path).catch(() => undefined);
    throw duckdbFileError(file.name, error, lineOffset);
  }
  const estimated = await estimateRows(prepared.blob);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      const stream = await conn.send(`SELECT * FROM read_csv(${options.join(", ")})`);
      let batches: ArrowModule.RecordBatch[] = [];
      let pending = 0;
      let read = 0;
      let sent = false;
      for await (const batch of stream) {
        batches.push(batch);
        pending += batch.numRows;
        read += batch.numRows;
        // Rows read of the rows the file's length suggests: the bar moves with the bytes DuckDB has read.
        report(PREPARING + (0.99 - PREPARING) * Math.min(1, read / estimated));
        if (pending >= CHUNK_ROWS) {
          yield Arrow.tableToIPC(new Arrow.Table(batches), "stream");
          sent = true;
          batches = [];
          pending = 0;
        }
      }
      if (batches.length) yield Arrow.tableToIPC(new Arrow.Table(batches), "stream");
      else if (!sent && stream.schema) yield Arrow.tableToIPC(new Arrow.Table(stream.schema), "stream");
    } catch (error) {
      throw duckdbFileError(file.name, error, lineOffset);
    } finally {
      await conn.close();
      await database.dropFile(path).catch(() => undefined);
    }
  }
  const notes = [
    `Characters read as ${encodingLabel(prepared.encoding)}${prepared.encoding === prepared.detectedEncoding ? " (detected)" : ` (your choice; detected: ${encodingLabel(prepared.detectedEncoding)})`}.`,
    layoutNote(prepared.headerLine, prepared.above, prepared.below)
  ].filter((n): n is string => n !== null);
  return {
    chunks: chunks(),
    casts: overrides,
    notes,
    text: {encoding: prepared.encoding, detectedEncoding: prepared.detectedEncoding, headerLine: prepared.headerLine},
    numberStyle: prepared.numberStyle
  };
}

/**
 * DuckDB's message about a file in the analyst's terms: the file's own name
 * (not the reader's), the file's line (the reader saw the table without the
 * lines above it), and none of DuckDB's advice on reader options, which the
 * page does not offer.
 */
export function duckdbFileError(fileName: string, error: unknown, lineOffset = 0): FileError {
  if (error instanceof FileError) return error;
  const message = (error instanceof Error ? error.message : String(error))
    .replace(/^Error:\s*/, "")
    .replace(/analyst-file-\d+\.\w+/g, fileName);
  const readerLine = lineOf(message);
  const line = readerLine === null ? null : readerLine + lineOffset;
  if (/invalid unicode|invalid utf-?8|not utf-?8/i.test(message)) {
    return new FileError(fileName, "this line has characters that are not UTF-8, so the file is in another encoding. Choose its encoding under “Your files” (Excel on Windows writes Windows-1252) and it is read again.", line);
  }
  const short = message
    .split("\n")
    .filter((text) => text.trim() && !/^\s*(Possible (fixes|Solution)|\* |  \* |Parser options|Original Line|  file =|  delimiter|  quote|  escape|  new_line|  header|  skip_rows|  comment|  date_format|  timestamp_format|  null_padding|  sample_size|  ignore_errors|  all_varchar|  strict_mode|  encoding)/i.test(text))
    .map((text) => text.replace(/\b(ignore_errors|null_padding|strict_mode|all_varchar|store_rejects|max_line_size|sample_size|auto_detect)\b[^.;\n]*/gi, "").replace(/\bLine:?\s*\d+/gi, "").trim())
    .filter(Boolean)
    .slice(0, 3)
    .join("\n");
  return new FileError(fileName, `${short || "DuckDB could not read this file"}. Check the file in a text editor, or save it again from the spreadsheet as “CSV UTF-8”.`, line);
}

// ---- JSON ----

/** The records of a JSON file: a top-level array of objects, or one object per line (NDJSON). */
export function jsonRecords(fileName: string, text: string): JsonRecord[] {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new FileError(fileName, "this file is empty: it has no lines, so no table was made.");
  let parsed: JsonValue;
  try {
    parsed = parseJsonExact(body);
  } catch (whole) {
    // Not one JSON value: perhaps one per line.
    const lines = body.split(/\r?\n/);
    if (lines.filter((l) => l.trim()).length < 2) throw jsonError(fileName, body, whole);
    parsed = lines.flatMap((line, i) => {
      if (!line.trim()) return [];
      try {
        return [parseJsonExact(line)];
      } catch {
        // Which failed, the file as a whole or this line? If the first line parses, it is NDJSON with a bad line.
        if (i === 0) throw jsonError(fileName, body, whole);
        throw new FileError(fileName, "this line is not valid JSON.", i + 1);
      }
    });
  }
  if (isRecordList(parsed)) return parsed;
  if (isJsonRecord(parsed)) {
    // A wrapper such as {"data": [...]}: the one array of objects inside it.
    const [array, ...others] = Object.values(parsed).filter((v): v is JsonRecord[] => isRecordList(v) && v.length > 0);
    if (array !== undefined && others.length === 0) return array;
  }
  throw new FileError(fileName, "this JSON is not a table: expected an array of objects (one per row), or one object per line.");
}

type JsonRecord = {[key: string]: JsonValue};

function isJsonRecord(value: JsonValue): value is JsonRecord {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isRecordList(value: JsonValue): value is JsonRecord[] {
  return Array.isArray(value) && value.every(isJsonRecord);
}

function jsonError(fileName: string, text: string, error: unknown): FileError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const line = /line (\d+)/.exec(message);
  return new FileError(fileName, `not valid JSON (${message.replace(/ \(line \d+ column \d+\)/, "")}).`, line ? Number(line[1]) : position ? lineAtOffset(text, Number(position[1])) : null);
}

export {recordsToArrow};

export async function readJson(Arrow: Arrow, {file, overrides, onProgress}: ReadOptions): Promise<ReadResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const {encoding} = detectEncoding(bytes.subarray(0, 65536));
  if (looksBinary(bytes.subarray(0, 8192), encoding)) throw new FileError(file.name, "this is not a text file, so it cannot be read as JSON.");
  onProgress?.(0.5);
  const table = recordsToArrow(Arrow, jsonRecords(file.name, new TextDecoder(encoding).decode(bytes)));
  if (!table.numCols) throw new FileError(file.name, "this JSON has no rows with fields in them, so no table was made.");
  return {chunks: once(Arrow.tableToIPC(table, "stream")), casts: overrides};
}

async function* once(chunk: Uint8Array): AsyncGenerator<Uint8Array> {
  yield chunk;
}

// ---- Arrow ----

export async function readArrow(Arrow: Arrow, {file, overrides}: ReadOptions): Promise<ReadResult> {
  let table: ArrowModule.Table;
  try {
    table = Arrow.tableFromIPC(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    throw new FileError(file.name, `not a readable Arrow IPC file (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!table.numCols) throw new FileError(file.name, "this Arrow file has no columns.");
  return {chunks: once(Arrow.tableToIPC(table, "stream")), casts: overrides};
}

// ---- Parquet ----

type SchemaElement = HyparquetModule.SchemaElement;
interface SchemaNode {
  element: SchemaElement;
  children: SchemaNode[];
}

/** How a top-level column's values are carried exactly, past what hyparquet's conversions keep. */
type Exact = {kind: "decimal"; scale: number} | {kind: "timestamp"; unit: "MILLIS" | "MICROS" | "NANOS"} | null;

function logicalOf(element: SchemaElement): string | undefined {
  return element.logical_type?.type ?? element.converted_type;
}

/** A DECIMAL or TIMESTAMP column at the top level, which is read from its stored integers rather than as a double or a Date. */
function exactOf(node: SchemaNode): Exact {
  const {element} = node;
  if (node.children.length || element.repetition_type === "REPEATED") return null;
  const logical = logicalOf(element);
  if (logical === "DECIMAL" && element.type !== "BYTE_ARRAY") return {kind: "decimal", scale: element.scale ?? 0};
  if (logical === "TIMESTAMP_MILLIS") return {kind: "timestamp", unit: "MILLIS"};
  if (logical === "TIMESTAMP_MICROS") return {kind: "timestamp", unit: "MICROS"};
  // Only the logical type says TIMESTAMP without a unit in its name, and it carries the unit.
  if (element.logical_type?.type === "TIMESTAMP") {
    const {unit} = element.logical_type;
    return {kind: "timestamp", unit: unit === "NANOS" ? "NANOS" : unit === "MICROS" ? "MICROS" : "MILLIS"};
  }
  if (element.type === "INT96") return {kind: "timestamp", unit: "NANOS"};
  return null;
}

/** The Arrow type of a Parquet leaf, from its physical and logical types. */
function leafType(Arrow: Arrow, element: SchemaElement, exact: Exact): ArrowModule.DataType {
  if (exact?.kind === "decimal") return new Arrow.Decimal(exact.scale, Math.min(38, Math.max(element.precision ?? 38, exact.scale + 1)), 128);
  if (exact?.kind === "timestamp") return exact.unit === "NANOS" ? new Arrow.TimestampNanosecond() : new Arrow.TimestampMicrosecond();
  // Inside a nested column, a timestamp keeps the unit it was stored in.
  const stored = exactOf({element, children: []});
  if (stored?.kind === "timestamp") return stored.unit === "NANOS" ? new Arrow.TimestampNanosecond() : stored.unit === "MICROS" ? new Arrow.TimestampMicrosecond() : new Arrow.TimestampMillisecond();
  const logical = logicalOf(element);
  switch (element.type) {
    case "BOOLEAN":
      return new Arrow.Bool();
    case "INT32":
      if (logical === "DATE") return new Arrow.DateDay();
      if (logical === "DECIMAL") return new Arrow.Float64();
      return element.converted_type === "UINT_32" ? new Arrow.Int64() : new Arrow.Int32();
    case "INT64":
      if (logical === "TIMESTAMP" || logical === "TIMESTAMP_MILLIS" || logical === "TIMESTAMP_MICROS") return new Arrow.TimestampMillisecond();
      if (logical === "DECIMAL") return new Arrow.Float64();
      return element.converted_type === "UINT_64" ? new Arrow.Utf8() : new Arrow.Int64();
    case "INT96":
      return new Arrow.TimestampMillisecond();
    case "FLOAT":
    case "DOUBLE":
      return new Arrow.Float64();
    case "FIXED_LEN_BYTE_ARRAY":
      return logical === "DECIMAL" ? new Arrow.Float64() : new Arrow.Utf8();
    default:
      return new Arrow.Utf8();
  }
}

/**
 * The Arrow type of a Parquet column, nested ones included: a LIST becomes a
 * List, a group a Struct, so that DuckDB has them as LIST and STRUCT. A MAP
 * goes as JSON text.
 */
function parquetArrowType(Arrow: Arrow, node: SchemaNode, top: boolean): ArrowModule.DataType {
  const {element, children} = node;
  const logical = logicalOf(element);
  if (!children.length) {
    const leaf = leafType(Arrow, element, top ? exactOf(node) : null);
    return element.repetition_type === "REPEATED" && !top ? leaf : element.repetition_type === "REPEATED" ? new Arrow.List(new Arrow.Field("item", leaf, true)) : leaf;
  }
  if (logical === "LIST") {
    // A LIST is a group holding one repeated group (of one element, or of the item's own fields).
    const repeated = at(children, 0, `the LIST column '${element.name}'`);
    const item = repeated.children.length === 1 ? at(repeated.children, 0, `the LIST column '${element.name}'`) : repeated;
    const itemType = item === repeated && !repeated.children.length ? leafType(Arrow, repeated.element, null) : parquetArrowType(Arrow, item, false);
    return new Arrow.List(new Arrow.Field("item", itemType, true));
  }
  if (logical === "MAP" || logical === "MAP_KEY_VALUE") return new Arrow.Utf8();
  const struct = new Arrow.Struct(children.map((child) => new Arrow.Field(child.element.name, parquetArrowType(Arrow, child, false), true)));
  return element.repetition_type === "REPEATED" && top ? new Arrow.List(new Arrow.Field("item", struct, true)) : struct;
}

/** A stored DECIMAL's unscaled integer: a number, a bigint, or big-endian two's complement bytes. */
export function unscaledDecimal(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return BigInt(value);
  if (!(value instanceof Uint8Array)) throw new Error(`a DECIMAL stored as ${typeof value}, not as an integer or bytes`);
  const bytes = value;
  let n = 0n;
  for (const byte of bytes) n = (n << 8n) | BigInt(byte);
  const [sign = 0] = bytes;
  return sign & 0x80 ? n - (1n << BigInt(8 * bytes.length)) : n;
}

/** An Arrow column of 64-bit timestamps or 128-bit decimals built from exact integers, with no conversion through doubles. */
export function exactVector(Arrow: Arrow, type: ArrowModule.DataType, values: (bigint | null)[]): ArrowModule.Vector {
  const length = values.length;
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value === null) return void ++nullCount;
    nullBitmap[i >> 3] = at(nullBitmap, i >> 3, "the null bitmap") | (1 << (i & 7));
  });
  if (Arrow.DataType.isDecimal(type)) {
    // Each value as four 32-bit words, least significant first, in two's complement.
    const data = new Uint32Array(4 * length);
    values.forEach((value, i) => {
      if (value === null) return;
      const word = value < 0n ? (1n << 128n) + value : value;
      for (let k = 0; k < 4; ++k) data[4 * i + k] = Number((word >> BigInt(32 * k)) & 0xffffffffn);
    });
    return Arrow.makeVector(Arrow.makeData({type, length, nullCount, nullBitmap, data}));
  }
  if (Arrow.DataType.isTimestamp(type)) {
    const data = BigInt64Array.from(values, (value) => value ?? 0n);
    return Arrow.makeVector(Arrow.makeData({type, length, nullCount, nullBitmap, data}));
  }
  throw new Error(`exact values are built for decimals and timestamps, not ${type}`);
}

function exactValue(value: unknown, exact: NonNullable<Exact>): bigint | null {
  if (value === null || value === undefined) return null;
  if (exact.kind === "decimal") return unscaledDecimal(value);
  const n = bigIntOf(value);
  return exact.unit === "MILLIS" ? n * 1000n : n;
}

/** The file as hyparquet reads it: slices on demand, so a large file is never held whole. */
function asyncBuffer(file: Blob): HyparquetModule.AsyncBuffer {
  return {byteLength: file.size, slice: (start, end) => file.slice(start, end).arrayBuffer()};
}

/** Timestamps as the integers stored, so that microseconds and nanoseconds survive; dates stay Dates. */
const EXACT_PARSERS = {
  timestampFromMilliseconds: (millis: bigint) => millis,
  timestampFromMicroseconds: (micros: bigint) => micros,
  timestampFromNanoseconds: (nanos: bigint) => nanos
};

/** Nested values from hyparquet with timestamps as stored integers: as the milliseconds Arrow's builders take. */
function nestedValue(value: unknown): unknown {
  if (typeof value === "bigint") return value;
  if (Array.isArray(value)) return value.map(nestedValue);
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nestedValue(v)]));
  return value;
}

export async function readParquet(
  Arrow: Arrow,
  hyparquet: Hyparquet,
  compressors: HyparquetModule.Compressors | undefined,
  {file, overrides, onProgress}: ReadOptions
): Promise<ReadResult> {
  const buffer = asyncBuffer(file);
  let metadata: HyparquetModule.FileMetaData;
  try {
    metadata = await hyparquet.parquetMetadataAsync(buffer);
  } catch (error) {
    throw new FileError(file.name, `not a readable Parquet file (${error instanceof Error ? error.message : String(error)}).`);
  }
  const schema: SchemaNode = hyparquet.parquetSchema(metadata);
  const fields = schema.children.map((child) => {
    const exact = exactOf(child);
    return {name: child.element.name, exact, type: parquetArrowType(Arrow, child, true)};
  });
  if (!fields.length) throw new FileError(file.name, "this Parquet file has no columns.");
  // DECIMAL columns are read as their stored integers (hyparquet would make doubles of them): their annotation is set aside.
  const exactDecimals = new Set(fields.filter((f) => f.exact?.kind === "decimal").map((f) => f.name));
  const readMetadata = exactDecimals.size
    ? {...metadata, schema: metadata.schema.map((e, i) => (i > 0 && exactDecimals.has(e.name) && !e.num_children ? {...e, converted_type: undefined, logical_type: undefined} : e))}
    : metadata;
  const total = Number(metadata.num_rows);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let rowStart = 0;
    // One row group at a time, so that only one is decoded in memory at once.
    const groups = metadata.row_groups.length ? metadata.row_groups : [{num_rows: 0n}];
    for (const group of groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      let rows: unknown[][] = [];
      try {
        await hyparquet.parquetRead({file: buffer, metadata: readMetadata, compressors, rowStart, rowEnd, rowFormat: "array", parsers: EXACT_PARSERS, onComplete: (read: unknown[][]) => (rows = read)});
      } catch (error) {
        throw new FileError(file.name, `a part of this Parquet file cannot be read (${error instanceof Error ? error.message : String(error)}).`);
      }
      const columns = Object.fromEntries(
        fields.map(({name, exact, type}, c) => [
          name,
          exact
            ? exactVector(Arrow, type, rows.map((row) => exactValue(row[c], exact)))
            : Arrow.vectorFromArray(rows.map((row) => parquetValue(Arrow, row[c], type)), type)
        ])
      );
      yield Arrow.tableToIPC(new Arrow.Table(columns), "stream");
      rowStart = rowEnd;
      onProgress?.(total ? Math.min(0.99, rowStart / total) : null);
    }
  }
  return {chunks: chunks(), casts: overrides};
}

/** A value hyparquet decoded, for Arrow's builder of `type` (timestamps in nested columns arrive as stored integers). */
function parquetValue(Arrow: Arrow, value: unknown, type: ArrowModule.DataType): unknown {
  if (value === null || value === undefined) return null;
  // Arrow's timestamp builders take milliseconds.
  if (Arrow.DataType.isTimestamp(type)) return typeof value === "bigint" ? Number(value) / (type.unit === Arrow.TimeUnit.NANOSECOND ? 1e6 : type.unit === Arrow.TimeUnit.MICROSECOND ? 1000 : 1) : value instanceof Date ? value.getTime() : value;
  if (Arrow.DataType.isDate(type)) return value instanceof Date ? value : new Date(Number(value));
  if (Arrow.DataType.isStruct(type)) {
    const record = structValue(value);
    return Object.fromEntries(type.children.map((field) => [field.name, parquetValue(Arrow, record[field.name], field.type)]));
  }
  if (Arrow.DataType.isList(type)) {
    return listValue(value).map((v) => parquetValue(Arrow, v, at(type.children, 0, "a list type's children").type));
  }
  return toArrowValue(Arrow, nestedValue(value), type);
}

// ---- Excel ----

export async function readExcel(Arrow: Arrow, readXlsx: ReadXlsx, {file, overrides, choices, sheet}: ReadOptions): Promise<ReadResult> {
  const sheets = await readWorkbook(readXlsx, file, file.name);
  const chosen = sheets.find((s) => s.name === sheet) ?? (sheet === undefined ? sheets[0] : undefined);
  if (!chosen) throw new FileError(file.name, sheet === undefined ? "every sheet of this workbook is empty, so no table was made." : `this workbook has no sheet “${sheet}” any more.`);
  const {table, headerLine, above, below} = sheetToArrow(Arrow, chosen, file.name, choices?.headerLine);
  const note = layoutNote(headerLine, above, below, "row");
  return {
    chunks: once(Arrow.tableToIPC(table, "stream")),
    casts: overrides,
    notes: [`From the sheet “${chosen.name}”.`, ...(note ? [note] : [])],
    text: {encoding: "utf-8", detectedEncoding: "utf-8", headerLine}
  };
}

/** The sheets of a workbook that hold anything, by name. */
export async function sheetNames(readXlsx: ReadXlsx, file: Blob, fileName: string): Promise<string[]> {
  return (await readWorkbook(readXlsx, file, fileName)).map((s) => s.name);
}
