/**
 * Values from JSON (and nested Parquet columns) as Arrow columns DuckDB keeps
 * the shape of: an object becomes a STRUCT and an array a LIST, so that
 * `t.trust.name` and `unnest(t.sites)` work; whole numbers stay exact, up to
 * 64 bits, even past 2^53, where JSON.parse would round them (such numbers
 * are parsed here). DuckDB's own JSON reader is an extension the page cannot
 * download. Arrow is passed in, as the page and the Node tests each load it.
 */
import {at} from "../../../lib/story/checked-lookups.js";
import type * as ArrowModule from "apache-arrow";
import {bigIntOf, isRecord} from "../sql-values.js";

type Arrow = typeof ArrowModule;

/** A JSON value, with integers past 2^53 as BigInt. */
export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | {[key: string]: JsonValue};

/**
 * JSON.parse, but an integer too big for a double to hold exactly becomes a
 * BigInt. Only text with a run of 16 or more digits needs it; other text goes
 * to the browser's own (much faster) parser.
 */
export function parseJsonExact(text: string): JsonValue {
  if (!/\d{16,}/.test(text)) return JSON.parse(text);
  return new ExactParser(text).document();
}

class ExactParser {
  private at = 0;
  constructor(private readonly text: string) {}

  document(): JsonValue {
    const value = this.value();
    this.space();
    if (this.at < this.text.length) this.fail("Unexpected non-whitespace character after JSON");
    return value;
  }

  private fail(what: string): never {
    throw new SyntaxError(`${what} at position ${this.at}`);
  }

  private space(): void {
    while (this.at < this.text.length && " \t\r\n".includes(this.text.charAt(this.at))) ++this.at;
  }

  private value(): JsonValue {
    this.space();
    const c = this.text[this.at];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c !== undefined && (c === "-" || (c >= "0" && c <= "9"))) return this.number();
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail(c === undefined ? "Unexpected end of JSON input" : `Unexpected token '${c}'`);
  }

  private object(): JsonValue {
    const result: {[key: string]: JsonValue} = {};
    ++this.at;
    this.space();
    if (this.text[this.at] === "}") return ++this.at, result;
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail("Expected a property name in quotes");
      const key = this.string();
      this.space();
      if (this.text[this.at++] !== ":") this.fail("Expected ':' after property name");
      result[key] = this.value();
      this.space();
      const next = this.text[this.at++];
      if (next === "}") return result;
      if (next !== ",") this.fail("Expected ',' or '}' after property value");
    }
  }

  private array(): JsonValue {
    const result: JsonValue[] = [];
    ++this.at;
    this.space();
    if (this.text[this.at] === "]") return ++this.at, result;
    for (;;) {
      result.push(this.value());
      this.space();
      const next = this.text[this.at++];
      if (next === "]") return result;
      if (next !== ",") this.fail("Expected ',' or ']' after array element");
    }
  }

  private string(): string {
    const match = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(this.text.slice(this.at, this.at + 1_000_000));
    if (!match) this.fail("Bad string");
    this.at += match[0].length;
    return JSON.parse(match[0]);
  }

  private number(): number | bigint {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (!match) this.fail("No number after minus sign");
    this.at += match[0].length;
    const value = Number(match[0]);
    return !match[2] && !match[3] && !Number.isSafeInteger(value) ? BigInt(match[0]) : value;
  }
}

const INT32 = 2 ** 31;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** What a set of values has in common, learnt value by value. */
type Shape =
  | {kind: "none" | "bool" | "float" | "string" | "text"}
  /** Whether any is outside 32 (big) or 64 bits (huge). */
  | {kind: "int"; big?: boolean; huge?: boolean}
  | {kind: "struct"; fields: Map<string, Shape>}
  | {kind: "list"; items: Shape};

/** The shape of the first value of a kind. */
function firstShape(kind: Exclude<Shape["kind"], "none">): Shape {
  if (kind === "struct") return {kind, fields: new Map()};
  if (kind === "list") return {kind, items: {kind: "none"}};
  return {kind};
}

function kindOf(value: JsonValue): Shape["kind"] {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "bigint") return "int";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "string") return "string";
  if (Array.isArray(value)) return "list";
  if (value instanceof Date) return "text";
  return "struct";
}

