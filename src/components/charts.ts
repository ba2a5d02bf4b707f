/**
 * Every published chart by id, drawn from the data the pages load. The story
 * pages and the embed pages call the same functions, so an embedded chart is
 * the chart on the page.
 */
import type {Figure} from "../lib/figures.js";
import type {InspectionRecord} from "../lib/story.js";
import {AgesChart} from "./ages.js";
import type {EmbedId} from "./embeds.js";
import {FamiliesChart} from "./families.js";
import {FunnelChart} from "./funnel.js";
import {LdContextChart} from "./ld-context.js";
import {ServiceGroupsChart} from "./service-groups.js";
import {EventsTimelineChart, WarningNoticeChart} from "./event-timelines.js";
import {FindingsTable, explorerRows} from "./findings-table.js";
import {FinesChart} from "./fines.js";
import {LeadershipChart} from "./leadership.js";
import {LigatureThreadChart} from "./ligature-thread.js";
import {RatingsGridChart} from "./ratings-grid.js";
import type {EventRow, FindingRow, RatingRow, TermRow} from "./record.js";

export interface ChartData {
  figures: Record<string, Figure>;
  record: InspectionRecord;
}

type Render = (data: ChartData, width: number) => HTMLElement;

export const CHARTS: Record<EmbedId, Render> = {
  funnel: ({figures}, width) => FunnelChart(figures, {width}),
  "service-groups": ({figures}, width) => ServiceGroupsChart(figures, {width}),
  families: ({figures}, width) => FamiliesChart(figures, {width}),
  "ld-context": ({figures}, width) => LdContextChart(figures, {width}),
  ages: ({figures}, width) => AgesChart(figures, {width}),
  "ratings-trust": ({record}, width) => RatingsGridChart(record.ratings as unknown as RatingRow[], {width}),
  "ratings-core-services": ({record}, width) => RatingsGridChart(record.ratings as unknown as RatingRow[], {width, scope: "core service"}),
  "ligature-thread": ({record}, width) => LigatureThreadChart(inspections(record), {width}),
  "warning-notice": ({record}, width) => WarningNoticeChart(inspections(record), {width}),
  fines: ({record}, width) => FinesChart(inspections(record).findings, {width}),
  timeline: ({record}, width) => EventsTimelineChart(inspections(record), {width}),
  findings: ({record}, width) => {
    const rows = explorerRows(inspections(record).findings);
    return FindingsTable(rows, {total: rows.length, width});
  },
  leadership: ({record}, width) => LeadershipChart({terms: record.terms as unknown as TermRow[], events: inspections(record).events}, {width})
};

/** The inspection record as the regulators' components type it. */
function inspections(record: InspectionRecord): {findings: FindingRow[]; events: EventRow[]} {
  return {findings: record.findings as unknown as FindingRow[], events: record.events as unknown as EventRow[]};
}

export function renderChart(id: string, data: ChartData, width: number): HTMLElement {
  const render = CHARTS[id as EmbedId];
  if (!render) throw new Error(`no chart named '${id}'`);
  return render(data, width);
}
