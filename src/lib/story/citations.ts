/**
 * What each record cites, as tables: the sources, one row per citation of a
 * source by a record (its source_id first, then its other_source_ids), and the
 * disagreements recorded against a record. The story's records, its figures
 * and the sources page all resolve their sources through these joins, so a
 * record's sources come out in one order everywhere: strongest first.
 */
import * as aq from "arquero";
import {copyOf, creditOf, standingOf} from "../factbase/copies.js";
import type {FactBase} from "../factbase/factbase.js";
import type {SourceRef} from "./figures.js";
import {formatDate, formatStated, precisionOf} from "./format.js";
import {readerText, recordNames} from "./reader-text.js";
import type {Sources} from "../factbase/rows.js";

type Table = ReturnType<typeof aq.from>;

/** The tables whose rows cite sources: every table but the sources themselves, the terms of office and the disagreements. */
export type CitingTable = "mazars_figures" | "comparators" | "trust_facts" | "cqc_findings" | "cqc_ratings" | "events" | "claims" | "statements";

export function primaryKey(facts: FactBase, table: string): string {
  const key = facts.tables.get(table)?.resource.schema.primaryKey;
  if (typeof key !== "string") throw new Error(`the table '${table}' has no primary key of one column`);
  return key;
}

/** Every source as readers see it (its date written out), by id. */
export function sourceIndex(facts: FactBase): Map<string, SourceRef> {
  return new Map(facts.rows("sources").map((row) => [row.source_id, sourceRef(row)]));
}

function sourceRef(row: Sources): SourceRef {
  const copy = copyOf(row);
  return {
    id: row.source_id,
    publisher: row.publisher,
    title: row.title,
    url: row.url,
    published: row.published === null ? null : formatDate(row.published, precisionOf(row.published_precision)),
    kind: row.kind,
    copyOf: row.copy_of ?? null,
    // How the copy was found is for the sources page, not for every page that cites the source.
    copy: copy && {of: copy.of, type: copy.type, ofKind: copy.ofKind, ofSourceId: copy.ofSourceId},
    standing: standingOf(row.kind, copy),
    credit: creditOf(row.publisher, copy)
  };
}

/** The sources as a table to join on: source_id, and the source as readers see it. */
function sourceTable(sources: Map<string, SourceRef>): Table {
  return aq.table({source_id: [...sources.keys()], source: [...sources.values()]});
}

/**
 * One row per source a record cites: record_id, source_id, and rank (0 for its
 * source_id, the strongest; 1, 2, … for its other_source_ids in the order written).
 */
export function citations(facts: FactBase, table: CitingTable): Table {
  return aq
    .from(facts.rows(table))
    .select({[primaryKey(facts, table)]: "record_id", source_id: "source_id", other_source_ids: "other_source_ids"})
    .derive({source_id: (d: {source_id: string; other_source_ids: string | null}) => aq.op.concat([d.source_id], d.other_source_ids ? aq.op.split(d.other_source_ids, " ") : [])})
    .select("record_id", "source_id")
    .unroll("source_id", {index: "rank"});
}

/** Each record's sources, strongest first: record_id, sources. */
export function citedSources(facts: FactBase, table: CitingTable, sources = sourceIndex(facts)): Table {
  return citations(facts, table)
    .lookup(sourceTable(sources), "source_id", "source")
    .groupby("record_id")
    .rollup({sources: aq.op.array_agg("source")});
}

/** Fields whose other value is a number, written as the page writes numbers ("1,454", not "1454"). */
const NUMERIC_FIELDS = new Set(["value", "denominator"]);

/** The disagreements recorded against each record of a table, in the order of the sheet: record_id, disagreements. */
export function recordDisagreements(facts: FactBase, table: string, sources = sourceIndex(facts)): Table {
  // The other value and the reason are the data keepers' notes: readers get them with names and dates in words.
  const names = recordNames(facts);
  const reader = (text: string) => readerText(text, names);
  return aq
    .from(facts.rows("disagreements"))
    .params({table})
    .filter((d: {resource: string}, $: {table: string}) => d.resource === $.table)
    .lookup(sourceTable(sources), "source_id", "source")
    .derive({
      disagreement: aq.escape((d: {field: string; other_value: string; source: SourceRef; quote: string; resolution: string}) => ({
        field: d.field,
        otherValue: NUMERIC_FIELDS.has(d.field) && /^\d+(?:\.\d+)?$/.test(d.other_value) ? formatStated(Number(d.other_value)) : reader(d.other_value),
        source: d.source,
        quote: d.quote,
        resolution: reader(d.resolution)
      }))
    })
    .groupby("record_id")
    .rollup({disagreements: aq.op.array_agg("disagreement")});
}

/** A two-column table (record_id and one value) as a map by record id. */
export function byRecord<T>(table: Table, column: string): Map<string, T> {
  return new Map((table.objects() as Record<string, unknown>[]).map((row) => [row.record_id as string, row[column] as T]));
}
