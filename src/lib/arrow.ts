/**
 * Writes fact-base tables as Arrow IPC streams, the format DuckDB-WASM reads
 * offline (it would need a downloaded extension for Parquet). Column types
 * follow the data package; each partial date also gets `<column>_from` and
 * `<column>_to` day columns, the span it covers, so analysts can filter by date
 * without losing how precise the source was.
 */
import {DateDay, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector} from "apache-arrow";
import type {Field, Row} from "./datapackage.js";
import {dateSpan, type Precision} from "./format.js";

export interface DerivedColumn {
  name: string;
  type: "date";
  description: string;
}

function arrowType(field: Field): DataType {
  switch (field.type) {
    case "integer":
      return new Int32();
    case "number":
      return new Float64();
    case "date":
      return new DateDay();
    default:
      return new Utf8();
  }
}

/** The precision columns that describe a partial-date column in the same table. */
export function partialDateColumns(fields: Field[]): {date: string; precision: string}[] {
  const names = new Set(fields.map((f) => f.name));
  return fields
    .filter((f) => f.name.endsWith("_precision") && names.has(f.name.replace(/_precision$/, "")))
    .map((f) => ({date: f.name.replace(/_precision$/, ""), precision: f.name}));
}

export function derivedDateColumns(fields: Field[]): DerivedColumn[] {
  return partialDateColumns(fields).flatMap(({date}) => [
    {name: `${date}_from`, type: "date" as const, description: `First day covered by ${date}, given its precision.`},
    {name: `${date}_to`, type: "date" as const, description: `Last day covered by ${date}, given its precision.`}
  ]);
}

export function tableToArrow(fields: Field[], rows: Row[]): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const field of fields) {
    const values = rows.map((row) => (field.type === "date" && row[field.name] !== null ? new Date(`${row[field.name]}T00:00:00Z`) : row[field.name]));
    columns[field.name] = vectorFromArray(values, arrowType(field));
  }
  for (const {date, precision} of partialDateColumns(fields)) {
    const spans = rows.map((row) => (row[date] === null ? null : dateSpan(row[date] as string, row[precision] as Precision)));
    columns[`${date}_from`] = vectorFromArray(spans.map((s) => s?.[0] ?? null), new DateDay());
    columns[`${date}_to`] = vectorFromArray(spans.map((s) => s?.[1] ?? null), new DateDay());
  }
  return tableToIPC(new Table(columns), "stream");
}
