/**
 * What each chart reads: the figures it draws, by id, and which rows of the
 * inspection record. The chart components take their figure ids and their
 * windows from here, and the loaders send a page (or an embed) exactly what
 * its charts read, so the two cannot drift apart: a chart that reads a figure
 * its page was not sent fails the build, and a test draws every chart from
 * what it is sent and from the whole record and requires the same drawing.
 *
 * Kept free of any browser or table-library import: the chart components run
 * in the reader's browser and import it.
 */
import {fineGroups} from "./fines.js";
import type {Precision} from "./format.js";
import type {EventRow, FindingRow, RatingRow, TermRow} from "./story.js";
import {rowsBetween, timeSpan} from "./time-span.js";

// The figures of each chart, with what the chart calls them.

/** The steps of the funnel, as figure ids; each step after the first is drawn with its share of the step before. */
export const FUNNEL_STEPS = [
  {id: "deaths_total", step: "All deaths in the review", share: null},
  {id: "deaths_reported_ulysses", step: "Reported on the incident system", share: "share_deaths_reported_ulysses"},
  {id: "deaths_unexpected", step: "Categorised as unexpected", share: "share_deaths_unexpected"},
  {id: "unexpected_reviewed", step: "Given some review", share: "share_unexpected_reviewed"},
  {id: "unexpected_investigated_cir_siri", step: "Investigated (CIR or SIRI)", share: "share_unexpected_investigated_cir_siri"}
] as const;

/** Investigation rates by service group: the figures in each panel, one panel per measure, and the group each is about. */
export const SERVICE_GROUP_MEASURES = [
  {
    measure: "Share of all deaths investigated (CIR or SIRI)",
    figures: [
      {id: "amh_all_investigated_pct", group: "Adult mental health"},
      {id: "ld_all_investigated_pct", group: "Learning disability"}
    ]
  },
  {
    measure: "Share of unexpected deaths investigated (CIR or SIRI)",
    figures: [
      {id: "amh_unexpected_investigated_pct", group: "Adult mental health"},
      {id: "share_ld_unexpected_investigated", group: "Learning disability"},
      {id: "share_unexpected_investigated_cir_siri", group: "All services"}
    ]
  },
  {measure: "Share of all deaths investigated as SIRI only", figures: [{id: "opmh_all_investigated_siri_pct", group: "Older people's mental health"}]}
] as const;

/** Families left out: the share drawn, and the two counts of investigations it could be a share of. */
export const FAMILIES_FIGURES = {
  notInvolved: "family_not_involved_pct",
  investigated: "unexpected_investigated_cir_siri",
  investigatedSiri: "investigated_siri"
} as const;

/** The trust's learning disability investigation rate against what others reported. */
export const LD_COMPARISON = [
  {id: "share_ld_unexpected_investigated", who: "Southern Health (Mazars review)", focus: true},
  {id: "guardian_ld_unexpected_investigated", who: "Hospitals in England (Guardian FOI)", focus: false},
  {id: "guardian_mh_trusts_ld_unexpected", who: "Mental health trusts (BBC)", focus: false}
] as const;

/** Study, population and figure id of each age drawn. */
export const AGE_FIGURES = [
  {id: "ld_mean_age_at_death_draft", study: "Mazars review", population: "Learning disability"},
  {id: "ld_median_age_at_death", study: "Mazars review", population: "Learning disability"},
  {id: "cipold_median_age_men", study: "CIPOLD", population: "Learning disability, men"},
  {id: "cipold_median_age_women", study: "CIPOLD", population: "Learning disability, women"},
  {id: "leder2017_median_men", study: "LeDeR first report", population: "Learning disability, men"},
  {id: "leder2017_median_women", study: "LeDeR first report", population: "Learning disability, women"},
  {id: "leder2018_mean_age", study: "LeDeR second report", population: "Learning disability"},
  {id: "leder2019_median_ld_men", study: "LeDeR third report", population: "Learning disability, men"},
  {id: "leder2019_median_ld_women", study: "LeDeR third report", population: "Learning disability, women"},
  {id: "leder2019_median_general_men", study: "LeDeR third report", population: "General population, men"},
  {id: "leder2019_median_general_women", study: "LeDeR third report", population: "General population, women"}
] as const;

