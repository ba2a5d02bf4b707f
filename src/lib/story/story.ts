/**
 * What the story is made of: every figure with its provenance, the claims
 * that dispute them, the statements of April 2016, and the inspection record
 * (ratings, findings, events, terms of office), each row joined with its
 * sources and the disagreements about it. src/lib/delivery/page-data.ts chooses from
 * these what each page is sent.
 */
import * as aq from "arquero";
import {citedSources, primaryKey, recordDisagreements, sourceIndex, type CitingTable} from "./citations.js";
import type {FactBase} from "../factbase/factbase.js";
import {buildFigures, type Disagreement, type Figure, type SourceRef} from "./figures.js";
import type {LeadershipTerms, TableName, TableRows} from "../factbase/rows.js";

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
export type FindingRow = Sourced<"cqc_findings">;
export type RatingRow = Sourced<"cqc_ratings">;
export type TermRow = LeadershipTerms & {start: EventRow | null; end: EventRow | null};

export interface StoryFacts {
  figures: Record<string, Figure>;
  claims: Sourced<"claims">[];
  statements: Sourced<"statements">[];
}

export interface InspectionRecord {
  ratings: RatingRow[];
  findings: FindingRow[];
  events: EventRow[];
  terms: TermRow[];
}

/** A table's rows joined with their sources (strongest first) and the disagreements recorded against them. */
function withSources<T extends CitingTable>(facts: FactBase, table: T, sources = sourceIndex(facts)): Sourced<T>[] {
  const key = primaryKey(facts, table);
  const resource = facts.tables.get(table)?.resource;
  if (!resource) throw new Error(`the fact base has no table '${table}'`);
  const columns = resource.schema.fields.map((f) => f.name);
  return aq
    .from(facts.rows(table), columns)
    .lookup(citedSources(facts, table, sources), [key, "record_id"], "sources")
    .lookup(recordDisagreements(facts, table, sources), [key, "record_id"], "disagreements")
    .derive({
      source: (d: Resolved) => d.sources[0],
      // A record nobody disputes has no row to join: it gets an empty list, not a missing one.
      disagreements: (d: Resolved) => d.disagreements || []
    })
    .select(...columns, "source", "sources", "disagreements")
    .objects() as Sourced<T>[];
}

export function storyFacts(facts: FactBase): StoryFacts {
  const sources = sourceIndex(facts);
  return {figures: Object.fromEntries(buildFigures(facts)), claims: withSources(facts, "claims", sources), statements: withSources(facts, "statements", sources)};
}

export function inspectionRecord(facts: FactBase): InspectionRecord {
  const sources = sourceIndex(facts);
  const events = withSources(facts, "events", sources);
  // Each term joined with the events that begin and end it; a term with no dated start or end keeps null.
  const byEventId = aq.table({event_id: events.map((e) => e.event_id), event: events});
  const terms = aq
    .from(facts.rows("leadership_terms"))
    .lookup(byEventId, ["start_event_id", "event_id"], {start: (d: {event: EventRow}) => d.event})
    .lookup(byEventId, ["end_event_id", "event_id"], {end: (d: {event: EventRow}) => d.event})
    .derive({start: (d: TermRow) => d.start || null, end: (d: TermRow) => d.end || null})
    .objects() as TermRow[];
  return {
    ratings: withSources(facts, "cqc_ratings", sources),
    findings: withSources(facts, "cqc_findings", sources),
    events,
    terms
  };
}
