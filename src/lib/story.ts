/**
 * What the story pages load: every figure with its provenance, the claims
 * that dispute them, and the inspection record (ratings, findings, events,
 * terms of office) with each row's source resolved.
 */
import type {Row} from "./datapackage.js";
import type {FactBase} from "./factbase.js";
import {buildFigures, disagreementsFor, rowSources, sourceIndex, type Disagreement, type Figure, type SourceRef} from "./figures.js";

/** A row with its source resolved (row values stay as they were validated). */
export type Sourced = {[column: string]: Row[string] | SourceRef | SourceRef[] | Disagreement[]; source: SourceRef; sources: SourceRef[]; disagreements: Disagreement[]};
export type Term = {[column: string]: Row[string] | Sourced | null};

export interface StoryFacts {
  figures: Record<string, Figure>;
  claims: Sourced[];
  statements: Sourced[];
}

export interface InspectionRecord {
  ratings: Sourced[];
  findings: Sourced[];
  events: Sourced[];
  terms: Term[];
}

function withSources(facts: FactBase, table: string): Sourced[] {
  const sources = sourceIndex(facts);
  const key = facts.tables.get(table)!.resource.schema.primaryKey as string;
  const disagreements = disagreementsFor(facts, table);
  return facts.rows(table).map((row) => {
    const all = rowSources(row, sources);
    return {...row, source: all[0], sources: all, disagreements: disagreements.get(row[key] as string) ?? []};
  });
}

export function storyFacts(facts: FactBase): StoryFacts {
  return {figures: Object.fromEntries(buildFigures(facts)), claims: withSources(facts, "claims"), statements: withSources(facts, "statements")};
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
