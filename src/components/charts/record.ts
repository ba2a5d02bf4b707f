/**
 * The inspection record as the pages receive it (in data/pages/<page>.json):
 * the row shapes of cqc_ratings, cqc_findings, events and leadership_terms,
 * each with its sources resolved, and the helpers every chart of that record
 * shares (its sources, a flat copy of its rows for the CSV download).
 */
import type {Disagreement, SourceRef} from "../../lib/story/figures.js";
import {sourceLink} from "../prose/fact.js";
import {fieldName} from "../../lib/story/reader-text.js";

// Row shapes come from the data package (src/lib/factbase/rows.ts, generated) through src/lib/story/story.ts, so the
// pages, the loaders and the validator share one typed model.
export type {EventRow, FindingRow, InspectionRecord, RatingRow, Resolved, TermRow} from "../../lib/story/story.js";

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
    sources_differ: disagreements?.length ? disagreements.map((d) => `${fieldName(d.field)}: ${d.otherValue} (${d.source.publisher})`).join("; ") : ""
  };
}

export {eventById} from "../../lib/story/checked-lookups.js";

/** The first and the last of the rows a chart draws, in order; a chart with none to draw fails, saying which. */
export function firstAndLast<T>(rows: readonly T[], what: string): [T, T] {
  const first = rows[0];
  const last = rows.at(-1);
  if (first === undefined || last === undefined) throw new Error(`${what}: nothing to draw`);
  return [first, last];
}

/** "a, b and c", for alt text and titles. */
export function listOf(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** A source link named by its credit alone (publisher, or the document it reprints), for tables; the full title is on hover and read out. */
export function compactSourceLink(source: SourceRef): HTMLAnchorElement {
  const link = sourceLink(source);
  link.title = link.textContent ?? "";
  link.setAttribute("aria-label", link.title);
  link.textContent = source.credit;
  return link;
}
