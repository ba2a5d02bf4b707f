/**
 * What a page or an embed is sent: the figures, records and sources its reads
 * name (found in the page by src/lib/delivery/page-reads.ts, and each chart's entry in the chart registry,
 * which the loaders pass in: code here does not import the components), chosen from the story's
 * figures and the inspection record, each source once, by id (payload.ts).
 * Rows keep the order of the data; figures keep the order buildFigures gives.
 * An id that names nothing fails here, in the loader, so the build stops.
 */
import type {ChartReads, Charts, Reads, Rows} from "./chart-reads.js";
import type {FactBase} from "../factbase/factbase.js";
import type {Figure, SourceRef} from "../story/figures.js";
import {readsOfPage} from "./page-reads.js";
import {packSources} from "./payload.js";
import {inspectionRecord, storyFacts, type InspectionRecord, type StoryFacts} from "../story/story.js";

/** What a page receives: only the keys its reads name. */
export type PageData = Partial<StoryFacts & InspectionRecord> & {sources: Record<string, SourceRef>};

/** Every read of a page: its own, and those of each chart it draws. */
export function pageReads(facts: FactBase, page: string, charts: Charts): Reads[] {
  const reads = readsOfPage(facts, charts, page);
  return [reads, ...(reads.charts ?? []).map((chart) => charts.reads[chart] ?? {})];
}

export function pageData(facts: FactBase, page: string, charts: Charts): PageData {
  return dataFor(facts, `page '${page}'`, pageReads(facts, page, charts));
}

/** What one chart reads, for its embed page in the preview server and for drawing it at build. */
export function chartData(facts: FactBase, chart: string, charts: ChartReads): PageData {
  const reads = charts[chart];
  if (!reads) throw new Error(`no chart named '${chart}' in the chart registry`);
  return dataFor(facts, `chart '${chart}'`, [reads]);
}

export function dataFor(facts: FactBase, reader: string, reads: Reads[]): PageData {
  const story = storyFacts(facts);
  const record = inspectionRecord(facts);
  const claims = reads.some((r) => r.claims === "all") ? story.claims : undefined;
  // A claim is shown beside the figure it disputes.
  const figureIds = new Set([...reads.flatMap((r) => r.figures ?? []), ...(claims ?? []).map((c) => c.disputes)]);
  const choose = <T extends object>(table: string, rows: T[], key: keyof T, lists: (Rows<T> | undefined)[]): T[] | undefined => {
    const wanted = lists.filter((list) => list !== undefined);
    if (!wanted.length) return undefined;
    const chosen = new Set<T>();
    for (const list of wanted) {
      if (list === "all") return rows;
      const picked = typeof list === "function" ? list(rows) : list.map((id) => rowById(reader, table, rows, key, id));
      for (const row of picked) chosen.add(row);
    }
    return rows.filter((row) => chosen.has(row));
  };
  const payload = {
    figures: figureIds.size ? figuresById(reader, story.figures, figureIds) : undefined,
    claims,
    statements: choose("statements", story.statements, "statement_id", reads.map((r) => r.statements)),
    events: choose("events", record.events, "event_id", reads.map((r) => r.events)),
    terms: choose("leadership_terms", record.terms, "term_id", reads.map((r) => r.terms)),
    findings: choose("cqc_findings", record.findings, "finding_id", reads.map((r) => r.findings)),
    ratings: choose("cqc_ratings", record.ratings, "rating_id", reads.map((r) => r.ratings))
  };
  // Keys a reader does not read are left out, not sent empty: reading one is an error on the page.
  return packSources(Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined))) as PageData;
}

function figuresById(reader: string, figures: Record<string, Figure>, ids: Set<string>): Record<string, Figure> {
  for (const id of ids) if (!(id in figures)) throw new Error(`the ${reader} reads the figure '${id}', which the fact base does not have`);
  return Object.fromEntries(Object.entries(figures).filter(([id]) => ids.has(id)));
}

function rowById<T>(reader: string, table: string, rows: T[], key: keyof T, id: string): T {
  const row = rows.find((r) => r[key] === id);
  if (!row) throw new Error(`the ${reader} reads ${table} '${id}', which is not in data/${table}.csv`);
  return row;
}