/** The leaked draft against the final report: rows pair figures by id (null where one side states nothing). */
export const DRAFT_FINAL_PAIRS = [
  {topic: "Deaths called “unexpected”", draft: "leak_unexpected_1454", final: "deaths_unexpected", why: "The leak counted every death reported on the incident system as unexpected; the final report counts those the trust categorised as unexpected, a subset."},
  {topic: "Deaths reported on the incident system", draft: null, final: "deaths_reported_ulysses", why: "The same count in both; the final report calls it what it is."},
  {topic: "Investigations reported as SIRI", draft: "investigated_siri", final: null, why: "Quoted from the draft and in Parliament; not re-confirmed from the final text."},
  {topic: "Age at death, learning disability", draft: "ld_mean_age_at_death_draft", final: "ld_median_age_at_death", why: "The draft gives a mean; the final report, as cited, a median. Different statistics, not a correction."}
] as const;

// The events and findings of each chart, by id or by the window it draws.

/** Key events drawn over the timelines, with their short labels. */
export const KEY_EVENTS = [
  {id: "2015_12_17_mazars_final_published", label: "Mazars report"},
  {id: "2016_03_16_warning_notice_issued", label: "Warning notice"},
  {id: "2016_04_28_chair_resigns", label: "Chair resigns"},
  {id: "2016_08_30_percy_steps_down", label: "Chief executive steps down"}
] as const;

/** The crisis, from the leak of the Mazars draft to the chief executive leaving the trust. */
export const CRISIS_BOUNDS = {from: "2015_12_09_mazars_draft_leaked", to: "2016_10_percy_leaves_trust"} as const;

/** The warning notice's chart runs from the Mazars report to CQC's finding that the notice was met. */
export const WARNING_NOTICE_EVENTS = {from: "2015_12_17_mazars_final_published", issued: "2016_03_16_warning_notice_issued", met: "2016_11_25_warning_notice_met"} as const;

/** The focused inspection's finding that the earlier warnings had not been acted on. */
export const REPEAT_FINDING = "2016_04_ligature_repeat_finding";

/** The events marked on the ligature thread. */
export const THREAD_EVENTS = [
  {id: "2015_12_17_mazars_final_published", label: "Mazars report"},
  {id: "2016_03_16_warning_notice_issued", label: "Warning notice"}
] as const;

/** What an event needs for its place in time. */
type Dated = {event_id: string; date: string; date_precision: string};

export function eventById<T extends Dated>(events: T[], id: string): T {
  const event = events.find((e) => e.event_id === id);
  if (!event) throw new Error(`no event '${id}' in data/events.csv`);
  return event;
}

const spanOf = <T extends Dated>(event: T) => ({event, ...timeSpan(event.date, event.date_precision as Precision)});

/** The events of the crisis window, from the start of its first event to the end of its last; events dated only to a year are left to the full timeline. */
export function crisisEvents<T extends Dated>(events: T[]): T[] {
  const from = spanOf(eventById(events, CRISIS_BOUNDS.from)).start;
  const to = spanOf(eventById(events, CRISIS_BOUNDS.to)).end;
  return rowsBetween(events.map(spanOf), from, to)
    .map((s) => s.event)
    .filter((e) => e.date_precision !== "year");
}

/** Whole months from the Mazars report to the notice being met. */
export function warningNoticeWindow(events: Dated[]): [Date, Date] {
  const month = (e: Dated, offset: number) => new Date(Date.UTC(Number(e.date.slice(0, 4)), Number(e.date.slice(5, 7)) - 1 + offset, 1));
  return [month(eventById(events, WARNING_NOTICE_EVENTS.from), 0), month(eventById(events, WARNING_NOTICE_EVENTS.met), 1)];
}

/** The events the warning notice's chart draws in its window, and those it names: its key events and its bounds. */
export function warningNoticeEvents<T extends Dated>(events: T[]): T[] {
  const [from, to] = warningNoticeWindow(events);
  const named = new Set([...KEY_EVENTS.map((e) => e.id), ...Object.values(WARNING_NOTICE_EVENTS)].map((id) => eventById(events, id)));
  const drawn = new Set(rowsBetween(events.map(spanOf), from, to).map((s) => s.event));
  return events.filter((e) => named.has(e) || drawn.has(e));
}

/** A finding about ligature risks: the thread follows these. */
export function isLigatureFinding(finding: {theme: string; finding: string}): boolean {
  return finding.theme === "ligature" || /ligature/i.test(finding.finding);
}

// The registry: what each chart reads.

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
