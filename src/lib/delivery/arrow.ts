/**
 * Writes fact-base tables as Arrow IPC streams, the format DuckDB-WASM reads
 * offline (it would need a downloaded extension for Parquet). Column types
 * follow the data package; each partial date also gets `<column>_from` and
 * `<column>_to` day columns, the span it covers, so analysts can filter by date
 * without losing how precise the source was.
 *
 * Arquero derives the columns and writes the stream (through Flechette, its
 * Arrow encoder); the types are given, never inferred, so that a column of
 * text is never dictionary-encoded and an empty column keeps its type.
 */
import {dateDay, float64, int32, utf8, type DataType} from "@uwdata/flechette";
import * as aq from "arquero";
import type {Field, Row} from "../factbase/datapackage.js";
import {dateSpan, precisionOf} from "../story/format.js";

export interface DerivedColumn {
  name: string;
  type: "date";
  description: string;
}

function arrowType(field: Field): DataType {
  switch (field.type) {
    case "integer":
      return int32();
    case "number":
      return float64();
    case "date":
      return dateDay();
    default:
      return utf8();
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

/** A day of a full date column ("2016-04-28") as the UTC midnight Arrow counts days from. */
const utcDay = (value: unknown) => (value === null ? null : new Date(`${value}T00:00:00Z`));

export function tableToArrow(fields: Field[], rows: Row[]): Uint8Array {
  const spans = partialDateColumns(fields);
  const dates = fields.filter((f) => f.type === "date").map((f) => f.name);
  const span = (date: string, precision: string, end: 0 | 1) =>
    aq.escape((d: Row) => (d[date] === null ? null : dateSpan(d[date] as string, precisionOf(d[precision]))[end]));
  const table = aq
    .from(rows, fields.map((f) => f.name))
    .derive(Object.fromEntries(spans.flatMap(({date, precision}) => [[`${date}_from`, span(date, precision, 0)], [`${date}_to`, span(date, precision, 1)]])))
    .derive(Object.fromEntries(dates.map((name) => [name, aq.escape((d: Row) => utcDay(d[name]))])));
  const types: Record<string, DataType> = {
    ...Object.fromEntries(fields.map((f) => [f.name, arrowType(f)])),
    ...Object.fromEntries(spans.flatMap(({date}) => [[`${date}_from`, dateDay()], [`${date}_to`, dateDay()]]))
  };
  return aq.toArrowIPC(table, {format: "stream", types});
}
