/**
 * Rules that span cells, rows or tables, which a column schema cannot say:
 * a date agrees with its stated precision; a part never exceeds its whole
 * (investigated ≤ unexpected ≤ reported ≤ all deaths; a group ≤ the total);
 * shares lie within 0–100; an unconfirmed figure carries no value; a term of
 * office does not end before it starts.
 */
import type {Row} from "./datapackage.js";
import {DataError} from "./errors.js";
import {isCalendarDate, type TypedTable} from "./validate.js";

/** Partial ISO dates and the precision each form means. */
const PRECISION_FORMS: Record<string, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
};

function fail(table: TypedTable, index: number, column: string, problem: string): never {
  const cell = table.cells[index].get(column)!;
  throw new DataError(table.file, cell.line, cell.column, problem, column);
}

function checkDatePrecision(table: TypedTable): void {
  const names = table.resource.schema.fields.map((f) => f.name);
  for (const precisionColumn of names.filter((n) => n.endsWith("_precision"))) {
    const dateColumn = precisionColumn.replace(/_precision$/, "");
    if (!names.includes(dateColumn)) continue;
    table.rows.forEach((row, i) => {
      const date = row[dateColumn] as string | null;
      const precision = row[precisionColumn] as string | null;
      if (date === null && precision === null) return;
      if (date === null) fail(table, i, dateColumn, `is empty but ${precisionColumn} says '${precision}'`);
      if (precision === null) fail(table, i, precisionColumn, `is empty; say how precise the date ${date} is (year, month or day)`);
      const form = PRECISION_FORMS[precision];
      if (!form) fail(table, i, precisionColumn, `'${precision}' is not one of: year, month, day`);
      if (!form.test(date)) fail(table, i, dateColumn, `${JSON.stringify(date)} is not a ${precision} (expected ${{year: "YYYY", month: "YYYY-MM", day: "YYYY-MM-DD"}[precision]})`);
      if (precision === "day" && !isCalendarDate(date)) fail(table, i, dateColumn, `${date} is not a calendar date`);
    });
  }
}

function checkShares(table: TypedTable, valueColumn: string): void {
  table.rows.forEach((row, i) => {
    if (row.unit === "percent" && row[valueColumn] !== null) {
      const value = row[valueColumn] as number;
      if (value < 0 || value > 100) fail(table, i, valueColumn, `a share of ${value}% is outside 0–100`);
    }
  });
}

function checkUnconfirmedHaveNoValue(table: TypedTable, valueColumn: string, gap: string | null = null): void {
  table.rows.forEach((row, i) => {
    if (row.status === "unconfirmed" && row[valueColumn] !== gap) {
      fail(table, i, valueColumn, `an unconfirmed figure must be left as ${gap === null ? "an empty cell" : `'${gap}'`}, not ${JSON.stringify(row[valueColumn])}`);
    }
    // The other way round: a missing value is only allowed where no source states it.
    if (row[valueColumn] === (gap ?? null) && row.status !== "unconfirmed") {
      fail(table, i, "status", `${gap === null ? `an empty ${valueColumn}` : `a '${gap}' ${valueColumn}`} is only allowed with status 'unconfirmed', not '${row.status}'`);
    }
  });
}

/** A count must not exceed the count it is part of (its denominator row). */
function checkPartsWithinWholes(table: TypedTable): void {
  const byId = new Map<string, Row>(table.rows.map((r) => [r.figure_id as string, r]));
  table.rows.forEach((row, i) => {
    if (row.denominator_id === null) return;
    const whole = byId.get(row.denominator_id as string)!;
    if (row.statistic !== "count" || whole.statistic !== "count") {
      fail(table, i, "denominator_id", `only a count can have a denominator, and it must be a count ('${row.figure_id}' is a ${row.statistic}, '${whole.figure_id}' a ${whole.statistic})`);
    }
    if (row.value !== null && whole.value !== null && (row.value as number) > (whole.value as number)) {
      fail(table, i, "value", `${row.value} is more than its whole, ${whole.figure_id} = ${whole.value}`);
    }
  });
}

function checkProportions(table: TypedTable): void {
  table.rows.forEach((row, i) => {
    const {numerator, denominator} = row as {numerator: number | null; denominator: number | null};
    if (row.statistic === "proportion" && (numerator === null || denominator === null)) {
      fail(table, i, numerator === null ? "numerator" : "denominator", "a proportion needs both a numerator and a denominator");
    }
    if ((numerator === null) !== (denominator === null)) {
      fail(table, i, numerator === null ? "numerator" : "denominator", "a numerator and a denominator come together");
    }
    if (numerator !== null && denominator !== null) {
      if (denominator === 0) fail(table, i, "denominator", "is zero");
      if (numerator > denominator) fail(table, i, "numerator", `${numerator} is more than its denominator ${denominator}`);
    }
  });
}

function checkTermsInOrder(terms: TypedTable, events: TypedTable): void {
  const dates = new Map(events.rows.map((r) => [r.event_id as string, r.date as string]));
  terms.rows.forEach((row, i) => {
    if (row.start_event_id === null || row.end_event_id === null) return;
    const start = dates.get(row.start_event_id as string)!;
    const end = dates.get(row.end_event_id as string)!;
    // Partial dates compare correctly as strings only on their common prefix.
    const length = Math.min(start.length, end.length);
    if (end.slice(0, length) < start.slice(0, length)) fail(terms, i, "end_event_id", `ends (${end}) before it starts (${start})`);
  });
}

export function checkInvariants(tables: Map<string, TypedTable>): void {
  for (const table of tables.values()) checkDatePrecision(table);
  const mazars = tables.get("mazars_figures");
  if (mazars) {
    checkShares(mazars, "value");
    checkUnconfirmedHaveNoValue(mazars, "value");
    checkPartsWithinWholes(mazars);
  }
  const comparators = tables.get("comparators");
  if (comparators) {
    checkShares(comparators, "value");
    checkProportions(comparators);
  }
  const ratings = tables.get("cqc_ratings");
  if (ratings) checkUnconfirmedHaveNoValue(ratings, "rating", "not found");
  const terms = tables.get("leadership_terms");
  const events = tables.get("events");
  if (terms && events) checkTermsInOrder(terms, events);
}
