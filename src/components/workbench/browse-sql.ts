/**
 * The SQL behind browsing a table without writing SQL, as Datasette does it:
 * the filters an analyst clicks (a facet value), a text search and a sort
 * become one plain query, which the workbench puts in the editor, so that
 * what the clicks did can be read, changed and shared. Facet counts are
 * counted under the same filters. No DOM here: tested in Node.
 */
import {quoteIdentifier, quoteString} from "./sql-identifiers.js";

export interface BrowseColumn {
  name: string;
  /** DuckDB's type name (VARCHAR, BIGINT, DATE, …). */
  type: string;
}

export interface BrowseFilter {
  column: string;
  /** The value as DuckDB writes it as text (`value::VARCHAR`); null for NULL. */
  value: string | null;
}

export interface BrowseState {
  table: string;
  columns: BrowseColumn[];
  filters: BrowseFilter[];
  search: string;
  sort: {column: string; descending: boolean} | null;
}

/** Rows a browsing query asks for: what the result table shows. */
export const BROWSE_LIMIT = 1000;
/** Values listed per facet, most frequent first. */
export const FACET_VALUES = 8;
/** A column is offered as a facet when it has at least 2 and at most this many values (Datasette's rule of thumb). */
export const FACET_MAX_DISTINCT = 30;

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL.*)$/i;
const QUOTED_LITERAL = /^(DATE|TIMESTAMP|TIME|BOOLEAN)$/i;

export function isTextType(type: string): boolean {
  return /^VARCHAR$/i.test(type);
}

/** `column = value`, written the way an analyst would write it for the column's type. */
export function filterCondition(filter: BrowseFilter, columns: BrowseColumn[]): string {
  const column = quoteIdentifier(filter.column);
  if (filter.value === null) return `${column} IS NULL`;
  const type = columns.find((c) => c.name === filter.column)?.type ?? "VARCHAR";
  if (NUMERIC.test(type) && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(filter.value)) return `${column} = ${filter.value}`;
  if (QUOTED_LITERAL.test(type)) return `${column} = ${type.toUpperCase()} ${quoteString(filter.value)}`;
  if (isTextType(type)) return `${column} = ${quoteString(filter.value)}`;
  return `${column}::VARCHAR = ${quoteString(filter.value)}`;
}

/** The search: any text column containing the words, ignoring case. */
export function searchCondition(search: string, columns: BrowseColumn[]): string | null {
  const text = search.trim();
  const searched = columns.filter((c) => isTextType(c.type));
  if (!text || !searched.length) return null;
  // LIKE's own wildcards in the search are meant literally.
  const pattern = quoteString(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const tests = searched.map((c) => `${quoteIdentifier(c.name)} ILIKE ${pattern} ESCAPE '\\'`);
  const [only, ...more] = tests;
  return only !== undefined && !more.length ? only : `(${tests.join("\n    OR ")})`;
}

function whereClause(state: BrowseState, except?: string): string[] {
  const conditions = state.filters.filter((f) => f.column !== except).map((f) => filterCondition(f, state.columns));
  const search = searchCondition(state.search, state.columns);
  if (search) conditions.push(search);
  return conditions;
}

/** The query the filters, the search and the sort make. */
export function browseSql(state: BrowseState): string {
  const lines = ["SELECT *", `FROM ${quoteIdentifier(state.table)}`];
  const conditions = whereClause(state);
  if (conditions.length) lines.push(`WHERE ${conditions.join("\n  AND ")}`);
  if (state.sort) lines.push(`ORDER BY ${quoteIdentifier(state.sort.column)}${state.sort.descending ? " DESC" : ""} NULLS LAST`);
  lines.push(`LIMIT ${BROWSE_LIMIT}`);
  return lines.join("\n");
}

/** One query for the distinct-value count of every column, to choose the facets. */
export function distinctCountsSql(state: Pick<BrowseState, "table" | "columns">): string {
  const counts = state.columns.map((c) => `approx_count_distinct(${quoteIdentifier(c.name)}) AS ${quoteIdentifier(c.name)}`);
  return `SELECT count(*) AS "rows"${counts.length ? ", " : ""}${counts.join(", ")} FROM ${quoteIdentifier(state.table)}`;
}

/** Facet columns: those with few values, in table order, plus any column already filtered on. */
export function facetColumns(columns: BrowseColumn[], distinct: Map<string, number>, filters: BrowseFilter[], max = 6): string[] {
  const filtered = new Set(filters.map((f) => f.column));
  const chosen = columns.filter((c) => {
    const n = distinct.get(c.name) ?? 0;
    return filtered.has(c.name) || (n >= 2 && n <= FACET_MAX_DISTINCT);
  });
  return chosen.map((c) => c.name).slice(0, Math.max(max, filtered.size));
}

/**
 * Each facet's values with their counts under the other filters and the
 * search (a facet ignores its own filter, so that its other values stay
 * visible and can be added), most frequent first: rows of (facet, value, n).
 */
export function facetCountsSql(state: BrowseState, facets: string[]): string {
  return facets
    .map((facet) => {
      const column = quoteIdentifier(facet);
      const conditions = whereClause(state, facet);
      return `(SELECT ${quoteString(facet)} AS facet, ${column}::VARCHAR AS value, count(*)::INTEGER AS n
 FROM ${quoteIdentifier(state.table)}${conditions.length ? `\n WHERE ${conditions.join(" AND ")}` : ""}
 GROUP BY ${column} ORDER BY n DESC, value NULLS LAST LIMIT ${FACET_VALUES})`;
    })
    .join("\nUNION ALL\n");
}

/** A click on a facet value: adds it as a filter, or takes it off when it is already one. */
export function toggleFilter(filters: BrowseFilter[], filter: BrowseFilter): BrowseFilter[] {
  const same = (f: BrowseFilter) => f.column === filter.column && f.value === filter.value;
  if (filters.some(same)) return filters.filter((f) => !same(f));
  // One value per column: a second click on the same column replaces the first (an AND of two would match nothing).
  return [...filters.filter((f) => f.column !== filter.column), filter];
}

/** Values drawn at most for a column's distribution: enough for its shape. */
export const DISTRIBUTION_SAMPLE = 2000;

/** Numbers and dates with many values are shown as a distribution rather than as a facet. */
export function distributionColumns(columns: BrowseColumn[], facets: string[], max = 3): string[] {
  return columns.filter((c) => !facets.includes(c.name) && (NUMERIC.test(c.type) || /^(DATE|TIMESTAMP.*)$/i.test(c.type))).map((c) => c.name).slice(0, max);
}

/** A random sample of a column's values under the filters and the search. */
export function distributionSql(state: BrowseState, column: string): string {
  const conditions = [...whereClause(state), `${quoteIdentifier(column)} IS NOT NULL`];
  const type = state.columns.find((c) => c.name === column)?.type ?? "";
  // Numbers as DOUBLE (a HUGEINT or DECIMAL would arrive in a form Plot cannot read); dates as they are.
  const value = NUMERIC.test(type) ? `${quoteIdentifier(column)}::DOUBLE` : quoteIdentifier(column);
  return `SELECT value FROM (SELECT ${value} AS value FROM ${quoteIdentifier(state.table)} WHERE ${conditions.join(" AND ")}) USING SAMPLE reservoir(${DISTRIBUTION_SAMPLE} ROWS) REPEATABLE (42)`;
}
