/**
 * The SQL workbench (/explore), as an analyst meets it: opened cold from a
 * link that carries a query, the time until its first result; then the same
 * query run again through the page's own editor (Ctrl+Enter), timed in the
 * page from the key press to the workbench's finished run (the result table
 * and quick chart drawn), beside the time the page itself reports (DuckDB's
 * run, from sending the query to the last row converted).
 */
import type {Browser} from "playwright-core";
import {hashForQuery} from "../src/components/query-url.js";
import {openCold, type Site} from "./browser.js";

/**
 * A GROUP BY over the fact base: every row of every table that carries a
 * source, joined to its source and counted per publisher.
 */
export const FACT_BASE_QUERY = `-- Rows of the fact base per publisher of their source, and how many are final.
SELECT s.publisher,
       count(*)::INTEGER AS "rows",
       count(*) FILTER (WHERE r.status = 'final')::INTEGER AS final_rows
FROM (
  SELECT source_id, status FROM mazars_figures
  UNION ALL SELECT source_id, status FROM cqc_ratings
  UNION ALL SELECT source_id, status FROM cqc_findings
  UNION ALL SELECT source_id, status FROM events
  UNION ALL SELECT source_id, status FROM comparators
  UNION ALL SELECT source_id, status FROM trust_facts
  UNION ALL SELECT source_id, status FROM claims
) AS r
JOIN sources AS s USING (source_id)
GROUP BY s.publisher
ORDER BY "rows" DESC, s.publisher`;

export interface WarmQuery {
  /** From the Ctrl+Enter key press to the run finished and drawn, timed in the page. */
  ms: number;
  /** The time the page shows in its status line; null if it showed none. */
  reportedMs: number | null;
  state: string;
}

export interface SqlRun {
  /** From navigation start to the first query's result; null when it did not succeed. */
  firstResultMs: number | null;
  firstState: string | null;
  /** The workbench's own figure for starting DuckDB and loading the tables (data-startup-ms). */
  startupMs: number | null;
  warm: WarmQuery[];
}

/** "23 rows, 3 columns in 12 ms." → 12; "… in 1.25 s." → 1250. */
export function reportedTime(status: string): number | null {
  const match = /in ([\d.]+) (ms|s)\.?\s*$/.exec(status.trim());
  if (!match) return null;
  return Number(match[1]) * (match[2] === "s" ? 1000 : 1);
}

async function measureSqlRun(browser: Browser, site: Site, warmQueries: number): Promise<SqlRun> {
  const opened = await openCold(browser, site, `/explore${hashForQuery(FACT_BASE_QUERY)}`);
  try {
    const {page} = opened;
    await page.waitForFunction("window.__bench.firstRunState !== null", undefined, {timeout: 60_000});
    const marks = await opened.marks();
    const startup = await page.locator(".sql-workbench").getAttribute("data-startup-ms");
    const warm: WarmQuery[] = [];
    if (marks.firstRunState === "done") {
      const editor = page.locator("#sql-input");
      // The link's query is already in the editor; it is run again as it stands.
      for (let i = 0; i < warmQueries; ++i) {
        await page.evaluate("window.__bench.armQuery()");
        await editor.press("Control+Enter");
        const {ms, state, status} = (await page.evaluate("window.__bench.query")) as {ms: number; state: string; status: string};
        warm.push({ms, state, reportedMs: reportedTime(status)});
      }
    }
    await opened.transfers();
    return {
      firstResultMs: marks.firstResultMs,
      firstState: marks.firstRunState,
      startupMs: startup === null ? null : Number(startup),
      warm
    };
  } finally {
    await opened.close();
  }
}

export async function benchSql(browser: Browser, site: Site, runs: number, warmQueries: number, log: (message: string) => void): Promise<SqlRun[]> {
  const results: SqlRun[] = [];
  for (let i = 0; i < runs; ++i) {
    const run = await measureSqlRun(browser, site, warmQueries);
    results.push(run);
    log(`sql: run ${i + 1}/${runs}: first result ${run.firstResultMs?.toFixed(0) ?? run.firstState} ms, ${run.warm.length} warm queries`);
  }
  return results;
}
