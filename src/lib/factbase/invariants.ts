/**
 * Rules that span cells, rows or tables, which a column schema cannot say:
 * a date agrees with its stated precision; a part never exceeds its whole
 * (investigated ≤ unexpected ≤ reported ≤ all deaths; a group ≤ the total);
 * shares lie within 0–100; an unconfirmed figure carries no value; a term of
 * office does not end before it starts; an id that names a date names one its
 * record holds; an inferred rating says so and why; a file a note names exists.
 */
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import type {Row} from "./datapackage.js";
import {failAt, isCalendarDate, type TypedTable} from "./validate.js";

/** Partial ISO dates and the precision each form means. */
const PRECISION_FORMS: Record<string, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
};


function checkDatePrecision(table: TypedTable): void {
  const names = table.resource.schema.fields.map((f) => f.name);
  for (const precisionColumn of names.filter((n) => n.endsWith("_precision"))) {
    const dateColumn = precisionColumn.replace(/_precision$/, "");
    if (!names.includes(dateColumn)) continue;
    table.rows.forEach((row, i) => {
      const date = row[dateColumn] as string | null;
      const precision = row[precisionColumn] as string | null;
      if (date === null && precision === null) return;
      if (date === null) failAt(table, i, dateColumn, `is empty but ${precisionColumn} says '${precision}'`);
      if (precision === null) failAt(table, i, precisionColumn, `is empty; say how precise the date ${date} is (year, month or day)`);
      const form = PRECISION_FORMS[precision];
      if (!form) failAt(table, i, precisionColumn, `'${precision}' is not one of: year, month, day`);
      if (!form.test(date)) failAt(table, i, dateColumn, `${JSON.stringify(date)} is not a ${precision} (expected ${{year: "YYYY", month: "YYYY-MM", day: "YYYY-MM-DD"}[precision]})`);
      if (precision === "day" && !isCalendarDate(date)) failAt(table, i, dateColumn, `${date} is not a calendar date`);
    });
  }
}

function checkShares(table: TypedTable, valueColumn: string): void {
  table.rows.forEach((row, i) => {
    if (row.unit === "percent" && row[valueColumn] !== null) {
      const value = row[valueColumn] as number;
      if (value < 0 || value > 100) failAt(table, i, valueColumn, `a share of ${value}% is outside 0–100`);
    }
  });
}

function checkUnconfirmedHaveNoValue(table: TypedTable, valueColumn: string, gap: string | null = null): void {
  table.rows.forEach((row, i) => {
    if (row.status === "unconfirmed" && row[valueColumn] !== gap) {
      failAt(table, i, valueColumn, `an unconfirmed figure must be left as ${gap === null ? "an empty cell" : `'${gap}'`}, not ${JSON.stringify(row[valueColumn])}`);
    }
    // The other way round: a missing value is only allowed where no source states it.
    if (row[valueColumn] === (gap ?? null) && row.status !== "unconfirmed") {
      failAt(table, i, "status", `${gap === null ? `an empty ${valueColumn}` : `a '${gap}' ${valueColumn}`} is only allowed with status 'unconfirmed', not '${row.status}'`);
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
      failAt(table, i, "denominator_id", `only a count can have a denominator, and it must be a count ('${row.figure_id}' is a ${row.statistic}, '${whole.figure_id}' a ${whole.statistic})`);
    }
    if (row.value !== null && whole.value !== null && (row.value as number) > (whole.value as number)) {
      failAt(table, i, "value", `${row.value} is more than its whole, ${whole.figure_id} = ${whole.value}`);
    }
  });
}

