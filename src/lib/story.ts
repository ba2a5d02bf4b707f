/**
 * What the story pages load: every figure with its provenance, the claims
 * that dispute them, and the inspection record (ratings, findings, events,
 * terms of office) with each row's source resolved.
 */
import type {FactBase} from "./factbase.js";
import {buildFigures, disagreementsFor, rowSources, sourceIndex, type Disagreement, type Figure, type SourceRef} from "./figures.js";
import type {LeadershipTerms, TableName, TableRows} from "./rows.js";

/** What every sourced row carries once its sources are resolved. */
export type Resolved = {
  /** The strongest source (source_id). */
  source: SourceRef;
  /** Every source that states it, strongest first. */
  sources: SourceRef[];
  /** Where another source gives a different value. */
  disagreements: Disagreement[];
};

/** A row of a table, as the data package types it, with its sources resolved. */
export type Sourced<T extends TableName> = TableRows[T] & Resolved;
export type EventRow = Sourced<"events">;
export type TermRow = LeadershipTerms & {start: EventRow | null; end: EventRow | null};

export interface StoryFacts {
  figures: Record<string, Figure>;
  claims: Sourced<"claims">[];
  statements: Sourced<"statements">[];
}

export interface InspectionRecord {
  ratings: Sourced<"cqc_ratings">[];
  findings: Sourced<"cqc_findings">[];
  events: EventRow[];
  terms: TermRow[];
}

function withSources<T extends TableName>(facts: FactBase, table: T): Sourced<T>[] {
  const sources = sourceIndex(facts);
  const key = facts.tables.get(table)!.resource.schema.primaryKey as keyof TableRows[T];
  const disagreements = disagreementsFor(facts, table);
  return facts.rows(table).map((row) => {
    const all = rowSources(row, sources);
    return {...row, source: all[0], sources: all, disagreements: disagreements.get(String(row[key])) ?? []};
  });
}

export function storyFacts(facts: FactBase): StoryFacts {
  return {figures: Object.fromEntries(buildFigures(facts)), claims: withSources(facts, "claims"), statements: withSources(facts, "statements")};
}

export function inspectionRecord(facts: FactBase): InspectionRecord {
  const events = withSources(facts, "events");
  const byId = new Map(events.map((e) => [e.event_id, e]));
  return {
    ratings: withSources(facts, "cqc_ratings"),
    findings: withSources(facts, "cqc_findings"),
    events,
    terms: facts.rows("leadership_terms").map((term) => ({
      ...term,
      start: term.start_event_id === null ? null : byId.get(term.start_event_id)!,
      end: term.end_event_id === null ? null : byId.get(term.end_event_id)!
    }))
  };
}
