/**
 * What rests on each source: for a fact-checker who starts from a source and
 * asks which figures, events, ratings and statements it is cited for, and
 * whether as the lead source, as a further source, or as the other side of a
 * disagreement.
 */
import * as aq from "arquero";
import {citations, primaryKey, sourceIndex, type CitingTable} from "./citations.js";
import type {Row} from "../factbase/datapackage.js";
import type {FactBase} from "../factbase/factbase.js";
import type {SourceRef} from "./figures.js";
import type {Status} from "./status.js";
import {formatDate, precisionOf} from "./format.js";
import {datesInWords, fieldName, recordNames} from "./reader-text.js";

export interface SourceUse {
  table: string;
  record: string;
  /** What the record says, in a few words, for a reader scanning the list. */
  label: string;
  role: "lead" | "further" | "disagrees";
  status: Status | null;
}

export interface SourceEntry extends SourceRef {
  uses: SourceUse[];
}

/** How each table names a record for a reader. */
const LABELS: Record<CitingTable, (row: Row) => string> = {
  mazars_figures: (r) => `${r.measure}`,
  comparators: (r) => `${r.measure}`,
  trust_facts: (r) => `${r.measure}`,
  cqc_findings: (r) => `${r.finding} (${r.location})`,
  cqc_ratings: (r) => `Rating, ${r.key_question}: ${r.service}${r.inspected ? `, inspected ${formatDate(r.inspected as string, precisionOf(r.inspected_precision))}` : ""}`,
  events: (r) => `${r.event}`,
  claims: (r) => `${r.claimant}: ${r.claim}`,
  statements: (r) => `${r.speaker}: “${r.words}”`
};

export const TABLE_NAMES: Record<string, string> = {
  mazars_figures: "Mazars review figure",
  comparators: "National comparison",
  trust_facts: "Trust fact",
  cqc_findings: "CQC finding",
  cqc_ratings: "CQC rating",
  events: "Event",
  claims: "Claim",
  statements: "Statement",
  disagreements: "Disagreement"
};

/** Every record of the citing tables, as the sources page names it: table, record_id, label, status. */
function recordLabels(facts: FactBase): ReturnType<typeof aq.from> {
  const tables = (Object.entries(LABELS) as [CitingTable, (row: Row) => string][]).map(([table, label]) =>
    aq
      .from(facts.rows(table))
      .params({table})
      .derive({table: (_: unknown, $: {table: string}) => $.table, label: aq.escape(label)})
      .select({table: "table", [primaryKey(facts, table)]: "record_id", label: "label", status: "status"})
  );
  return tables[0].concat(...tables.slice(1));
}

export function sourceEntries(facts: FactBase): SourceEntry[] {
  const labels = recordLabels(facts);
  const names = recordNames(facts);
  // Each citation of a source by a record, table by table and row by row: its lead source, then its further sources.
  const cited = (Object.keys(LABELS) as CitingTable[]).map((table) =>
    citations(facts, table)
      .params({table})
      .derive({table: (_: unknown, $: {table: string}) => $.table})
      .lookup(labels, [["table", "record_id"], ["table", "record_id"]], "label", "status")
      .derive({role: (d: {rank: number}) => (d.rank === 0 ? "lead" : "further")})
  );
  // A disagreement is a use of the source that disagrees, named after the record it disputes.
  const disagreeing = aq
    .from(facts.rows("disagreements"))
    .lookup(labels, [["resource", "record_id"], ["table", "record_id"]], {about: (d: {label: string}) => d.label})
    .derive({label: aq.escape((d: {field: string; other_value: string; about?: string; record_id: string}) => `Gives the ${fieldName(d.field)} as “${datesInWords(d.other_value)}” for: ${d.about ?? names.get(d.record_id) ?? d.record_id}`)})
    .derive({table: () => "disagreements", record_id: (d: {disagreement_id: string}) => d.disagreement_id, role: () => "disagrees", status: () => null});
  const uses = cited[0]
    .concat(...cited.slice(1), disagreeing)
    .rename({record_id: "record"})
    .derive({use: aq.op.row_object("table", "record", "label", "role", "status")})
    .groupby("source_id")
    .rollup({uses: aq.op.array_agg("use")})
    .objects() as {source_id: string; uses: SourceUse[]}[];
  const bySource = new Map(uses.map((u) => [u.source_id, u.uses]));
  return [...sourceIndex(facts).values()].map((source) => ({...source, uses: bySource.get(source.id) ?? []}));
}