function checkProportions(table: TypedTable): void {
  table.rows.forEach((row, i) => {
    const {numerator, denominator} = row as {numerator: number | null; denominator: number | null};
    if (row.statistic === "proportion" && (numerator === null || denominator === null)) {
      failAt(table, i, numerator === null ? "numerator" : "denominator", "a proportion needs both a numerator and a denominator");
    }
    if ((numerator === null) !== (denominator === null)) {
      failAt(table, i, numerator === null ? "numerator" : "denominator", "a numerator and a denominator come together");
    }
    if (numerator !== null && denominator !== null) {
      if (denominator === 0) failAt(table, i, "denominator", "is zero");
      if (numerator > denominator) failAt(table, i, "numerator", `${numerator} is more than its denominator ${denominator}`);
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
    if (end.slice(0, length) < start.slice(0, length)) failAt(terms, i, "end_event_id", `ends (${end}) before it starts (${start})`);
  });
}

/** The tables whose ids may begin with a date, and the column that date must agree with. */
const DATED_IDS: Record<string, {id: string; date: string}> = {
  events: {id: "event_id", date: "date"},
  cqc_findings: {id: "finding_id", date: "dated"},
  cqc_ratings: {id: "rating_id", date: "inspected"}
};

/**
 * "2012_04_26_teresa_colvin_found" asserts 26 April 2012: an id that begins
 * with a date may be no more precise than its record's date and must agree
 * with it, so that nobody reads a fact into an id that the record does not hold.
 */
function checkDatedIds(table: TypedTable, columns: {id: string; date: string}): void {
  table.rows.forEach((row, i) => {
    const match = /^(\d{4})(?:_(0[1-9]|1[0-2]))?(?:_(0[1-9]|[12]\d|3[01]))?(?=_|$)/.exec(row[columns.id] as string);
    if (!match) return;
    const named = match.slice(1).filter(Boolean).join("-");
    const date = row[columns.date] as string | null;
    if (date === null || date.length < named.length || !date.startsWith(named)) {
      failAt(table, i, columns.id, `names the date ${named}, but its ${columns.date} is ${date === null ? "empty" : date}: rename it to a date the record holds (and rename it wherever it is used)`);
    }
  });
}

/** A note that says "see x.csv" must name a file that is there. */
function checkCitedFiles(table: TypedTable): void {
  const dir = dirname(table.file);
  const textColumns = table.resource.schema.fields.filter((f) => f.type === "string" && f.name !== "url").map((f) => f.name);
  table.rows.forEach((row, i) => {
    for (const column of textColumns) {
      const value = row[column];
      if (typeof value !== "string") continue;
      for (const [name] of value.matchAll(/[A-Za-z0-9_.-]+\.(?:csv|json)\b/g)) {
        if (!existsSync(join(dir, name))) failAt(table, i, column, `names the file ${name}, which is not in ${dir}`);
      }
    }
  });
}

/** "not published" for a focused inspection is the notebook's reading, not a source's words: it says so, and why. */
function checkRatingBasis(ratings: TypedTable): void {
  ratings.rows.forEach((row, i) => {
    if (row.rating === "not found" && row.rating_basis !== null) failAt(ratings, i, "rating_basis", `must be empty for a rating that is 'not found', not '${row.rating_basis}'`);
    if (row.rating !== "not found" && row.rating_basis === null) failAt(ratings, i, "rating_basis", "is empty: say whether the source states the rating ('stated') or the notebook infers it ('inferred')");
    if (row.rating_basis === "inferred" && !/^Inferred: \S/.test((row.note as string | null) ?? "")) {
      failAt(ratings, i, "note", "an inferred rating needs a note beginning \"Inferred:\" that says why");
    }
  });
}

export function checkInvariants(tables: Map<string, TypedTable>): void {
  for (const table of tables.values()) checkDatePrecision(table);
  for (const table of tables.values()) checkCitedFiles(table);
  for (const [name, columns] of Object.entries(DATED_IDS)) {
    const table = tables.get(name);
    if (table) checkDatedIds(table, columns);
  }
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
  if (ratings) {
    checkUnconfirmedHaveNoValue(ratings, "rating", "not found");
    if (ratings.resource.schema.fields.some((f) => f.name === "rating_basis")) checkRatingBasis(ratings);
  }
  const terms = tables.get("leadership_terms");
  const events = tables.get("events");
  if (terms && events) checkTermsInOrder(terms, events);
}
