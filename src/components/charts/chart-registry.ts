/**
 * Every published chart, one entry each: its id (the key), the title an
 * editor sees it by, what it reads of the story's data, and how it is drawn
 * from that. Everything else follows from the entry: the data a page or an
 * embed is sent (src/lib/delivery/page-data.ts, given these reads and the
 * charts a page places), the drawing at build, the embed page and the images
 * (scripts/prerender/static-charts.ts), the embed button in the chart's frame,
 * and the tests that draw every chart from what it is sent. Adding a chart is
 * its entry here, its drawing, and its place on a page.
 *
 * Each chart's module is imported only when that chart is drawn: an embed
 * page downloads its own chart and nothing else. An entry without `draw` is
 * drawn only on its page (a table the page lays out itself), and has no embed.
 */
import {AGE_FIGURES, DRAFT_FINAL_PAIRS, FAMILIES_FIGURES, FUNNEL_STEPS, LD_COMPARISON, SERVICE_GROUP_MEASURES} from "../../lib/delivery/chart-figures.js";
import {THREAD_EVENTS, crisisEvents, isLigatureFinding, warningNoticeEvents} from "../../lib/delivery/chart-records.js";
import type {Charts, Reads} from "../../lib/delivery/chart-reads.js";
import type {Figure} from "../../lib/story/figures.js";
import {fineGroups} from "../../lib/story/fines.js";
import type {InspectionRecord} from "../../lib/story/story.js";

/** What a chart is drawn from: the figures and the inspection record it reads, as its page receives them. */
export interface ChartData {
  figures: Record<string, Figure>;
  record: InspectionRecord;
}

export interface ChartEntry {
  /** What an editor knows the chart by (the embed list, the embed page's title when the frame has none). */
  title: string;
  reads: Reads;
  /** Draws the chart, framed, at a width; absent for a table drawn only on its page. */
  draw?: (data: ChartData, width: number) => Promise<HTMLElement>;
  /** False for a table: it has an embed but no image, and a link preview shows the page's next chart. */
  image?: false;
  /** For a table drawn only on its page: the function the page calls to lay it out, by which the page's reads find it. */
  drawnOnPageBy?: string;
}

