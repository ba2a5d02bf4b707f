/**
 * Checks parsed CSV against its Table Schema (types, required cells, allowed
 * values, ranges, patterns, keys) and returns typed rows. Each failure is a
 * DataError naming file, line, column and what is wrong.
 */
import type {CsvCell, CsvTable} from "./csv.js";
import {asList, type Field, type Resource, type Row, type Value} from "./datapackage.js";
import {DataError} from "./errors.js";
import type {TableName, TableRows} from "./rows.js";

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface TypedTable<R extends Row = Row> {
  resource: Resource;
  file: string;
  rows: R[];
  /** Where each row's cells came from, for errors found later (keys, invariants). */
  cells: Map<string, CsvCell>[];
}

/**
 * A table with the row type generated for it (src/lib/factbase/rows.ts), or undefined if the package has no such table.
 * Its rows were validated against the same descriptor the row types are generated from: this is where the two meet.
 */
export function typedTable<T extends TableName>(tables: Map<string, TypedTable>, name: T): TypedTable<TableRows[T]> | undefined {
  return tables.get(name) as TypedTable<TableRows[T]> | undefined;
}

/** Fails at a cell of a row found wrong after it was typed (a key, an invariant, the source policy), giving its line and column. */
export function failAt(table: TypedTable, index: number, column: string, problem: string): never {
  const cell = table.cells[index]?.get(column);
  if (cell === undefined) throw new Error(`${table.file}: row ${index + 1} has no cell '${column}' (${problem})`);
  throw new DataError(table.file, cell.line, cell.column, problem, column);
}

/** Where a typed row's cell came from. */
function cellOf(table: TypedTable, index: number, column: string): CsvCell {
  const cell = table.cells[index]?.get(column);
  if (cell === undefined) throw new Error(`${table.file}: row ${index + 1} has no cell '${column}'`);
  return cell;
}

/** A YYYY-MM-DD string naming a real day: Date.parse accepts 2016-02-30 and rolls it over to 1 March. */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  // Three parts, as DATE matched; NaN fails the comparison below.
  const [year = NaN, month = NaN, day = NaN] = text.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function fail(table: CsvTable, cell: CsvCell, field: string, problem: string): never {
  throw new DataError(table.file, cell.line, cell.column, problem, field);
}

function convert(table: CsvTable, cell: CsvCell, field: Field): Value {
  const text = cell.value;
  const constraints = field.constraints ?? {};
  if (text.trim() !== text) fail(table, cell, field.name, `has leading or trailing spaces: ${JSON.stringify(text)}`);
  if (text === "") {
    if (constraints.required) fail(table, cell, field.name, "is required but empty");
    return null;
  }
  let value: Value = text;
  switch (field.type) {
    case "integer":
      if (!INTEGER.test(text)) fail(table, cell, field.name, `expected a whole number, got ${JSON.stringify(text)}`);
      value = Number(text);
      break;
    case "number":
      if (!NUMBER.test(text)) fail(table, cell, field.name, `expected a number, got ${JSON.stringify(text)}`);
      value = Number(text);
      break;
    case "yearmonth":
      if (!YEAR_MONTH.test(text)) fail(table, cell, field.name, `expected a month YYYY-MM, got ${JSON.stringify(text)}`);
      break;
    case "date":
      if (!isCalendarDate(text)) fail(table, cell, field.name, `expected a date YYYY-MM-DD, got ${JSON.stringify(text)}`);
      break;
  }
  if (constraints.enum && !constraints.enum.includes(text)) {
    fail(table, cell, field.name, `${JSON.stringify(text)} is not one of: ${constraints.enum.join(", ")}`);
  }
  if (constraints.pattern && !new RegExp(`^(?:${constraints.pattern})$`).test(text)) {
    fail(table, cell, field.name, `${JSON.stringify(text)} does not match the pattern ${constraints.pattern}`);
  }
  if (typeof value === "number") {
    if (constraints.minimum !== undefined && value < constraints.minimum) fail(table, cell, field.name, `${value} is below the minimum ${constraints.minimum}`);
    if (constraints.maximum !== undefined && value > constraints.maximum) fail(table, cell, field.name, `${value} is above the maximum ${constraints.maximum}`);
  }
  return value;
}

export function validateTable(table: CsvTable, resource: Resource): TypedTable {
  const fields = resource.schema.fields;
  const expected = fields.map((f) => f.name);
  for (const name of expected) {
    if (!table.header.includes(name)) throw new DataError(table.file, 1, 1, `missing column '${name}' (expected columns: ${expected.join(", ")})`);
  }
  for (const cell of table.headerCells) {
    if (!expected.includes(cell.value)) throw new DataError(table.file, cell.line, cell.column, `unknown column '${cell.value}'`);
  }
  if (table.records.length === 0) throw new DataError(table.file, 2, 1, "the table has a header but no rows");
  const rows: Row[] = [];
  const cells: Map<string, CsvCell>[] = [];
  for (const record of table.records) {
    const row: Row = {};
    for (const field of fields) {
      // Every expected column is in the header (checked above), so every record has its cell.
      const cell = record.cells.get(field.name);
      if (cell === undefined) throw new DataError(table.file, record.line, 1, `missing column '${field.name}'`);
      row[field.name] = convert(table, cell, field);
    }
    rows.push(row);
    cells.push(record.cells);
  }
  const typed: TypedTable = {resource, file: table.file, rows, cells};
  const keys = [
    ...(resource.schema.primaryKey ? [asList(resource.schema.primaryKey)] : []),
    ...fields.filter((f) => f.constraints?.unique).map((f) => [f.name])
  ];
  for (const key of keys) checkUnique(typed, key);
  return typed;
}

function checkUnique(table: TypedTable, key: string[]): void {
  const seen = new Map<string, number>();
  table.rows.forEach((row, i) => {
    if (key.some((k) => row[k] === null)) return;
    const id = JSON.stringify(key.map((k) => row[k]));
    const first = seen.get(id);
    if (first !== undefined) {
      const [column = ""] = key;
      failAt(table, i, column, `duplicate key ${key.map((k) => row[k]).join(", ")} (first on line ${cellOf(table, first, column).line})`);
    }
    seen.set(id, i);
  });
}

/** Every foreign key of every table must point at an existing row. */
export function checkForeignKeys(tables: Map<string, TypedTable>): void {
  for (const table of tables.values()) {
    for (const fk of table.resource.schema.foreignKeys ?? []) {
      const fields = asList(fk.fields);
      const target = fk.reference.resource === "" ? table : tables.get(fk.reference.resource);
      if (!target) throw new Error(`datapackage.json: ${table.resource.name} refers to unknown resource '${fk.reference.resource}'`);
      const targetFields = asList(fk.reference.fields);
      const known = new Set(target.rows.map((r) => JSON.stringify(targetFields.map((f) => r[f]))));
      table.rows.forEach((row, i) => {
        if (fields.some((f) => row[f] === null)) return;
        if (!known.has(JSON.stringify(fields.map((f) => row[f])))) {
          const [column = ""] = fields;
          failAt(table, i, column, `${JSON.stringify(row[column])} does not exist in ${target.resource.name}.${targetFields.join(", ")}`);
        }
      });
    }
  }
}
