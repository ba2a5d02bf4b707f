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
import type * as ArrowModule from "apache-arrow";
import type * as HyparquetModule from "hyparquet";
import {dayFirst, headerDelimiter, lineAtOffset, lineOf, raggedLine, type FileFormat} from "./file-formats.js";
import {quoteIdentifier, quoteString} from "./sql-identifiers.js";

export type Arrow = typeof ArrowModule;
export type Hyparquet = typeof HyparquetModule;

/** An error about the file itself, for the analyst: it names the file, and the line when known. */
export class FileError extends Error {
  constructor(readonly fileName: string, readonly detail: string, readonly line: number | null = null) {
    super(`${fileName}${line ? `, line ${line}` : ""}: ${detail}`);
    this.name = "FileError";
  }
}

/** Column name → DuckDB type the analyst chose instead of the detected one. */
export type TypeOverrides = Record<string, string>;

export interface ReadOptions {
  file: Blob & {name: string};
  format: FileFormat;
  overrides: TypeOverrides;
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
}

/** Rows handed to DuckDB at a time: big enough that each insert's overhead is small, small enough to stream. */
export const CHUNK_ROWS = 200_000;

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

function isBinary(head: Uint8Array): boolean {
  return head.includes(0);
}

let registered = 0;
/** How much of a file is searched for its malformed line (the sniffer's sample is about this much). */
const RAGGED_SCAN_BYTES = 8 * 2 ** 20;

export async function readCsv(Arrow: Arrow, database: ReaderDatabase, {file, format, overrides, onProgress}: ReadOptions): Promise<ReadResult> {
  if (isBinary(new Uint8Array(await file.slice(0, 8192).arrayBuffer()))) throw new FileError(file.name, "this is not a text file, so it cannot be read as CSV.");
  const path = `analyst-file-${++registered}.${format}`;
  await database.registerFileHandle(path, file, BROWSER_FILEREADER, true);
  const conn = await database.connect();
  const base = [quoteString(path), ...(format === "tsv" ? ["delim = '\\t'"] : [])];
  const options = [...base];
  const sniffSql = (opts: string[]) => `SELECT len(Columns) AS columns, DateFormat, TimestampFormat FROM sniff_csv(${opts.join(", ")})`;
  try {
    let [sniffed] = await firstRows(conn, sniffSql(base));
    // When rows disagree on their number of fields, DuckDB's sniffer settles for one column holding
    // whole lines. A file whose header has a delimiter is then malformed: find the line that says so.
    const head = Number(sniffed?.columns) === 1 ? await file.slice(0, RAGGED_SCAN_BYTES).text() : "";
    const delimiter = head ? headerDelimiter(head) : null;
    if (delimiter) {
      const ragged = raggedLine(head, delimiter);
      if (ragged) throw new FileError(file.name, `this row has ${ragged.fields} fields where the header has ${ragged.expected}.`, ragged.line);
      options.push(`delim = ${quoteString(delimiter)}`);
      [sniffed] = await firstRows(conn, sniffSql(options));
    }
    const dateFormat = dayFirst(sniffed?.DateFormat as string | undefined);
    const timestampFormat = dayFirst(sniffed?.TimestampFormat as string | undefined);
    if (dateFormat) options.push(`dateformat = ${quoteString(dateFormat)}`);
    if (timestampFormat) options.push(`timestampformat = ${quoteString(timestampFormat)}`);
    const types = Object.entries(overrides).map(([column, type]) => `${quoteString(column)}: ${quoteString(type)}`);
    if (types.length) options.push(`types = {${types.join(", ")}}`);
  } catch (error) {
    await conn.close();
    await database.dropFile(path).catch(() => undefined);
    throw duckdbFileError(file.name, error);
  }
  const estimated = await estimateRows(file);
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
        if (pending >= CHUNK_ROWS) {
          yield Arrow.tableToIPC(new Arrow.Table(batches), "stream");
          sent = true;
          batches = [];
          pending = 0;
          onProgress?.(Math.min(0.99, read / estimated));
        }
      }
      if (batches.length) yield Arrow.tableToIPC(new Arrow.Table(batches), "stream");
      else if (!sent && stream.schema) yield Arrow.tableToIPC(new Arrow.Table(stream.schema), "stream");
    } catch (error) {
      throw duckdbFileError(file.name, error);
    } finally {
      await conn.close();
      await database.dropFile(path).catch(() => undefined);
    }
  }
  return {chunks: chunks(), casts: {}};
}