export const CHART_REGISTRY = {
  funnel: {
    title: "From every death to an investigation",
    reads: {figures: FUNNEL_STEPS.flatMap((s) => (s.share ? [s.id, s.share] : [s.id]))},
    draw: async ({figures}, width) => (await import("./funnel.js")).FunnelChart(figures, {width})
  },
  "service-groups": {
    title: "Investigation rates by service group",
    reads: {figures: SERVICE_GROUP_MEASURES.flatMap((m) => m.figures.map((f) => f.id))},
    draw: async ({figures}, width) => (await import("./service-groups.js")).ServiceGroupsChart(figures, {width})
  },
  families: {
    title: "Investigations that did not involve the family",
    reads: {figures: Object.values(FAMILIES_FIGURES)},
    draw: async ({figures}, width) => (await import("./families.js")).FamiliesChart(figures, {width})
  },
  "ld-context": {
    title: "Learning disability: unexpected deaths investigated, in context",
    reads: {figures: LD_COMPARISON.map((c) => c.id)},
    draw: async ({figures}, width) => (await import("./ld-context.js")).LdContextChart(figures, {width})
  },
  ages: {
    title: "Age at death",
    reads: {figures: AGE_FIGURES.map((a) => a.id)},
    draw: async ({figures}, width) => (await import("./ages.js")).AgesChart(figures, {width})
  },
  "draft-final": {
    title: "The leaked draft against the final report",
    reads: {figures: DRAFT_FINAL_PAIRS.flatMap((p) => [p.draft, p.final]).filter((id): id is NonNullable<typeof id> => id !== null)},
    drawnOnPageBy: "DraftFinalTable"
  },
  "ratings-trust": {
    title: "CQC ratings of the trust, by inspection and key question",
    reads: {ratings: "all"},
    draw: async ({record}, width) => (await import("./ratings-grid.js")).RatingsGridChart(record.ratings, {width})
  },
  "ratings-core-services": {
    title: "CQC ratings of core services",
    reads: {ratings: "all"},
    draw: async ({record}, width) => (await import("./ratings-grid.js")).RatingsGridChart(record.ratings, {width, scope: "core service"})
  },
  "ligature-thread": {
    title: "Ligature risks: from the first warning to the focused inspection",
    reads: {findings: (findings) => findings.filter(isLigatureFinding), events: THREAD_EVENTS.map((e) => e.id)},
    draw: async ({record}, width) => (await import("./timelines/ligature-thread.js")).LigatureThreadChart({findings: record.findings, events: record.events}, {width})
  },
  "warning-notice": {
    title: "The warning notice, from the Mazars report to its requirements being met",
    reads: {events: warningNoticeEvents},
    draw: async ({record}, width) => (await import("./timelines/event-timelines.js")).WarningNoticeChart({events: record.events}, {width})
  },
  fines: {
    title: "Prosecutions and fines",
    reads: {findings: (findings) => fineGroups(findings).flat()},
    draw: async ({record}, width) => (await import("./fines.js")).FinesChart(record.findings, {width})
  },
  "crisis-timeline": {
    title: "The crisis of 2016, month by month",
    reads: {events: crisisEvents},
    draw: async ({record}, width) => (await import("./timelines/crisis-timeline.js")).CrisisTimelineChart({events: record.events}, {width})
  },
  // The full timeline draws every event.
  timeline: {
    title: "Timeline of events",
    reads: {events: "all"},
    draw: async ({record}, width) => (await import("./timelines/event-timelines.js")).EventsTimelineChart({events: record.events}, {width})
  },
  // The leadership chart finds a term's events by the people they name.
  leadership: {
    title: "Who chaired and led the trust",
    reads: {terms: "all", events: "all"},
    draw: async ({record}, width) => (await import("./timelines/leadership.js")).LeadershipChart({terms: record.terms, events: record.events}, {width})
  },
  findings: {
    title: "Every inspection finding, with its source",
    reads: {findings: "all"},
    image: false,
    draw: async ({record}, width) => {
      const {FindingsTable, explorerRows} = await import("./findings-table.js");
      const rows = explorerRows(record.findings);
      return FindingsTable(rows, {total: rows.length, width});
    }
  }
} as const satisfies Record<string, ChartEntry>;

export type ChartId = keyof typeof CHART_REGISTRY;

/** Every chart's reads, by id: what the loaders are given to send a page or an embed its data. */
export const CHART_READS: Readonly<Record<ChartId, Reads>> = Object.fromEntries(Object.entries(CHART_REGISTRY).map(([id, entry]) => [id, entry.reads])) as Record<ChartId, Reads>;

/** What the loaders are given to find a page's charts and send their data (src/lib/delivery/page-reads.ts). */
export const CHARTS: Charts = {
  reads: CHART_READS,
  drawnOnPageBy: Object.fromEntries(Object.entries(CHART_REGISTRY as Record<ChartId, ChartEntry>).flatMap(([id, entry]) => (entry.drawnOnPageBy ? [[entry.drawnOnPageBy, id]] : [])))
};

/** The charts with a drawing of their own, each with an embed page: `embed/<id>.html`. */
export const EMBEDDABLE_CHARTS: {id: ChartId; title: string; draw: NonNullable<ChartEntry["draw"]>}[] = Object.entries(CHART_REGISTRY as Record<ChartId, ChartEntry>).flatMap(([id, {title, draw}]) =>
  draw ? [{id: id as ChartId, title, draw}] : []
);

export function renderChart(id: string, data: ChartData, width: number): Promise<HTMLElement> {
  const chart = EMBEDDABLE_CHARTS.find((c) => c.id === id);
  if (!chart) throw new Error(`no chart named '${id}'`);
  return chart.draw(data, width);
}
