/**
 * Every published chart by id, drawn from the data the pages load. The story
 * pages and the embed pages call the same chart functions, so an embedded
 * chart is the chart on the page. Each chart's module is imported only when
 * that chart is drawn: an embed page downloads its own chart and nothing else.
 */
import type {Figure} from "../lib/figures.js";
import type {InspectionRecord} from "../lib/story.js";
import type {EmbedId} from "./embeds.js";
import type {EventRow, FindingRow} from "./record.js";

export interface ChartData {
  figures: Record<string, Figure>;
  record: InspectionRecord;
}

type Render = (data: ChartData, width: number) => Promise<HTMLElement>;

/** The findings and events, as the regulators' timeline components take them. */
function inspections(record: InspectionRecord): {findings: FindingRow[]; events: EventRow[]} {
  return {findings: record.findings, events: record.events};
}

export const CHARTS: Record<EmbedId, Render> = {
  funnel: async ({figures}, width) => (await import("./funnel.js")).FunnelChart(figures, {width}),
  "service-groups": async ({figures}, width) => (await import("./service-groups.js")).ServiceGroupsChart(figures, {width}),
  families: async ({figures}, width) => (await import("./families.js")).FamiliesChart(figures, {width}),
  "ld-context": async ({figures}, width) => (await import("./ld-context.js")).LdContextChart(figures, {width}),
  ages: async ({figures}, width) => (await import("./ages.js")).AgesChart(figures, {width}),
  "ratings-trust": async ({record}, width) => (await import("./ratings-grid.js")).RatingsGridChart(record.ratings, {width}),
  "ratings-core-services": async ({record}, width) =>
    (await import("./ratings-grid.js")).RatingsGridChart(record.ratings, {width, scope: "core service"}),
  "ligature-thread": async ({record}, width) => (await import("./ligature-thread.js")).LigatureThreadChart(inspections(record), {width}),
  "warning-notice": async ({record}, width) => (await import("./event-timelines.js")).WarningNoticeChart(inspections(record), {width}),
  fines: async ({record}, width) => (await import("./fines.js")).FinesChart(inspections(record).findings, {width}),
  "crisis-timeline": async ({record}, width) => (await import("./crisis-timeline.js")).CrisisTimelineChart(inspections(record), {width}),
  timeline: async ({record}, width) => (await import("./event-timelines.js")).EventsTimelineChart(inspections(record), {width}),
  leadership: async ({record}, width) =>
    (await import("./leadership.js")).LeadershipChart({terms: record.terms, events: inspections(record).events}, {width}),
  findings: async ({record}, width) => {
    const {FindingsTable, explorerRows} = await import("./findings-table.js");
    const rows = explorerRows(inspections(record).findings);
    return FindingsTable(rows, {total: rows.length, width});
  }
};

export function renderChart(id: string, data: ChartData, width: number): Promise<HTMLElement> {
  const render = CHARTS[id as EmbedId];
  if (!render) throw new Error(`no chart named '${id}'`);
  return render(data, width);
}