/** DuckDB's message about a file, without its internal file name, with the line it names. */
function duckdbFileError(fileName: string, error: unknown): FileError {
  if (error instanceof FileError) return error;
  const message = (error instanceof Error ? error.message : String(error))
    .replace(/^Error:\s*/, "")
    .replace(/analyst-file-\d+\.\w+/g, fileName);
  // DuckDB adds its advice on reader options, which the analyst cannot pass here; the first lines say what is wrong.
  const short = message.split("\n").filter((line) => line.trim() && !/^\s*(Possible fixes|\* |  \* |Parser options|  file =|  delimiter|  quote|  escape|  new_line|  header|  skip_rows|  comment|  date_format|  timestamp_format|  null_padding|  sample_size|  ignore_errors|  all_varchar|  strict_mode)/.test(line)).slice(0, 4).join("\n");
  return new FileError(fileName, short, lineOf(message));
}

// ---- JSON ----

/** The records of a JSON file: a top-level array of objects, or one object per line (NDJSON). */
export function jsonRecords(fileName: string, text: string): Record<string, unknown>[] {
  const body = text.replace(/^\uFEFF/, "");
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (whole) {
    // Not one JSON value: perhaps one per line.
    const lines = body.split(/\r?\n/);
    if (lines.filter((l) => l.trim()).length < 2) throw jsonError(fileName, body, whole);
    parsed = lines.flatMap((line, i) => {
      if (!line.trim()) return [];
      try {
        return [JSON.parse(line)];
      } catch {
        // Which failed, the file as a whole or this line? If the first line parses, it is NDJSON with a bad line.
        if (i === 0) throw jsonError(fileName, body, whole);
        throw new FileError(fileName, "this line is not valid JSON.", i + 1);
      }
    });
  }
  if (Array.isArray(parsed) && parsed.every((r) => r !== null && typeof r === "object" && !Array.isArray(r))) return parsed as Record<string, unknown>[];
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    // A wrapper such as {"data": [...]}: the one array of objects inside it.
    const arrays = Object.values(parsed).filter((v) => Array.isArray(v) && v.length && v.every((r) => r !== null && typeof r === "object" && !Array.isArray(r)));
    if (arrays.length === 1) return arrays[0] as Record<string, unknown>[];
  }
  throw new FileError(fileName, "this JSON is not a table: expected an array of objects (one per row), or one object per line.");
}

function jsonError(fileName: string, text: string, error: unknown): FileError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const line = /line (\d+)/.exec(message);
  return new FileError(fileName, `not valid JSON (${message.replace(/ \(line \d+ column \d+\)/, "")}).`, line ? Number(line[1]) : position ? lineAtOffset(text, Number(position[1])) : null);
}

/** Columns of JSON records as Arrow vectors: numbers, booleans and text as they are, anything nested as JSON text. */
export function recordsToArrow(Arrow: Arrow, records: Record<string, unknown>[]): ArrowModule.Table {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) if (!seen.has(key)) seen.add(key), names.push(key);
  const columns: Record<string, ArrowModule.Vector> = {};
  for (const name of names) {
    const values = records.map((r) => (r[name] === undefined ? null : r[name]));
    const present = values.filter((v) => v !== null);
    if (present.length && present.every((v) => typeof v === "boolean")) columns[name] = Arrow.vectorFromArray(values, new Arrow.Bool());
    else if (present.length && present.every((v) => typeof v === "number")) {
      const whole = present.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31);
      columns[name] = Arrow.vectorFromArray(values, whole ? new Arrow.Int32() : new Arrow.Float64());
    } else columns[name] = Arrow.vectorFromArray(values.map((v) => (v === null ? null : typeof v === "string" ? v : JSON.stringify(v))), new Arrow.Utf8());
  }
  return new Arrow.Table(columns);
}

export async function readJson(Arrow: Arrow, {file, overrides, onProgress}: ReadOptions): Promise<ReadResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isBinary(bytes.subarray(0, 8192))) throw new FileError(file.name, "this is not a text file, so it cannot be read as JSON.");
  onProgress?.(0.5);
  const table = recordsToArrow(Arrow, jsonRecords(file.name, new TextDecoder().decode(bytes)));
  if (!table.numCols) throw new FileError(file.name, "this JSON has no rows with fields in them.");
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

