/**
 * The performance budgets of issue 8, judged on the measurements. Bytes are
 * judged as the bench's server transfers them (uncompressed, like the test
 * server); the gzip figure is shown beside them for a host that compresses.
 * Times are judged on the median of the runs. A budget whose measurement is
 * missing (a part not run, or a run that failed) is "not measured", never met.
 */
import {kb, ms, spread} from "./format.js";
import {buildSummary, summarizePage, summarizeSql, type PageSummary, type Results} from "./results.js";

export interface BudgetVerdict {
  id: "story-js" | "embed-js" | "story-duckdb" | "first-chart" | "sql-first" | "sql-warm" | "warm-rebuild";
  budget: string;
  /** The measured figure, written out (median and spread, or the worst page). */
  measured: string;
  /** For bytes: the same, gzipped. */
  gzip: string;
  /** What exactly was judged. */
  basis: string;
  met: boolean | null;
}

const JS_LIMIT = 400 * 1000;
const FIRST_CHART_LIMIT = 1000;
const SQL_FIRST_LIMIT = 3000;
const SQL_WARM_LIMIT = 50;
const REBUILD_LIMIT = 15_000;

function worst<T>(items: T[], value: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>((a, b) => (a === undefined || value(b) > value(a) ? b : a), undefined);
}

function jsBudget(id: "story-js" | "embed-js", pages: PageSummary[], what: string, budget: string): BudgetVerdict {
  const heaviest = worst(pages, (p) => p.bytes.js);
  if (!heaviest) return {id, budget, measured: "not measured", gzip: "", basis: "", met: null};
  return {
    id,
    budget,
    measured: `${kb(heaviest.bytes.js)} on ${heaviest.path} (the heaviest of ${pages.length} ${what})`,
    gzip: kb(heaviest.gzipBytes.js),
    basis: "JavaScript bytes transferred by the bench's (uncompressed) server, median of the runs, heaviest page",
    met: heaviest.bytes.js <= JS_LIMIT
  };
}

export function judge(results: Results): BudgetVerdict[] {
  const verdicts: BudgetVerdict[] = [];
  const pages = (results.pages ?? []).map(summarizePage);
  const story = pages.filter((p) => p.group === "story");
  const embeds = pages.filter((p) => p.group === "embed");

  verdicts.push(jsBudget("story-js", story, "story pages", "A story page transfers at most 400 KB of JavaScript"));
  verdicts.push(
    jsBudget("embed-js", embeds, "embed pages", "An embed page transfers at most 400 KB of JavaScript (the story-page budget, applied to the embeds readers see in articles)")
  );

  const readerPages = [...story, ...embeds];
  const withDuckDb = readerPages.filter((p) => p.duckdbRuns > 0);
  verdicts.push({
    id: "story-duckdb",
    budget: "A story page never requests DuckDB-WASM",
    measured: readerPages.length
      ? withDuckDb.length
        ? `requested on ${withDuckDb.map((p) => p.path).join(", ")}`
        : `no DuckDB file requested in ${readerPages.reduce((n, p) => n + p.runs, 0)} loads of ${readerPages.length} story and embed pages`
      : "not measured",
    gzip: "",
    basis: "every request of every run (the page and its workers), story and embed pages",
    met: readerPages.length ? withDuckDb.length === 0 : null
  });

  const charted = readerPages.filter((p) => p.firstChart !== null);
  const slowest = worst(charted, (p) => p.firstChart!.median);
  verdicts.push({
    id: "first-chart",
    budget: "First chart drawn within 1 s of navigation (localhost, cold cache)",
    measured: slowest ? `${spread(slowest.firstChart!)} on ${slowest.path} (the slowest median of ${charted.length} pages with a chart)` : "not measured",
    gzip: "",
    basis: "in-page time from navigation start to the first `figure.chart-frame .chart-body svg`, median of the runs, slowest page",
    met: slowest ? slowest.firstChart!.median <= FIRST_CHART_LIMIT : null
  });

  const sql = results.sql ? summarizeSql(results.sql.runs) : null;
  verdicts.push({
    id: "sql-first",
    budget: "SQL page: first result within 3 s, cold",
    measured: sql?.firstResult ? `${spread(sql.firstResult)}${sql.failedRuns ? `; ${sql.failedRuns} run(s) failed` : ""}` : "not measured",
    gzip: "",
    basis: "in-page time from navigation start to `.sql-workbench[data-state=done]` after the first run, median of cold loads",
    met: sql?.firstResult ? sql.failedRuns === 0 && sql.firstResult.median <= SQL_FIRST_LIMIT : null
  });
  verdicts.push({
    id: "sql-warm",
    budget: "SQL page: a warm query on the fact base within 50 ms",
    measured: sql?.warm ? `${spread(sql.warm)} over ${sql.warm.n} queries (DuckDB alone, as the page reports it: ${spread(sql.warmReported ?? sql.warm)})` : "not measured",
    gzip: "",
    basis: "in-page time from Ctrl+Enter to the run finished with its table and chart drawn, median of all warm queries",
    met: sql?.warm ? sql.warmFailed === 0 && sql.warm.median <= SQL_WARM_LIMIT : null
  });

  const build = results.build ? buildSummary(results.build) : null;
  verdicts.push({
    id: "warm-rebuild",
    budget: "A warm rebuild with nothing changed within 15 s",
    measured: build?.warm ? `${spread(build.warm, ms)} over ${build.warm.n} rebuilds` : "not measured",
    gzip: "",
    basis: "wall time of `tsx scripts/build.ts` run again in the bench's copy of the project, nothing changed, median",
    met: build?.warm ? build.warm.median <= REBUILD_LIMIT : null
  });
  return verdicts;
}