function learn(shape: Shape, value: JsonValue): Shape {
  const kind = kindOf(value);
  if (kind === "none") return shape;
  let next: Shape = shape;
  if (shape.kind === "none") next = firstShape(kind);
  else if (shape.kind !== kind) {
    // Whole and fractional numbers together are numbers; anything else mixed is kept as JSON text.
    next = (shape.kind === "int" && kind === "float") || (shape.kind === "float" && kind === "int") ? {kind: "float"} : {kind: "text"};
  }
  // A shape of one kind has learnt only values of that kind, so each check below only tells TypeScript what the value is.
  if (next.kind === "int" && (typeof value === "bigint" || typeof value === "number")) {
    const n = bigIntOf(value);
    if (n >= BigInt(INT32) || n < -BigInt(INT32)) next.big = true;
    if (n > INT64_MAX || n < INT64_MIN) next.huge = true;
  } else if (next.kind === "struct" && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const {fields} = next;
    for (const [key, child] of Object.entries(value)) fields.set(key, learn(fields.get(key) ?? {kind: "none"}, child));
  } else if (next.kind === "list" && Array.isArray(value)) {
    for (const item of value) next.items = learn(next.items, item);
  }
  return next;
}

function arrowType(Arrow: Arrow, shape: Shape): ArrowModule.DataType {
  switch (shape.kind) {
    case "bool":
      return new Arrow.Bool();
    case "int":
      return shape.huge ? new Arrow.Utf8() : shape.big ? new Arrow.Int64() : new Arrow.Int32();
    case "float":
      return new Arrow.Float64();
    case "struct":
      return shape.fields.size ? new Arrow.Struct([...shape.fields].map(([name, child]) => new Arrow.Field(name, arrowType(Arrow, child), true))) : new Arrow.Utf8();
    case "list":
      return new Arrow.List(new Arrow.Field("item", arrowType(Arrow, shape.items), true));
    default:
      return new Arrow.Utf8();
  }
}

/** The Arrow type that holds every one of `values` without loss. */
export function inferArrowType(Arrow: Arrow, values: Iterable<JsonValue>): ArrowModule.DataType {
  let shape: Shape = {kind: "none"};
  for (const value of values) shape = learn(shape, value);
  return arrowType(Arrow, shape);
}

function jsonText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** A value for a STRUCT column: its fields by name. The column's type was learnt from such values, so another is a bug. */
export function structValue(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new TypeError(`a STRUCT value that is ${Array.isArray(value) ? "a list" : typeof value}`);
  return value;
}

/** A value for a LIST column: its items. */
export function listValue(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`a LIST value that is ${typeof value}`);
  return value;
}

/** A value made ready for Arrow's builder of `type`. */
export function toArrowValue(Arrow: Arrow, value: unknown, type: ArrowModule.DataType): unknown {
  if (value === null || value === undefined) return null;
  if (Arrow.DataType.isUtf8(type)) return jsonText(value);
  if (Arrow.DataType.isInt(type)) return type.bitWidth === 64 ? bigIntOf(value) : Number(value);
  if (Arrow.DataType.isFloat(type)) return Number(value);
  if (Arrow.DataType.isStruct(type)) {
    const record = structValue(value);
    return Object.fromEntries(type.children.map((field) => [field.name, toArrowValue(Arrow, record[field.name], field.type)]));
  }
  if (Arrow.DataType.isList(type)) {
    const item = at(type.children, 0, "a list type's children").type;
    return listValue(value).map((v) => toArrowValue(Arrow, v, item));
  }
  if (Arrow.DataType.isTimestamp(type) && value instanceof Date) return value.getTime();
  return value;
}

/** Columns of records as Arrow vectors, each of the type that holds all its values. */
export function recordsToArrow(Arrow: Arrow, records: Record<string, JsonValue>[]): ArrowModule.Table {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) if (!seen.has(key)) seen.add(key), names.push(key);
  const columns: Record<string, ArrowModule.Vector> = {};
  for (const name of names) {
    const values = records.map((r) => (r[name] === undefined ? null : r[name]));
    const type = inferArrowType(Arrow, values);
    columns[name] = Arrow.vectorFromArray(values.map((v) => toArrowValue(Arrow, v, type)), type);
  }
  return new Arrow.Table(columns);
}
