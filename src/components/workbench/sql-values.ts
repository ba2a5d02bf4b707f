/**
 * Values of a query result, from DuckDB-WASM's Arrow batches to what the SQL
 * workbench shows and exports. Arrow hands some values over in forms that
 * read wrongly if printed as they are: a HUGEINT (what `sum()` of integers
 * returns) arrives as four 32-bit words and prints as "10306,0,0,0"; a
 * DECIMAL arrives unscaled (1.50 as 150); a DATE arrives as milliseconds. Each
 * value is converted once, by its column's Arrow type, into a plain value:
 * exact integers stay exact as BigInt, dates become ISO text.
 *
 * This module has no DOM and no DuckDB in it, so that it can be tested in Node.
 */
import {at} from "../../lib/story/checked-lookups.js";

/** Arrow's type ids (apache-arrow `Type`), stable across its versions. */
export const ARROW_TYPE = {
  Dictionary: -1,
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  Interval: 11,
  List: 12,
  Struct: 13,
  Union: 14,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  Duration: 18,
  LargeBinary: 19,
  LargeUtf8: 20
} as const;

/** The parts of an Arrow DataType this module reads (duck-typed, so no copy of Arrow is bundled here). */
export interface ArrowTypeLike {
  typeId: number;
  bitWidth?: number;
  /** For an Int: false for an unsigned one. */
  isSigned?: boolean;
  /** For a Float, its precision (0 half, 1 single, 2 double); for a Decimal, its digits. */
  precision?: number;
  scale?: number;
  /** DateUnit (0 day, 1 millisecond) or TimeUnit (0 s, 1 ms, 2 µs, 3 ns). */
  unit?: number;
  children?: {name: string; type: ArrowTypeLike}[];
  /** For a Dictionary (how DuckDB sends an ENUM): the type of its values. */
  dictionary?: ArrowTypeLike;
  toString?(): string;
}

/** How a column's values are shown, sorted, charted and exported. */
export type ColumnKind =
  | "integer" // fits a JS number exactly (TINYINT … INTEGER)
  | "bigint" // BIGINT, HUGEINT, DECIMAL(p, 0): kept exact as BigInt
  | "number" // DOUBLE, REAL, DECIMAL(p, s > 0)
  | "boolean"
  | "date" // ISO text YYYY-MM-DD
  | "timestamp" // ISO text YYYY-MM-DD HH:MM:SS[.mmm], UTC
  | "time" // HH:MM:SS[.ffffff]
  | "string"
  | "binary"
  | "list"
  | "struct"
  | "unsupported" // INTERVAL: Arrow's JS reader decodes it wrongly, so it is not shown (nor is a streamed ENUM: see cellAt)
  | "other";

export type Cell = null | boolean | number | bigint | string | Cell[] | {[key: string]: Cell};

/** A value the workbench will not show because it cannot show it correctly. */
export const UNSHOWN = "\u0000unshown";

export interface ResultColumn {
  name: string;
  kind: ColumnKind;
  /** DuckDB's name for the type, shown under the column name. */
  typeName: string;
}

export function isNumericKind(kind: ColumnKind): boolean {
  return kind === "integer" || kind === "bigint" || kind === "number";
}

export function columnKind(type: ArrowTypeLike): ColumnKind {
  // Arrow decodes a dictionary as it reads it: its values are of the dictionary's type.
  if (type.typeId === ARROW_TYPE.Dictionary && type.dictionary) return columnKind(type.dictionary);
  switch (type.typeId) {
    case ARROW_TYPE.Int:
      return (type.bitWidth ?? 32) > 32 ? "bigint" : "integer";
    case ARROW_TYPE.Float:
      return "number";
    case ARROW_TYPE.Decimal:
      return (type.scale ?? 0) === 0 ? "bigint" : "number";
    case ARROW_TYPE.Bool:
      return "boolean";
    case ARROW_TYPE.Date:
      // DuckDB sends DATE as Date32<DAY>; with castTimestampToDate, TIMESTAMP as Date64<MILLISECOND>.
      return type.unit === 0 ? "date" : "timestamp";
    case ARROW_TYPE.Timestamp:
      return "timestamp";
    case ARROW_TYPE.Time:
      return "time";
    case ARROW_TYPE.Utf8:
    case ARROW_TYPE.LargeUtf8:
      return "string";
    case ARROW_TYPE.Binary:
    case ARROW_TYPE.LargeBinary:
    case ARROW_TYPE.FixedSizeBinary:
      return "binary";
    case ARROW_TYPE.List:
    case ARROW_TYPE.FixedSizeList:
      return "list";
    case ARROW_TYPE.Struct:
    case ARROW_TYPE.Map:
      return "struct";
    case ARROW_TYPE.Interval:
    case ARROW_TYPE.Duration:
      return "unsupported";
    default:
      return "other";
  }
}

