/**
 * The SQL workbench (/explore), as an analyst meets it: opened cold from a
 * link that carries a query, the time until its first result; then the same
 * query run again from the page's editor (Ctrl+Enter), timed in the page from
 * the key press to the finished run with its table and quick chart drawn.
 */
import {at} from "../src/lib/story/checked-lookups.js";
import type {Browser} from "playwright-core";
import {hashForQuery} from "../src/components/workbench/query-url.js";
import {openPage, type Site} from "./browser.js";

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

export interface SqlRun {
  /** From navigation start to the first query's result; null when it did not succeed. */
  firstResultMs: number | null;
  /** Warm runs of the same query from the editor: Ctrl+Enter to the result drawn, timed in the page. */
  warmMs: number[];
}

/** "23 rows, 3 columns in 12 ms." → 12; "… in 1.25 s." → 1250. */
export function reportedTime(status: string): number | null {
  const match = /in ([\d.]+) (ms|s)\.?\s*$/.exec(status.trim());
  if (!match) return null;
  return Number(match[1]) * (match[2] === "s" ? 1000 : 1);
}

async function sqlRun(browser: Browser, site: Site, warmQueries: number): Promise<SqlRun> {
  const opened = await openPage(browser, site, `/explore${hashForQuery(FACT_BASE_QUERY)}`);
  try {
    const {page} = opened;
    // A function, not a string: the page's policy refuses the eval a string predicate needs.
    await page.waitForFunction(() => (window as unknown as {__bench: {firstRunState: unknown}}).__bench.firstRunState !== null, undefined, {timeout: 60_000});
    const {firstResultMs} = await opened.marks();
    const warmMs: number[] = [];
    // The link's query is in the editor; it is run again as it stands.
    for (let i = 0; firstResultMs !== null && i < warmQueries; ++i) {
      await page.evaluate("window.__bench.armQuery()");
      await page.locator("#sql-input").press("Control+Enter");
      const {ms, state} = (await page.evaluate("window.__bench.query")) as {ms: number; state: string};
      if (state === "done") warmMs.push(ms);
    }
    return {firstResultMs, warmMs};
  } finally {
    await opened.close();
  }
}

export async function benchSql(browser: Browser, site: Site, runs: number, warmQueries: number, log: (message: string) => void): Promise<SqlRun[]> {
  const results: SqlRun[] = [];
  for (let i = 0; i < runs; ++i) {
    results.push(await sqlRun(browser, site, warmQueries));
    log(`sql: run ${i + 1}/${runs}: first result ${at(results, i, "runs").firstResultMs?.toFixed(0) ?? "failed"} ms`);
  }
  return results;
}
