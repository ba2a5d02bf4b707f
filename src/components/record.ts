/**
 * The inspection record as the pages receive it from data/inspections.json:
 * the row shapes of cqc_ratings, cqc_findings, events and leadership_terms,
 * each with its source resolved, and the helpers every chart of that record
 * shares (its sources, a flat copy of its rows for the CSV download).
 */
import type {Disagreement, SourceRef} from "../lib/figures.js";
import {sourceLink} from "./fact.js";
import type {Precision} from "../lib/format.js";
import type {Rating} from "./palette.js";
import type {Status} from "../lib/status.js";

/** What every sourced row carries once its sources are resolved. */
export type Provenance = {
  status: Status;
  source_id: string;
  other_source_ids: string | null;
  quote: string | null;
  /** The strongest source (source_id). */
  source: SourceRef;
  /** Every source that states it, strongest first. */
  sources: SourceRef[];
  /** Where another source gives a different value. */
  disagreements: Disagreement[];
};

export type EventRow = Provenance & {
  event_id: string;
  date: string;
  date_precision: Precision;
  date_note: string | null;
  event: string;
  people: string | null;
  category: string;
};

export type FindingRow = Provenance & {
  finding_id: string;
  event: string;
  body: string;
  inspected: string | null;
  inspected_precision: Precision | null;
  inspected_note: string | null;
  dated: string;
  dated_precision: Precision;
  date_role: string;
  location: string | null;
  theme: string;
  finding: string;
  value: number | null;
  qualifier: string | null;
  unit: string | null;
};

export type RatingRow = Provenance & {
  rating_id: string;
  inspection_id: string;
  inspected: string | null;
  inspected_precision: Precision | null;
  inspected_note: string | null;
  published: string | null;
  published_precision: Precision | null;
  published_note: string | null;
  scope: "trust" | "core service";
  service: string;
  key_question: string;
  rating: Rating;
  previous_rating: Rating | null;
  note: string | null;
};

export type TermRow = {
  term_id: string;
  role: string;
  person: string;
  start_event_id: string | null;
  end_event_id: string | null;
  note: string | null;
  start: EventRow | null;
  end: EventRow | null;
};

export type InspectionRecord = {
  ratings: RatingRow[];
  findings: FindingRow[];
  events: EventRow[];
  terms: TermRow[];
};

/** The strongest source of each row drawn, for a chart's source notes; the sources page lists the rest. */
export function sourcesOf(rows: {source: SourceRef}[]): SourceRef[] {
  return rows.map((row) => row.source);
}

/** A row as the CSV download carries it: the nested source becomes columns. */
export function flatRow<T extends {source: SourceRef; sources?: SourceRef[]; disagreements?: Disagreement[]}>(row: T): Record<string, unknown> {
  const {source, sources: _sources, disagreements, ...rest} = row;
  return {
    ...rest,
    source_publisher: source.publisher,
    source_title: source.title,
    source_url: source.url,
    sources_differ: disagreements?.length ? disagreements.map((d) => `${d.field}: ${d.otherValue} (${d.source.publisher})`).join("; ") : ""
  };
}

export function eventById(events: EventRow[], id: string): EventRow {
  const event = events.find((e) => e.event_id === id);
  if (!event) throw new Error(`no event '${id}' in data/events.csv`);
  return event;
}

/** "a, b and c", for alt text and titles. */
export function listOf(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A source link named by its publisher alone, for tables; the full title is on hover and read out. */
export function compactSourceLink(source: SourceRef): HTMLAnchorElement {
  const link = sourceLink(source);
  link.title = link.textContent ?? "";
  link.setAttribute("aria-label", link.title);
  link.textContent = source.publisher;
  return link;
}