const INT_NAMES: Record<string, string> = {
  "8": "TINYINT", "16": "SMALLINT", "32": "INTEGER", "64": "BIGINT",
  "u8": "UTINYINT", "u16": "USMALLINT", "u32": "UINTEGER", "u64": "UBIGINT"
};

/**
 * The column's type in DuckDB's words (what a query casts to), read back from
 * the Arrow type it arrived as. HUGEINT and DECIMAL(38,0) arrive alike, so
 * both read DECIMAL(38,0).
 */
export function sqlTypeName(type: ArrowTypeLike): string {
  switch (type.typeId) {
    case ARROW_TYPE.Dictionary:
      return type.dictionary && columnKind(type.dictionary) === "string" ? "ENUM" : String(type);
    case ARROW_TYPE.Int:
      return INT_NAMES[`${type.isSigned === false ? "u" : ""}${type.bitWidth ?? 32}`] ?? "INTEGER";
    case ARROW_TYPE.Float:
      return type.precision === 1 ? "FLOAT" : "DOUBLE";
    case ARROW_TYPE.Decimal:
      return `DECIMAL(${type.precision ?? 38},${type.scale ?? 0})`;
    case ARROW_TYPE.Bool:
      return "BOOLEAN";
    case ARROW_TYPE.Date:
      return type.unit === 0 ? "DATE" : "TIMESTAMP";
    case ARROW_TYPE.Timestamp:
      return "TIMESTAMP";
    case ARROW_TYPE.Time:
      return "TIME";
    case ARROW_TYPE.Utf8:
    case ARROW_TYPE.LargeUtf8:
      return "VARCHAR";
    case ARROW_TYPE.Binary:
    case ARROW_TYPE.LargeBinary:
    case ARROW_TYPE.FixedSizeBinary:
      return "BLOB";
    case ARROW_TYPE.List:
    case ARROW_TYPE.FixedSizeList: {
      const child = type.children?.[0]?.type;
      return `${child ? sqlTypeName(child) : "ANY"}[]`;
    }
    case ARROW_TYPE.Struct:
      return "STRUCT";
    case ARROW_TYPE.Map:
      return "MAP";
    case ARROW_TYPE.Interval:
      return "INTERVAL";
    case ARROW_TYPE.Null:
      return "NULL";
    default:
      return String(type);
  }
}

/** A two's-complement integer stored as little-endian 32-bit words (Arrow's Decimal layout). */
export function wordsToBigInt(words: ArrayLike<number>): bigint {
  let value = 0n;
  for (let i = words.length - 1; i >= 0; --i) value = (value << 32n) | BigInt(at(words, i, "a decimal's words") >>> 0);
  if (words.length && (at(words, words.length - 1, "a decimal's words") & 0x80000000) !== 0) value -= 1n << BigInt(32 * words.length);
  return value;
}