/** The Arrow type a Parquet column becomes, from its physical and logical types; the rest go as text. */
function arrowTypeFor(Arrow: Arrow, element: SchemaElement, nested: boolean): ArrowModule.DataType {
  if (nested) return new Arrow.Utf8();
  const logical = element.logical_type?.type ?? element.converted_type;
  switch (element.type) {
    case "BOOLEAN":
      return new Arrow.Bool();
    case "INT32":
      if (logical === "DATE") return new Arrow.DateDay();
      if (logical === "DECIMAL") return new Arrow.Float64();
      return element.converted_type === "UINT_32" ? new Arrow.Float64() : new Arrow.Int32();
    case "INT64":
      if (logical === "TIMESTAMP" || logical === "TIMESTAMP_MILLIS" || logical === "TIMESTAMP_MICROS") return new Arrow.TimestampMillisecond();
      if (logical === "DECIMAL") return new Arrow.Float64();
      return new Arrow.Int64();
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

function arrowValue(value: unknown, type: ArrowModule.DataType, Arrow: Arrow): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Arrow.DataType.isDate(type) ? value : value.getTime();
  if (Arrow.DataType.isUtf8(type)) return typeof value === "string" ? value : JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
  if (Arrow.DataType.isFloat(type) || (Arrow.DataType.isInt(type) && type.bitWidth < 64)) return Number(value);
  if (Arrow.DataType.isInt(type)) return BigInt(value as number | bigint);
  return value;
}

/** The file as hyparquet reads it: slices on demand, so a large file is never held whole. */
function asyncBuffer(file: Blob): HyparquetModule.AsyncBuffer {
  return {byteLength: file.size, slice: (start, end) => file.slice(start, end).arrayBuffer()};
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
  const schema = hyparquet.parquetSchema(metadata);
  const fields = schema.children.map((child) => ({
    name: child.element.name,
    type: arrowTypeFor(Arrow, child.element, child.children.length > 0)
  }));
  if (!fields.length) throw new FileError(file.name, "this Parquet file has no columns.");
  const total = Number(metadata.num_rows);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let rowStart = 0;
    // One row group at a time, so that only one is decoded in memory at once.
    const groups = metadata.row_groups.length ? metadata.row_groups : [{num_rows: 0n}];
    for (const group of groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      let rows: unknown[][] = [];
      try {
        await hyparquet.parquetRead({file: buffer, metadata, compressors, rowStart, rowEnd, rowFormat: "array", onComplete: (read: unknown[][]) => (rows = read)});
      } catch (error) {
        throw new FileError(file.name, `a part of this Parquet file cannot be read (${error instanceof Error ? error.message : String(error)}).`);
      }
      const columns = Object.fromEntries(fields.map((field, c) => [field.name, Arrow.vectorFromArray(rows.map((row) => arrowValue(row[c], field.type, Arrow)), field.type)]));
      yield Arrow.tableToIPC(new Arrow.Table(columns), "stream");
      rowStart = rowEnd;
      onProgress?.(total ? Math.min(0.99, rowStart / total) : null);
    }
  }
  return {chunks: chunks(), casts: overrides};
}

/** The SQL that applies casts to a loaded table (CAST, not TRY_CAST: a value that does not fit is an error, not a silent NULL). */
export function castTableSql(table: string, casts: TypeOverrides): string | null {
  const entries = Object.entries(casts);
  if (!entries.length) return null;
  const replaced = entries.map(([column, type]) => {
    const c = quoteIdentifier(column);
    // Text dates are read the British way (day first), as in CSV files; ISO dates as they are.
    const value = type === "DATE" ? `CASE WHEN ${c}::VARCHAR ~ '^\\d{1,2}/\\d{1,2}/\\d{4}$' THEN strptime(${c}::VARCHAR, '%d/%m/%Y')::DATE ELSE CAST(${c} AS DATE) END` : `CAST(${c} AS ${type})`;
    return `${value} AS ${c}`;
  });
  return `CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS SELECT * REPLACE (${replaced.join(", ")}) FROM ${quoteIdentifier(table)}`;
}
