/**
 * Which of some tables a query names, read token by token: a table's name as
 * a bare word or a whole quoted identifier, never a word inside a string, a
 * comment or a quoted column name (`"Deaths (2015/16)"` names no `deaths`).
 * The workbench asks DuckDB's parser first; this is for the queries DuckDB
 * names no tables for without binding them (a join's `USING` needs the
 * tables' columns), so it may name a table the query only mentions as an
 * alias or a column, never one inside text.
 */
const TOKENS = /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|\$\$[\s\S]*?(?:\$\$|$)|"((?:[^"]|"")*)"?|([A-Za-z_][A-Za-z0-9_$]*)/g;

export function tablesNamed(sql: string, tables: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const [, quoted, bare] of sql.matchAll(TOKENS)) {
    if (quoted !== undefined) names.add(quoted.replaceAll('""', '"').toLowerCase());
    else if (bare !== undefined) names.add(bare.toLowerCase());
  }
  return [...tables].filter((table) => names.has(table.toLowerCase()));
}
