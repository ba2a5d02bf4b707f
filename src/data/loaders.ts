/**
 * Every file the data loaders write, defined once. Each loader file in src/ names its entry here
 * and writes one output, as Framework runs it (a process for each output, so a preview re-runs
 * only what changed). The build writes them all in one process into Framework's loader cache
 * before Framework runs (scripts/export/loader-cache.ts): each process spends about 1.7 s
 * starting tsx, about 40 s for the export's 23 outputs on 2 cores.
 */
import {CHART_READS, CHARTS} from "../components/charts/chart-registry.js";
import {parameterized, single, type Loader} from "../lib/delivery/loader.js";
import {sourcesPage} from "../lib/story/sources-page.js";
import {chartData, pageData} from "../lib/delivery/page-data.js";
import {storyPages} from "../lib/delivery/page-reads.js";
import {tableArrow, tableCatalog, tableNames} from "../lib/delivery/tables.js";

const chartIds = () => Object.keys(CHART_READS);

export const LOADERS = {
  /** Any table of the fact base as Arrow, for the SQL workbench: DuckDB-WASM reads Arrow offline. */
  table: parameterized("data/[table].arrow", "table", tableNames, tableArrow),
  /** Tables, columns, types, descriptions and row counts, for the schema browser. */
  catalog: single("data/catalog.json", (facts) => JSON.stringify(tableCatalog(facts))),
  /** What one story page reads: its figures, records and their sources, each source once, by id. */
  page: parameterized("data/pages/[page].json", "page", () => storyPages(), (facts, page) => JSON.stringify(pageData(facts, page, CHARTS))),
  /** What one chart reads, for its embed page in the preview server; the export's embeds are static. */
  chart: parameterized("data/charts/[chart].json", "chart", chartIds, (facts, chart) => JSON.stringify(chartData(facts, chart, CHART_READS))),
  /** The sources page, written as Markdown and HTML so it reads without JavaScript. */
  sources: single("sources.md", sourcesPage)
} satisfies Record<string, Loader>;
