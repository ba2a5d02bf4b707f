/**
 * Numbers as people write them in spreadsheets and statistics releases:
 * "1,234", "£6,724,039", "38.0%", "(1,200)", and in Europe "1.234,5" and
 * "11,1"; and the marks UK statistics put where a number is missing or
 * withheld ("*", "..", "[c]" …). A text column holding only such numbers and
 * marks is read as numbers, the marks as NULL, and the page says which marks
 * it found and how many cells. The tests on values here are the same regular
 * expressions DuckDB applies to the whole column (RE2 and JavaScript read
 * them alike). No DOM and no DuckDB here: tested in Node.
 */
import {quoteIdentifier, quoteString} from "../sql-identifiers.js";

/**
 * Marks for a missing, withheld or not applicable value in UK official
 * statistics (the GSS's [c], [x], [z], [u], [w], [low], and the older
 * "*", "-", "..", "x"), compared in lower case. An empty cell is NULL already.
 */
export const MISSING_MARKS = ["*", "**", "***", "-", "–", "—", "..", "...", ":", "x", "z", "c", "[c]", "[x]", "[z]", "[u]", "[w]", "[low]", "n/a", "na", "#n/a", "n.a.", "null", "suppressed", "not available"];

export function isMissingMark(value: string): boolean {
  return MISSING_MARKS.includes(value.trim().toLowerCase());
}

/** Decimal point with comma thousands (Britain) or decimal comma with dot thousands (most of Europe). */
export type NumberStyle = "point" | "comma";

const SPACES = " \u00a0\u202f";
const POINT_BODY = `([0-9]{1,3}(,[0-9]{3})+|[0-9]{1,3}([${SPACES}][0-9]{3})+|[0-9]+)(\\.[0-9]+)?|\\.[0-9]+`;
const COMMA_BODY = `([0-9]{1,3}(\\.[0-9]{3})+|[0-9]{1,3}([${SPACES}'][0-9]{3})+|[0-9]+)(,[0-9]+)?|,[0-9]+`;

/** A whole cell holding one number written in `style`: sign, currency, brackets for a negative, percent. */
export function numberPattern(style: NumberStyle): string {
  return `^\\(?[-−+]?[${SPACES}]?[£$€¥]?[${SPACES}]?[-−]?(${style === "point" ? POINT_BODY : COMMA_BODY})[${SPACES}]?%?[${SPACES}]?(€|£|\\$|EUR|GBP|USD)?\\)?$`;
}

const PATTERNS: Record<NumberStyle, RegExp> = {point: new RegExp(numberPattern("point")), comma: new RegExp(numberPattern("comma"))};

export function isWrittenNumber(value: string, style: NumberStyle): boolean {
  return PATTERNS[style].test(value.trim());
}

/** What a text column's values say about it. */
export interface ColumnReading {
  /** "numbers": every filled cell is a number in `style` or a missing mark. */
  kind: "numbers" | "text";
  style: NumberStyle;
}

/**
 * Reads a sample of a text column. Values that only one style reads ("12.5",
 * "1,234,567" for the point; "11,1", "1.234,5" for the comma) decide the
 * style; "1,234" and "1.234" are read either way, so a column of only those
 * takes the file's style (a file separated by semicolons is European).
 */
export function readColumn(values: (string | null)[], fileStyle: NumberStyle = "point"): ColumnReading {
  let pointOnly = 0;
  let commaOnly = 0;
  let numbers = 0;
  let other = 0;
  for (const raw of values) {
    if (raw === null) continue;
    const value = raw.trim();
    if (value === "" || isMissingMark(value)) continue;
    // A code with a leading zero ("00123", an NHS or postal code) is text: as a number it would lose the zero.
    if (/^0[0-9]/.test(value) && !/[.,]/.test(value)) return {kind: "text", style: fileStyle};
    const point = PATTERNS.point.test(value);
    const comma = PATTERNS.comma.test(value);
    if (point || comma) ++numbers;
    else ++other;
    if (point && !comma) ++pointOnly;
    if (comma && !point) ++commaOnly;
  }
  const style: NumberStyle = pointOnly && !commaOnly ? "point" : commaOnly && !pointOnly ? "comma" : fileStyle;
  const consistent = !(pointOnly && commaOnly);
  const kind = numbers > 0 && other === 0 && consistent && values.every((v) => v === null || v.trim() === "" || isMissingMark(v) || PATTERNS[style].test(v.trim())) ? "numbers" : "text";
  return {kind, style};
}

