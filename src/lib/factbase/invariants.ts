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
import type {Comparators, CqcRatings, Events, LeadershipTerms, MazarsFigures} from "./rows.js";
import {failAt, isCalendarDate, typedTable, type TypedTable} from "./validate.js";

/** Partial ISO dates and the precision each form means. */
const PRECISION_FORMS: Record<string, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
};

/** A cell the schema types as text (a date, its precision, an id), or null when it is empty. */
function textCell(table: TypedTable, index: number, column: string): string | null {
  const value = table.rows[index]?.[column];
  if (typeof value === "string" || value === null) return value;
  return failAt(table, index, column, `expected text, got ${JSON.stringify(value)}`);
}

function checkDatePrecision(table: TypedTable): void {
  const names = table.resource.schema.fields.map((f) => f.name);
  for (const precisionColumn of names.filter((n) => n.endsWith("_precision"))) {
    const dateColumn = precisionColumn.replace(/_precision$/, "");
    if (!names.includes(dateColumn)) continue;
    table.rows.forEach((_, i) => {
      const date = textCell(table, i, dateColumn);
      const precision = textCell(table, i, precisionColumn);
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

function checkShares(table: TypedTable<MazarsFigures | Comparators>): void {
  table.rows.forEach(({unit, value}, i) => {
    if (unit === "percent" && value !== null && (value < 0 || value > 100)) failAt(table, i, "value", `a share of ${value}% is outside 0–100`);
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
function checkPartsWithinWholes(table: TypedTable<MazarsFigures>): void {
  const byId = new Map(table.rows.map((r) => [r.figure_id, r]));
  table.rows.forEach((row, i) => {
    if (row.denominator_id === null) return;
    const whole = byId.get(row.denominator_id);
    if (whole === undefined) return failAt(table, i, "denominator_id", `"${row.denominator_id}" is not a figure_id of this table`);
    if (row.statistic !== "count" || whole.statistic !== "count") {
      failAt(table, i, "denominator_id", `only a count can have a denominator, and it must be a count ('${row.figure_id}' is a ${row.statistic}, '${whole.figure_id}' a ${whole.statistic})`);
    }
    if (row.value !== null && whole.value !== null && row.value > whole.value) {
      failAt(table, i, "value", `${row.value} is more than its whole, ${whole.figure_id} = ${whole.value}`);
    }
  });
}

function checkProportions(table: TypedTable<Comparators>): void {
  table.rows.forEach((row, i) => {
    const {numerator, denominator} = row;
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

function checkTermsInOrder(terms: TypedTable<LeadershipTerms>, events: TypedTable<Events>): void {
  const dates = new Map(events.rows.map((r) => [r.event_id, r.date]));
  const dateOf = (i: number, column: "start_event_id" | "end_event_id", id: string): string => dates.get(id) ?? failAt(terms, i, column, `"${id}" does not exist in events.event_id`);
  terms.rows.forEach((row, i) => {
    if (row.start_event_id === null || row.end_event_id === null) return;
    const start = dateOf(i, "start_event_id", row.start_event_id);
    const end = dateOf(i, "end_event_id", row.end_event_id);
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
  table.rows.forEach((_, i) => {
    const match = /^(\d{4})(?:_(0[1-9]|1[0-2]))?(?:_(0[1-9]|[12]\d|3[01]))?(?=_|$)/.exec(textCell(table, i, columns.id) ?? "");
    if (!match) return;
    const named = match.slice(1).filter(Boolean).join("-");
    const date = textCell(table, i, columns.date);
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
function checkRatingBasis(ratings: TypedTable<CqcRatings>): void {
  ratings.rows.forEach((row, i) => {
    if (row.rating === "not found" && row.rating_basis !== null) failAt(ratings, i, "rating_basis", `must be empty for a rating that is 'not found', not '${row.rating_basis}'`);
    if (row.rating !== "not found" && row.rating_basis === null) failAt(ratings, i, "rating_basis", "is empty: say whether the source states the rating ('stated') or the notebook infers it ('inferred')");
    if (row.rating_basis === "inferred" && !/^Inferred: \S/.test(row.note ?? "")) {
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
  const mazars = typedTable(tables, "mazars_figures");
  if (mazars) {
    checkShares(mazars);
    checkUnconfirmedHaveNoValue(mazars, "value");
    checkPartsWithinWholes(mazars);
  }
  const comparators = typedTable(tables, "comparators");
  if (comparators) {
    checkShares(comparators);
    checkProportions(comparators);
  }
  const ratings = typedTable(tables, "cqc_ratings");
  if (ratings) {
    checkUnconfirmedHaveNoValue(ratings, "rating", "not found");
    if (ratings.resource.schema.fields.some((f) => f.name === "rating_basis")) checkRatingBasis(ratings);
  }
  const terms = typedTable(tables, "leadership_terms");
  const events = typedTable(tables, "events");
  if (terms && events) checkTermsInOrder(terms, events);
}