/** An unscaled decimal as exact text: (-150, 2) → "-1.50". */
export function decimalText(unscaled: bigint, scale: number): string {
  if (scale <= 0) return (unscaled * 10n ** BigInt(-scale)).toString();
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoTimestamp(ms: number): string {
  const text = new Date(ms).toISOString(); // 2016-04-28T18:30:00.000Z
  const millis = text.slice(20, 23);
  return `${text.slice(0, 10)} ${text.slice(11, 19)}${millis === "000" ? "" : `.${millis}`}`;
}

const TIME_UNITS_PER_SECOND = [1n, 1_000n, 1_000_000n, 1_000_000_000n];

/** A time of day from its count of units since midnight: 43201.5 s → "12:00:01.5". */
export function timeText(value: number | bigint, unit = 2): string {
  const perSecond = TIME_UNITS_PER_SECOND[unit] ?? 1_000_000n;
  const total = typeof value === "bigint" ? value : BigInt(Math.round(value));
  const seconds = total / perSecond;
  const fraction = total % perSecond;
  const clock = `${pad(Number(seconds / 3600n))}:${pad(Number((seconds / 60n) % 60n))}:${pad(Number(seconds % 60n))}`;
  if (fraction === 0n) return clock;
  return `${clock}.${fraction.toString().padStart(perSecond.toString().length - 1, "0").replace(/0+$/, "")}`;
}

/** Bytes the way DuckDB prints a BLOB: printable ASCII as is, anything else as \xNN. */
export function blobText(bytes: ArrayLike<number>): string {
  let text = "";
  for (let i = 0; i < bytes.length; ++i) {
    const byte = at(bytes, i, "a BLOB");
    text += byte >= 32 && byte < 127 && byte !== 92 ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return text;
}

/** An object whose fields can be read by name: a JSON object, an Arrow StructRow. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value that can be spread into a list: an array, an Arrow Vector. */
export function isIterable(value: unknown): value is Iterable<unknown> {
  return Symbol.iterator in Object(value);
}

/** Arrow's fixed-width values (a decimal's words, a BLOB's bytes) and typed arrays. */
function isNumberList(value: unknown): value is ArrayLike<number> | ArrayLike<bigint> {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/** 32-bit words or bytes, as Arrow hands over a DECIMAL or a BLOB. */
function isWords(value: unknown): value is ArrayLike<number> {
  return isNumberList(value) && !(value instanceof BigInt64Array || value instanceof BigUint64Array);
}

/** A value's own JSON form, if it has one (an Arrow Vector, a Map row), else undefined. */
function jsonOf(value: unknown): unknown {
  return isRecord(value) && typeof value.toJSON === "function" ? value.toJSON() : undefined;
}

/** An integer exactly as a BigInt: from a bigint, a number or its text (a Date as its milliseconds). */
export function bigIntOf(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return BigInt(value);
  if (value instanceof Date) return BigInt(value.getTime());
  throw new TypeError(`${String(value)} is not an integer`);
}

/** What a column of `kind` holds, checked: Arrow hands over something else only if the type was misread. */
function checked<T>(value: unknown, is: (value: unknown) => value is T, kind: string): T {
  if (!is(value)) throw new TypeError(`a ${kind} value arrived as ${Object.prototype.toString.call(value)}`);
  return value;
}

/** Anything Arrow hands over that this module has no rule for: the nearest plain value. */
function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean" || typeof value === "string") return value;
  if (ArrayBuffer.isView(value)) return isNumberList(value) ? Array.from<number | bigint>(value) : [];
  const json = jsonOf(value);
  if (Array.isArray(json)) return json.map(plain);
  if (json && typeof json === "object") return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, plain(v)]));
  if (json !== undefined && json !== value) return plain(json);
  if (isIterable(value)) return Array.from(value, plain);
  return String(value);
}

