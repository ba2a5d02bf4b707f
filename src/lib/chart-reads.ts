/**
 * What each chart reads: the figures it draws, by id, and which rows of the
 * inspection record (src/lib/chart-figures.ts, src/lib/chart-records.ts, whose
 * lists and windows the chart components draw with). The loaders send a page
 * (or an embed) exactly what its charts read, so the two cannot drift apart:
 * the build draws every chart from what it is sent, and a test draws it from
 * that and from the whole record and requires the same drawing.
 */
import {AGE_FIGURES, DRAFT_FINAL_PAIRS, FAMILIES_FIGURES, FUNNEL_STEPS, LD_COMPARISON, SERVICE_GROUP_MEASURES} from "./chart-figures.js";
import {THREAD_EVENTS, crisisEvents, isLigatureFinding, warningNoticeEvents} from "./chart-records.js";
import {fineGroups} from "./fines.js";
import type {EventRow, FindingRow, RatingRow, TermRow} from "./story.js";

/** Rows of a table: every row, the rows with these ids, or the rows a chart draws, chosen from every row. */
export type Rows<T> = "all" | readonly string[] | ((rows: T[]) => T[]);

export interface Reads {
  /** Figures, by id. */
  figures?: readonly string[];
  /** Every claim, each with the figure it disputes. */
  claims?: "all";
  /** Statements, by id. */
  statements?: readonly string[];
  events?: Rows<EventRow>;
  findings?: Rows<FindingRow>;
  ratings?: Rows<RatingRow>;
  terms?: Rows<TermRow>;
}

/** Every chart an editor can embed (src/components/embeds.ts lists the same ids), and the draft/final table of the deaths page. */
export const CHART_READS = {
  funnel: {figures: FUNNEL_STEPS.flatMap((s) => (s.share ? [s.id, s.share] : [s.id]))},
  "service-groups": {figures: SERVICE_GROUP_MEASURES.flatMap((m) => m.figures.map((f) => f.id))},
  families: {figures: Object.values(FAMILIES_FIGURES)},
  "ld-context": {figures: LD_COMPARISON.map((c) => c.id)},
  ages: {figures: AGE_FIGURES.map((a) => a.id)},
  "draft-final": {figures: DRAFT_FINAL_PAIRS.flatMap((p) => [p.draft, p.final]).filter((id): id is NonNullable<typeof id> => id !== null)},
  "ratings-trust": {ratings: "all"},
  "ratings-core-services": {ratings: "all"},
  "ligature-thread": {findings: (findings) => findings.filter(isLigatureFinding), events: THREAD_EVENTS.map((e) => e.id)},
  "warning-notice": {events: warningNoticeEvents},
  fines: {findings: (findings) => fineGroups(findings).flat()},
  "crisis-timeline": {events: crisisEvents},
  // The full timeline draws every event; the leadership chart finds a term's events by the people they name.
  timeline: {events: "all"},
  leadership: {terms: "all", events: "all"},
  findings: {findings: "all"}
} as const satisfies Record<string, Reads>;

export type ChartId = keyof typeof CHART_READS;
