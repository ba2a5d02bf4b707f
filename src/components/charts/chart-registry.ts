/**
 * Every published chart, one entry each: its id (the key), the title an
 * editor sees it by, what it reads of the story's data, and how it is drawn
 * from that. Everything else follows from the entry: the live chart on a
 * page (`chartCell`), the data a page or an embed is sent
 * (src/lib/delivery/page-data.ts, given these reads and the charts a page
 * places), the drawing at build, the embed page and the images
 * (scripts/prerender/static-charts.ts), the embed button in the chart's frame,
 * and the tests that draw every chart from what it is sent. Adding a chart is
 * its entry here and its drawing; a page places it with a
 * `data-static-chart` placeholder and a `chartCell(id, data)` cell.
 *
 * Each chart's module is imported only when that chart is drawn: a reader's
 * page loads no Plot until a chart goes live, and an embed page downloads its
 * own chart and nothing else. An entry without `draw` is drawn only on its
 * page (a table the page lays out itself), and has no embed.
 */
import {AGE_FIGURES, DRAFT_FINAL_PAIRS, FAMILIES_FIGURES, FUNNEL_STEPS, LD_COMPARISON, SERVICE_GROUP_MEASURES} from "../../lib/delivery/chart-figures.js";
import {THREAD_EVENTS, crisisEvents, isLigatureFinding, warningNoticeEvents} from "../../lib/delivery/chart-records.js";
import type {Charts, Reads} from "../../lib/delivery/chart-reads.js";
import type {Figure} from "../../lib/story/figures.js";
import {fineGroups} from "../../lib/story/fines.js";
import type {InspectionRecord} from "../../lib/story/story.js";
import {lazyChart} from "../frame/lazy-chart.js";
import type {Period} from "./timelines/periods.js";

/** What a chart is drawn from: the figures and the inspection record it reads, as its page receives them. */
export interface ChartData {
  figures: Record<string, Figure>;
  record: InspectionRecord;
}

export interface ChartEntry {
  /** What an editor knows the chart by (the embed list, the embed page's title when the frame has none). */
  title: string;
  reads: Reads;
  /** Draws the chart, framed, at a width, at build and on its embed page; absent for a table drawn only on its page. */
  draw?: (data: ChartData, width: number) => Promise<HTMLElement>;
  /**
   * The chart's cell on a story page, `key` its id: the live chart, drawn from the page's data when
   * the reader reaches it (lazy-chart.ts), with the page's own choices (a filter) where it takes any.
   */
  cell?(key: string, data: PageChartData, options?: object, lazy?: {now?: boolean}): HTMLDivElement;
  /** False for a table: it has an embed but no image, and a link preview shows the page's next chart. */
  image?: false;
  /** For a table drawn only on its page: the function the page calls to lay it out, by which the page's reads find it. */
  drawnOnPageBy?: string;
}

/** What a page hands its chart: the parts of the record its data file holds (a page takes only what it reads). */
export type PageChartData = {figures?: Record<string, Figure>} & Partial<InspectionRecord>;

/**
 * An entry from its module and how the chart is drawn from it: `load` imports the chart's module
 * (only when the chart is drawn, so that a page or an embed downloads its own charts and no
 * other), `draw` draws it from that module, the data and a width, with the page's choices.
 */
function chart<M, O extends object = Record<string, never>>(spec: {
  title: string;
  reads: Reads;
  load: () => Promise<M>;
  draw: (module: M, data: ChartData, width: number, options?: O) => HTMLElement;
  image?: false;
}): ChartEntry {
  const {load, draw, ...entry} = spec;
  return {
    ...entry,
    draw: async (data, width) => draw(await load(), data, width),
    cell: (key: string, data: PageChartData, options?: O, lazy?: {now?: boolean}) => {
      const whole = fromPage(key, spec.reads, data);
      return lazyChart(key, load, (module, width) => draw(module, whole, width, options), lazy);
    }
  };
}

/** A chart's data from what its page hands it; a part the chart reads that the page did not hand it stops the page, naming it. */
function fromPage(key: string, reads: Reads, data: PageChartData): ChartData {
  const missing = (["figures", "events", "findings", "ratings", "terms"] as const).filter((part) => reads[part] !== undefined && data[part] === undefined);
  if (missing.length) throw new Error(`the chart '${key}' reads ${missing.join(" and ")}, which its page did not hand it`);
  return {figures: data.figures ?? {}, record: {events: data.events ?? [], findings: data.findings ?? [], ratings: data.ratings ?? [], terms: data.terms ?? []}};
}