/** The file's own style: a file separated by semicolons comes from where the comma is the decimal mark. */
export function fileNumberStyle(delimiter: string | null): NumberStyle {
  return delimiter === ";" ? "comma" : "point";
}

/** SQL that is true when `value` (text) is a missing mark. */
export function missingSql(value: string): string {
  return `lower(trim(${value})) IN (${MISSING_MARKS.map(quoteString).join(", ")})`;
}

/** SQL turning a written number (text) into plain digits DuckDB casts: "-1234.5". NULL for a mark or an empty cell. */
export function plainNumberSql(value: string, style: NumberStyle): string {
  const trimmed = `trim(${value})`;
  const digits = style === "point" ? `regexp_replace(${trimmed}, '[^0-9.]', '', 'g')` : `replace(regexp_replace(${trimmed}, '[^0-9,]', '', 'g'), ',', '.')`;
  const negative = `regexp_matches(${trimmed}, '^\\(|[-−]')`;
  return `CASE WHEN ${value} IS NULL OR ${trimmed} = '' OR ${missingSql(value)} THEN NULL ELSE (CASE WHEN ${negative} THEN '-' ELSE '' END) || ${digits} END`;
}

/** The DuckDB type that holds every number of a column exactly, from its largest whole part and its longest fraction. */
export function exactNumberType(wholeDigits: number, fractionDigits: number): string {
  if (fractionDigits === 0) return wholeDigits <= 18 ? "BIGINT" : wholeDigits <= 38 ? "HUGEINT" : "DOUBLE";
  if (wholeDigits + fractionDigits <= 18) return `DECIMAL(18, ${fractionDigits})`;
  if (wholeDigits + fractionDigits <= 38) return `DECIMAL(38, ${fractionDigits})`;
  return "DOUBLE";
}

/**
 * One query over the whole column: how many cells are filled, how many are
 * numbers in `style`, how many are marks, and the digits the numbers need.
 */
export function columnCheckSql(table: string, column: string, style: NumberStyle): string {
  const c = quoteIdentifier(column);
  const plain = plainNumberSql("v", style);
  return `SELECT count(*) FILTER (WHERE trim(v) <> '')::BIGINT AS filled,
  count(*) FILTER (WHERE regexp_full_match(trim(v), ${quoteString(numberPattern(style))}))::BIGINT AS numbers,
  count(*) FILTER (WHERE ${missingSql("v")})::BIGINT AS marks,
  coalesce(max(length(ltrim(split_part(p, '.', 1), '-0'))), 0)::BIGINT AS whole_digits,
  coalesce(max(length(split_part(p, '.', 2))), 0)::BIGINT AS fraction_digits,
  count(*) FILTER (WHERE regexp_full_match(trim(v), '.*[0-9]\\s?%.*'))::BIGINT AS percents
FROM (SELECT ${c}::VARCHAR AS v, ${plain} AS p FROM ${quoteIdentifier(table)}) WHERE v IS NOT NULL`;
}

/** The marks in a column, each with its number of cells, most frequent first. */
export function marksSql(table: string, column: string): string {
  const c = quoteIdentifier(column);
  return `SELECT trim(${c}::VARCHAR) AS mark, count(*)::BIGINT AS n FROM ${quoteIdentifier(table)} WHERE ${missingSql(`${c}::VARCHAR`)} GROUP BY 1 ORDER BY n DESC, mark`;
}

/** The SQL expression reading a text column's written numbers as `type`. */
export function convertSql(column: string, style: NumberStyle, type: string): string {
  return `CAST(${plainNumberSql(`${quoteIdentifier(column)}::VARCHAR`, style)} AS ${type})`;
}

const COUNT = new Intl.NumberFormat("en-GB");

/** "“*” in 7 cells, “..” in 3" */
export function marksText(marks: {mark: string; cells: number}[]): string {
  return marks.map(({mark, cells}) => `“${mark}” in ${COUNT.format(cells)} cell${cells === 1 ? "" : "s"}`).join(", ");
}
