/**
 * What rests on each source: for a fact-checker who starts from a source and
 * asks which figures, events, ratings and statements it is cited for, and
 * whether as the lead source, as a further source, or as the other side of a
 * disagreement.
 */
import type {Row} from "./datapackage.js";
import type {FactBase} from "./factbase.js";
import {sourceIndex, type SourceRef} from "./figures.js";
import {sourceIdList} from "./provenance.js";
import type {Status} from "./status.js";

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
const LABELS: Record<string, (row: Row) => string> = {
  mazars_figures: (r) => `${r.measure}`,
  comparators: (r) => `${r.measure}`,
  trust_facts: (r) => `${r.measure}`,
  cqc_findings: (r) => `${r.finding} (${r.location})`,
  cqc_ratings: (r) => `Rating, ${r.key_question}: ${r.service} (${r.inspection_id})`,
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

export function sourceEntries(facts: FactBase): SourceEntry[] {
  const entries = new Map([...sourceIndex(facts)].map(([id, source]) => [id, {...source, uses: [] as SourceUse[]}]));
  for (const [table, label] of Object.entries(LABELS)) {
    const key = facts.tables.get(table)!.resource.schema.primaryKey as string;
    for (const row of facts.rows(table)) {
      const use = (role: SourceUse["role"]): SourceUse => ({table, record: row[key] as string, label: label(row), role, status: row.status as Status});
      entries.get(row.source_id as string)!.uses.push(use("lead"));
      for (const id of sourceIdList(row.other_source_ids)) entries.get(id)!.uses.push(use("further"));
    }
  }
  for (const row of facts.rows("disagreements")) {
    const key = facts.tables.get(row.resource as string)!.resource.schema.primaryKey as string;
    const target = facts.rows(row.resource as string).find((r) => r[key] === row.record_id);
    const about = target ? LABELS[row.resource as string](target) : String(row.record_id);
    entries.get(row.source_id as string)!.uses.push({
      table: "disagreements",
      record: row.disagreement_id as string,
      label: `Gives ${row.field} as “${row.other_value}” for: ${about}`,
      role: "disagrees",
      status: null
    });
  }
  return [...entries.values()];
}