export const CHART_REGISTRY = {
  funnel: chart({
    title: "From every death to an investigation",
    reads: {figures: FUNNEL_STEPS.flatMap((s) => (s.share ? [s.id, s.share] : [s.id]))},
    load: () => import("./funnel.js"),
    draw: (chart, {figures}, width) => chart.FunnelChart(figures, {width})
  }),
  "service-groups": chart({
    title: "Investigation rates by service group",
    reads: {figures: SERVICE_GROUP_MEASURES.flatMap((m) => m.figures.map((f) => f.id))},
    load: () => import("./service-groups.js"),
    draw: (chart, {figures}, width) => chart.ServiceGroupsChart(figures, {width})
  }),
  families: chart({
    title: "Investigations that did not involve the family",
    reads: {figures: Object.values(FAMILIES_FIGURES)},
    load: () => import("./families.js"),
    draw: (chart, {figures}, width) => chart.FamiliesChart(figures, {width})
  }),
  "ld-context": chart({
    title: "Learning disability: unexpected deaths investigated, in context",
    reads: {figures: LD_COMPARISON.map((c) => c.id)},
    load: () => import("./ld-context.js"),
    draw: (chart, {figures}, width) => chart.LdContextChart(figures, {width})
  }),
  ages: chart({
    title: "Age at death",
    reads: {figures: AGE_FIGURES.map((a) => a.id)},
    load: () => import("./ages.js"),
    draw: (chart, {figures}, width) => chart.AgesChart(figures, {width})
  }),
  "draft-final": {
    title: "The leaked draft against the final report",
    reads: {figures: DRAFT_FINAL_PAIRS.flatMap((p) => [p.draft, p.final]).filter((id): id is NonNullable<typeof id> => id !== null)},
    drawnOnPageBy: "DraftFinalTable"
  },
  "ratings-trust": chart({
    title: "CQC ratings of the trust, by inspection and key question",
    reads: {ratings: "all"},
    load: () => import("./ratings-grid.js"),
    draw: (chart, {record}, width) => chart.RatingsGridChart(record.ratings, {width})
  }),
  "ratings-core-services": chart({
    title: "CQC ratings of core services",
    reads: {ratings: "all"},
    load: () => import("./ratings-grid.js"),
    draw: (chart, {record}, width) => chart.RatingsGridChart(record.ratings, {width, scope: "core service"})
  }),
  "ligature-thread": chart({
    title: "Ligature risks: from the first warning to the focused inspection",
    reads: {findings: (findings) => findings.filter(isLigatureFinding), events: THREAD_EVENTS.map((e) => e.id)},
    load: () => import("./timelines/ligature-thread.js"),
    draw: (chart, {record}, width) => chart.LigatureThreadChart({findings: record.findings, events: record.events}, {width})
  }),
  "warning-notice": chart({
    title: "The warning notice, from the Mazars report to its requirements being met",
    reads: {events: warningNoticeEvents},
    load: () => import("./timelines/event-timelines.js"),
    draw: (chart, {record}, width) => chart.WarningNoticeChart({events: record.events}, {width})
  }),
  fines: chart({
    title: "Prosecutions and fines",
    reads: {findings: (findings) => fineGroups(findings).flat()},
    load: () => import("./fines.js"),
    draw: (chart, {record}, width) => chart.FinesChart(record.findings, {width})
  }),
  "crisis-timeline": chart({
    title: "The crisis of 2016, month by month",
    reads: {events: crisisEvents},
    load: () => import("./timelines/crisis-timeline.js"),
    draw: (chart, {record}, width) => chart.CrisisTimelineChart({events: record.events}, {width})
  }),
  // The full timeline draws every event.
  timeline: chart({
    title: "Timeline of events",
    reads: {events: "all"},
    load: () => import("./timelines/event-timelines.js"),
    // The page's choices: a category, and a period to focus on.
    draw: (chart, {record}, width, options?: {category?: string; period?: Period | null}) => chart.EventsTimelineChart({events: record.events}, {width, ...options})
  }),
  // The leadership chart finds a term's events by the people they name.
  leadership: chart({
    title: "Who chaired and led the trust",
    reads: {terms: "all", events: "all"},
    load: () => import("./timelines/leadership.js"),
    draw: (chart, {record}, width) => chart.LeadershipChart({terms: record.terms, events: record.events}, {width})
  }),
  findings: chart({
    title: "Every inspection finding, with its source",
    reads: {findings: "all"},
    image: false,
    load: () => import("./findings-table.js"),
    draw: (table, {record}, width) => {
      const rows = table.explorerRows(record.findings);
      return table.FindingsTable(rows, {total: rows.length, width});
    }
  })
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

/**
 * A chart's cell on a story page, from its registry entry: the page places it and hands it its data
 * (`chartCell("funnel", {figures: F})`), and the entry says how it is drawn.
 */
export function chartCell(id: ChartId, data: PageChartData, options?: object, lazy?: {now?: boolean}): HTMLDivElement {
  const entry: ChartEntry = CHART_REGISTRY[id];
  if (!entry.cell) throw new Error(`the chart '${id}' is laid out by its page: it has no cell of its own`);
  return entry.cell(id, data, options, lazy);
}

export function renderChart(id: string, data: ChartData, width: number): Promise<HTMLElement> {
  const chart = EMBEDDABLE_CHARTS.find((c) => c.id === id);
  if (!chart) throw new Error(`no chart named '${id}'`);
  return chart.draw(data, width);
}
