/**
 * The CQC's inspections as its ratings name them: in the order they took
 * place, each labelled no more precisely than its source dates it. Kept apart
 * from the ratings grid so that the page's prose needs no charting library.
 */
import {byText, formatDate, precisionOf} from "../../lib/story/format.js";
import type {RatingRow} from "./record.js";

export type Scope = RatingRow["scope"];

/** What a rating row says about the inspection it comes from. */
export type Inspection = Pick<RatingRow, "inspection_id" | "inspected" | "inspected_precision" | "inspected_note" | "published" | "published_precision" | "published_note">;

/** The inspection a rating comes from. */
export function inspectionOf({inspection_id, inspected, inspected_precision, inspected_note, published, published_precision, published_note}: RatingRow): Inspection {
  return {inspection_id, inspected, inspected_precision, inspected_note, published, published_precision, published_note};
}

/** Inspections in the order they took place; an undated one (a copy of a provider page) goes last. */
export function inspectionsOf(ratings: RatingRow[]): Inspection[] {
  const byId = new Map<string, Inspection>();
  for (const r of ratings) if (!byId.has(r.inspection_id)) byId.set(r.inspection_id, inspectionOf(r));
  return [...byId.values()].sort((a, b) => (a.inspected === null ? 1 : b.inspected === null ? -1 : byText(a.inspected, b.inspected)));
}

/** When an inspection took place, no more precisely than its source says; a year alone on a phone. */
export function inspectionLabel(inspection: Inspection, {short = false} = {}): string {
  if (inspection.inspected === null) return short ? "No\ndate" : "Undated";
  const precision = precisionOf(inspection.inspected_precision);
  return short ? inspection.inspected.slice(0, 4) : formatDate(inspection.inspected, precision === "day" ? "month" : precision);
}
