/**
 * A loaded file's columns given the types their values mean, in the
 * analysts' database, before the table is shown: text columns of numbers as
 * written become numbers (written-numbers.ts), and a type the analyst chose
 * is applied only when every value converts. Nothing is lost without a word:
 * the marks read as NULL are counted in a note, and a value that would not
 * convert stops the change, named with an example.
 */
import {at} from "../../../lib/story/checked-lookups.js";
import {FileError} from "./file-errors.js";
import type {Cell} from "../sql-values.js";
import {quoteIdentifier, quoteString} from "../sql-identifiers.js";
import {columnCheckSql, convertSql, exactNumberType, marksSql, marksText, missingSql, numberPattern, plainNumberSql, readColumn, type NumberStyle} from "./written-numbers.js";

export type Inspect = (sql: string) => Promise<{rows: Cell[][]}>;

export interface Column {
  name: string;
  type: string;
}

const COUNT = new Intl.NumberFormat("en-GB");

export async function tableColumns(inspect: Inspect, table: string): Promise<Column[]> {
  const {rows} = await inspect(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ${quoteString(table)} ORDER BY ordinal_position`);
  return rows.map(([name, type]) => ({name: String(name), type: String(type)}));
}

async function sampleOf(inspect: Inspect, table: string, column: string): Promise<(string | null)[]> {
  const c = quoteIdentifier(column);
  const {rows} = await inspect(`SELECT ${c}::VARCHAR FROM ${quoteIdentifier(table)} WHERE ${c} IS NOT NULL LIMIT 2000`);
  return rows.map(([v]) => (v === null ? null : String(v)));
}

async function markCounts(inspect: Inspect, table: string, column: string): Promise<{mark: string; cells: number}[]> {
  const {rows} = await inspect(marksSql(table, column));
  return rows.map(([mark, n]) => ({mark: String(mark), cells: Number(n)}));
}

function marksNote(found: {column: string; marks: {mark: string; cells: number}[]}[]): string | null {
  const withMarks = found.filter((f) => f.marks.length);
  if (!withMarks.length) return null;
  return `Read as NULL (missing or withheld): ${withMarks.map((f) => `in “${f.column}”, ${marksText(f.marks)}`).join("; ")}.`;
}

/**
 * Text columns holding only numbers as written and missing marks become
 * numbers of an exact type (BIGINT, DECIMAL); returns the notes saying so.
 * `skip`: the columns whose type the analyst chose.
 */
export async function readWrittenNumbers(inspect: Inspect, table: string, columns: Column[], fileStyle: NumberStyle, skip: Set<string>): Promise<string[]> {
  const converted: {column: string; type: string; style: NumberStyle; percents: number; marks: {mark: string; cells: number}[]}[] = [];
  for (const {name, type} of columns) {
    if (type !== "VARCHAR" || skip.has(name)) continue;
    const reading = readColumn(await sampleOf(inspect, table, name), fileStyle);
    if (reading.kind !== "numbers") continue;
    // The sample said numbers: the whole column has to agree, cell by cell.
    const [counts] = (await inspect(columnCheckSql(table, name, reading.style))).rows;
    if (counts === undefined) throw new Error(`the check of column '${name}' returned no row`);
    const count = (i: number) => Number(at(counts, i, `the check of column '${name}'`));
    const [filled, numbers, marks, whole, fraction, percents] = [count(0), count(1), count(2), count(3), count(4), count(5)];
    if (!numbers || filled !== numbers + marks) continue;
    const target = exactNumberType(whole, fraction);
    converted.push({column: name, type: target, style: reading.style, percents, marks: marks ? await markCounts(inspect, table, name) : []});
  }
  if (!converted.length) return [];
  await inspect(`CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS SELECT * REPLACE (${converted.map((c) => `${convertSql(c.column, c.style, c.type)} AS ${quoteIdentifier(c.column)}`).join(", ")}) FROM ${quoteIdentifier(table)}`);
  const notes = [
    `Read as numbers, as they are written (thousands separators, currency and percent signs taken off${converted.some((c) => c.style === "comma") ? ", decimal commas read as points" : ""}): ${converted.map((c) => `“${c.column}” (${c.type})`).join(", ")}.`
  ];
  const percent = converted.filter((c) => c.percents > 0);
  if (percent.length) notes.push(`Percentages are kept as the number before the % sign (38.0% is 38.0): ${percent.map((c) => `“${c.column}”`).join(", ")}.`);
  const marks = marksNote(converted);
  if (marks) notes.push(marks);
  return notes;
}

const TYPE_WORDS: Record<string, string> = {
  BIGINT: "whole numbers",
  DOUBLE: "numbers",
  DATE: "dates",
  TIMESTAMP: "dates and times",
  BOOLEAN: "true or false",
  VARCHAR: "text"
};

/** The SQL value of `column` as `type`, NULL where it does not convert, and the SQL that is true where it does not. */
function conversion(column: string, fromType: string, type: string, style: NumberStyle): {value: string; fails: string} {
  const c = quoteIdentifier(column);
  if (type === "VARCHAR") return {value: `CAST(${c} AS VARCHAR)`, fails: "false"};
  if (fromType !== "VARCHAR") {
    const value = `TRY_CAST(${c} AS ${type})`;
    const fraction = type === "BIGINT" && /^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(fromType) ? ` OR ${c}::DOUBLE <> trunc(${c}::DOUBLE)` : "";
    return {value, fails: `${c} IS NOT NULL AND (${value} IS NULL${fraction})`};
  }
  const text = `trim(${c})`;
  let value: string;
  let extra = "";
  if (type === "BIGINT" || type === "DOUBLE") {
    const written = `regexp_full_match(${text}, ${quoteString(numberPattern(style))})`;
    const plain = plainNumberSql(c, style);
    value = `CASE WHEN ${written} THEN TRY_CAST(${plain} AS ${type}) ELSE TRY_CAST(${text} AS ${type}) END`;
    if (type === "BIGINT") extra = ` OR (${written} AND regexp_matches(${plain}, '\\.[0-9]*[1-9]'))`;
  } else if (type === "DATE") {
    // Dates as a British spreadsheet writes them (day first), or ISO.
    value = `CASE WHEN ${text} ~ '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$' THEN try_strptime(${text}, '%d/%m/%Y')::DATE ELSE TRY_CAST(${text} AS DATE) END`;
  } else if (type === "TIMESTAMP") {
    value = `CASE WHEN ${text} ~ '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}.*' THEN coalesce(try_strptime(${text}, '%d/%m/%Y %H:%M:%S'), try_strptime(${text}, '%d/%m/%Y %H:%M'), try_strptime(${text}, '%d/%m/%Y')) ELSE TRY_CAST(${text} AS TIMESTAMP) END`;
  } else if (type === "BOOLEAN") {
    value = `CASE WHEN lower(${text}) IN ('yes', 'y') THEN true WHEN lower(${text}) IN ('no', 'n') THEN false ELSE TRY_CAST(lower(${text}) AS BOOLEAN) END`;
  } else value = `TRY_CAST(${text} AS ${type})`;
  const blank = `${c} IS NULL OR ${text} = '' OR ${missingSql(c)}`;
  return {value: `CASE WHEN ${blank} THEN NULL ELSE ${value} END`, fails: `NOT (${blank}) AND (${value} IS NULL${extra})`};
}

/**
 * Gives a column the type the analyst chose. When any value would not
 * convert, nothing changes and the error says how many and gives examples;
 * missing marks in a text column become NULL, and a note says how many.
 */
export async function applyColumnType(inspect: Inspect, fileName: string, table: string, column: Column, type: string, fileStyle: NumberStyle): Promise<string[]> {
  if (column.type === type) return [];
  const style = column.type === "VARCHAR" ? readColumn(await sampleOf(inspect, table, column.name), fileStyle).style : fileStyle;
  const {value, fails} = conversion(column.name, column.type, type, style);
  const t = quoteIdentifier(table);
  const [[failed] = []] = (await inspect(`SELECT count(*)::BIGINT FROM ${t} WHERE ${fails}`)).rows;
  if (Number(failed) > 0) {
    const {rows} = await inspect(`SELECT DISTINCT ${quoteIdentifier(column.name)}::VARCHAR AS v FROM ${t} WHERE ${fails} ORDER BY v LIMIT 3`);
    const n = Number(failed);
    throw new FileError(
      fileName,
      `${COUNT.format(n)} value${n === 1 ? "" : "s"} of “${column.name}” cannot be read as ${TYPE_WORDS[type] ?? type} (for example ${rows.map(([v]) => `“${v}”`).join(", ")}), so the column was not changed: no value is lost. Correct ${n === 1 ? "it" : "them"} in the file, or keep the type ${column.type}.`
    );
  }
  const marks = column.type === "VARCHAR" && type !== "VARCHAR" ? await markCounts(inspect, table, column.name) : [];
  await inspect(`CREATE OR REPLACE TABLE ${t} AS SELECT * REPLACE (${value} AS ${quoteIdentifier(column.name)}) FROM ${t}`);
  const note = marksNote([{column: column.name, marks}]);
  return note ? [note] : [];
}
