/**
 * The source policy, enforced: a record is only as strong as the sources that
 * state it. A record marked final must cite a primary document or original
 * reporting as its source; a record that cites only secondary or copied pages
 * may not claim to be final; and a stronger source is never left among the
 * "further sources" while a weaker one leads. Also checks the references that
 * a column schema cannot express: the space-separated further source ids, and
 * the records that a disagreement between sources points at.
 */
import {asList} from "./datapackage.js";
import {DataError} from "./errors.js";
import type {TypedTable} from "./validate.js";

/** The kinds of source, strongest first, and what each is, for error messages and the sources page. */
export const SOURCE_KINDS = {
  "primary document": "the regulator, NHS England, a court or the HSE, Hansard, the trust itself, or the report",
  "original reporting": "a news outlet's own report",
  secondary: "a charity, campaign or personal blog, law firm, forum, or a summary of another body's report",
  mirror: "a copy of another outlet's page on an unrelated site"
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;

/** Only these kinds can make a figure final. */
export function isStrongSource(kind: SourceKind): boolean {
  return kind === "primary document" || kind === "original reporting";
}

/** "a b c" → ["a", "b", "c"]; an empty cell lists none. */
export function sourceIdList(cell: unknown): string[] {
  return typeof cell === "string" && cell !== "" ? cell.split(" ") : [];
}

function fail(table: TypedTable, index: number, column: string, problem: string): never {
  const cell = table.cells[index].get(column)!;
  throw new DataError(table.file, cell.line, cell.column, problem, column);
}

function checkSourcedTable(table: TypedTable, kinds: Map<string, SourceKind>): void {
  table.rows.forEach((row, i) => {
    const others = sourceIdList(row.other_source_ids);
    for (const id of others) {
      if (!kinds.has(id)) fail(table, i, "other_source_ids", `"${id}" does not exist in sources.source_id`);
      if (id === row.source_id) fail(table, i, "other_source_ids", `"${id}" is already the source_id`);
    }
    if (new Set(others).size !== others.length) fail(table, i, "other_source_ids", "lists a source twice");
    const lead = kinds.get(row.source_id as string)!;
    const stronger = others.find((id) => isStrongSource(kinds.get(id)!));
    if (!isStrongSource(lead) && stronger) {
      fail(table, i, "source_id", `"${row.source_id}" is ${lead} while a further source, "${stronger}", is ${kinds.get(stronger)}: cite the stronger source as source_id, with its quote`);
    }
    if (row.status === "final" && !isStrongSource(lead)) {
      fail(table, i, "status", `'final' needs a primary document or original reporting as source_id, but "${row.source_id}" is ${lead} (${SOURCE_KINDS[lead]}); mark it 'secondary' or cite a stronger source`);
    }
    if (row.status === "secondary" && isStrongSource(lead)) {
      fail(table, i, "status", `'secondary' understates "${row.source_id}", which is ${lead}: a record resting on it is 'final'`);
    }
  });
}

function checkDisagreements(disagreements: TypedTable, tables: Map<string, TypedTable>): void {
  disagreements.rows.forEach((row, i) => {
    const target = tables.get(row.resource as string)!;
    const key = asList(target.resource.schema.primaryKey ?? [])[0];
    if (!target.rows.some((r) => r[key] === row.record_id)) fail(disagreements, i, "record_id", `"${row.record_id}" does not exist in ${row.resource}.${key}`);
    if (!target.resource.schema.fields.some((f) => f.name === row.field)) fail(disagreements, i, "field", `${row.resource} has no column '${row.field}'`);
  });
}

export function checkProvenance(tables: Map<string, TypedTable>): void {
  const sources = tables.get("sources");
  if (!sources) return;
  const kinds = new Map(sources.rows.map((r) => [r.source_id as string, r.kind as SourceKind]));
  for (const table of tables.values()) {
    const names = table.resource.schema.fields.map((f) => f.name);
    if (table !== sources && names.includes("source_id") && names.includes("status")) checkSourcedTable(table, kinds);
  }
  const disagreements = tables.get("disagreements");
  if (disagreements) checkDisagreements(disagreements, tables);
  checkEverySourceCited(sources, tables);
}

/** A source nothing rests on is a loose end (a replaced copy, a typo in an id): the sources page lists only what is cited. */
function checkEverySourceCited(sources: TypedTable, tables: Map<string, TypedTable>): void {
  const cited = new Set<string>();
  for (const table of tables.values()) {
    if (table === sources) continue;
    for (const row of table.rows) {
      if (typeof row.source_id === "string") cited.add(row.source_id);
      for (const id of sourceIdList(row.other_source_ids)) cited.add(id);
    }
  }
  sources.rows.forEach((row, i) => {
    if (!cited.has(row.source_id as string)) fail(sources, i, "source_id", `"${row.source_id}" is cited by no record; remove it or cite it`);
  });
}
