/**
 * How a reader (a page, a chart) says what it reads: figures by id, and which
 * rows of the inspection record. Each chart's reads are in its entry of the
 * chart registry (src/components/charts/chart-registry.ts), built from the lists and
 * windows its component draws with (src/lib/delivery/chart-figures.ts,
 * src/lib/delivery/chart-records.ts); each page's are found in the page itself (src/lib/delivery/page-reads.ts). The loaders
 * send a page (or an embed) exactly what it and its charts read: the build
 * draws every chart from what it is sent, and a test draws it from that and
 * from the whole record and requires the same drawing.
 */
import type {EventRow, FindingRow, RatingRow, TermRow} from "../story/story.js";

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

/** Each chart's reads, by chart id (the chart registry's). */
export type ChartReads = Readonly<Record<string, Reads>>;

/** What the chart registry tells the loaders (code here does not import the components): each chart's reads, and the function that lays out each table drawn only on its page. */
export interface Charts {
  reads: ChartReads;
  /** Function name → chart id (`DraftFinalTable` → `draft-final`): a page that calls it draws that table. */
  drawnOnPageBy: Readonly<Record<string, string>>;
}
