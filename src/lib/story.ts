/**
 * What the story pages load: every figure with its provenance, the claims
 * that dispute them, and the inspection record (ratings, findings, events,
 * terms of office) with each row's source resolved.
 */
import type {Row} from "./datapackage.js";
import type {FactBase} from "./factbase.js";
import {buildFigures, sourceIndex, type Figure, type SourceRef} from "./figures.js";

/** A row with its source resolved (row values stay as they were validated). */
export type Sourced = {[column: string]: Row[string] | SourceRef; source: SourceRef};
export type Term = {[column: string]: Row[string] | Sourced | null};

export interface StoryFacts {
  figures: Record<string, Figure>;
  claims: Sourced[];
}

export interface InspectionRecord {
  ratings: Sourced[];
  findings: Sourced[];
  events: Sourced[];
  terms: Term[];
}

function withSources(facts: FactBase, table: string): Sourced[] {
  const sources = sourceIndex(facts);
  return facts.rows(table).map((row) => ({...row, source: sources.get(row.source_id as string)!}));
}

export function storyFacts(facts: FactBase): StoryFacts {
  return {figures: Object.fromEntries(buildFigures(facts)), claims: withSources(facts, "claims")};
}

export function inspectionRecord(facts: FactBase): InspectionRecord {
  const events = withSources(facts, "events");
  const byId = new Map(events.map((e) => [e.event_id as string, e]));
  return {
    ratings: withSources(facts, "cqc_ratings"),
    findings: withSources(facts, "cqc_findings"),
    events,
    terms: facts.rows("leadership_terms").map((term) => ({
      ...term,
      start: term.start_event_id === null ? null : byId.get(term.start_event_id as string)!,
      end: term.end_event_id === null ? null : byId.get(term.end_event_id as string)!
    }))
  };
}