/** One value of a column of the given Arrow type, as the workbench keeps it. */
export function convertValue(value: unknown, type: ArrowTypeLike): Cell {
  if (value === null || value === undefined) return null;
  if (type.typeId === ARROW_TYPE.Dictionary && type.dictionary) return convertValue(value, type.dictionary);
  switch (columnKind(type)) {
    case "integer":
      return Number(value);
    case "bigint":
      if (type.typeId === ARROW_TYPE.Decimal) return wordsToBigInt(checked(value, isWords, "DECIMAL"));
      return bigIntOf(value);
    case "number":
      if (type.typeId === ARROW_TYPE.Decimal) return Number(decimalText(wordsToBigInt(checked(value, isWords, "DECIMAL")), type.scale ?? 0));
      return Number(value);
    case "boolean":
      return Boolean(value);
    case "date":
      return value instanceof Date ? isoDate(value.getTime()) : isoDate(Number(value));
    case "timestamp": {
      if (value instanceof Date) return isoTimestamp(value.getTime());
      // Arrow's reader gives milliseconds as a number; a raw BigInt is still in the column's own unit.
      if (typeof value === "bigint") return isoTimestamp(Number((value * 1000n) / (TIME_UNITS_PER_SECOND[type.unit ?? 1] ?? 1000n)));
      return isoTimestamp(Number(value));
    }
    case "time":
      return timeText(typeof value === "bigint" ? value : Number(value), type.unit);
    case "string":
      return String(value);
    case "binary":
      return blobText(checked(value, isWords, "BLOB"));
    case "list": {
      const child = type.children?.[0]?.type;
      return Array.from(checked(value, isIterable, "LIST"), (item) => (child ? convertValue(item, child) : plain(item)));
    }
    case "struct": {
      if (type.typeId === ARROW_TYPE.Map) {
        const entry = type.children?.[0]?.type.children?.[1]?.type;
        const json = checked(jsonOf(value), isRecord, "MAP");
        return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, entry ? convertValue(v, entry) : plain(v)]));
      }
      const row = checked(value, isRecord, "STRUCT");
      return Object.fromEntries((type.children ?? []).map((field) => [field.name, convertValue(row[field.name], field.type)]));
    }
    case "unsupported":
      return UNSHOWN;
    default:
      return plain(value);
  }
}

export interface VectorLike {
  get(index: number): unknown;
  isValid?(index: number): boolean;
}

/** The cell at one row of a result column. */
export function cellAt(vector: VectorLike, index: number, type: ArrowTypeLike): Cell {
  const value = vector.get(index);
  // DuckDB-WASM streams an ENUM column without its dictionary, so a value that
  // is there reads as null: it is marked as not shown rather than shown as NULL.
  if ((value === null || value === undefined) && type.typeId === ARROW_TYPE.Dictionary && vector.isValid?.(index)) return UNSHOWN;
  return convertValue(value, type);
}

/** A number the way an analyst reads it: no grouping (it copies cleanly), no float noise. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  // Twelve significant digits hide binary noise (0.1 + 0.2) but keep every real digit a query shows.
  return String(Number(value.toPrecision(12)));
}

function nestedText(value: Cell): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return value === UNSHOWN ? "?" : `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(nestedText).join(", ")}]`;
  if (typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `'${k}': ${nestedText(v)}`).join(", ")}}`;
  return formatCell(value);
}

/** The text of a cell; NULL is the word NULL, as in DuckDB's own shell. */
export function formatCell(value: Cell): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return value === UNSHOWN ? "cast to VARCHAR to show" : value;
  return nestedText(value);
}

const COLLATOR = new Intl.Collator("en", {numeric: true});

/** Order of two cells of one column; NULLs sort after every value, whichever the direction. */
export function compareCells(a: Cell, b: Cell): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if ((typeof a === "number" || typeof a === "bigint") && (typeof b === "number" || typeof b === "bigint")) {
    // NaN sorts after every number, as in DuckDB.
    if (typeof a === "number" && Number.isNaN(a)) return typeof b === "number" && Number.isNaN(b) ? 0 : 1;
    if (typeof b === "number" && Number.isNaN(b)) return -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (typeof a === "string" && typeof b === "string") return COLLATOR.compare(a, b);
  return COLLATOR.compare(formatCell(a), formatCell(b));
}

/** Row positions in the order a column sorts them; stable, so ties keep the query's order. */
export function sortOrder(rows: Cell[][], column: number, direction: "ascending" | "descending"): number[] {
  const sign = direction === "ascending" ? 1 : -1;
  return rows
    .map((_, i) => i)
    .sort((i, j) => {
      const a = at(at(rows, i, "the result"), column, "a result row");
      const b = at(at(rows, j, "the result"), column, "a result row");
      if (a === null || b === null) return compareCells(a, b) || i - j;
      return sign * compareCells(a, b) || i - j;
    });
}

/** A cell as a JS number for charting (BigInt values lose digits past 2^53 only on the chart). */
export function toChartNumber(value: Cell): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  return null;
}
