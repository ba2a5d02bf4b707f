/**
 * Every page of the built site, cold: what it transfers (bytes by kind, raw
 * and gzipped, and how many requests), when its first chart is drawn, and
 * whether it asked for any DuckDB-WASM file. Runs go round all the pages in
 * turn, so that a slow moment of the machine is spread over pages rather than
 * landing on one.
 */
import type {Browser} from "playwright-core";
import {waitForCells} from "../scripts/chromium.js";
import {openCold, type Site} from "./browser.js";
import {bytesByKind, isDuckDbFile, type BytesByKind, type Transfer} from "./network.js";

export interface PageRun {
  bytes: BytesByKind;
  gzipBytes: BytesByKind;
  requests: number;
  /** ms from navigation start to the first chart's svg in the DOM; null: the page drew no chart. */
  firstChartMs: number | null;
  duckdbFiles: string[];
  failed: string[];
  offHost: string[];
  consoleErrors: string[];
}

export interface PageResult {
  path: string;
  runs: PageRun[];
  /** The first run's JavaScript files, largest first: the evidence for what a page's JS is made of. */
  scripts: Pick<Transfer, "path" | "bytes" | "gzipBytes">[];
}

export async function measurePage(browser: Browser, site: Site, path: string): Promise<{run: PageRun; transfers: Transfer[]}> {
  const opened = await openCold(browser, site, path);
  try {
    await waitForCells(opened.page);
    // The SQL workbench loads DuckDB and its tables after the cells have run: wait for its first query too.
    if (await opened.page.locator(".sql-workbench").count()) {
      await opened.page.waitForFunction("window.__bench.firstRunState !== null", undefined, {timeout: 60_000});
      await opened.page.waitForLoadState("networkidle");
    }
    const marks = await opened.marks();
    const {transfers, failed} = await opened.transfers();
    return {
      transfers,
      run: {
        bytes: bytesByKind(transfers),
        gzipBytes: bytesByKind(transfers, "gzipBytes"),
        requests: transfers.length + failed.length,
        firstChartMs: marks.firstChartMs,
        duckdbFiles: [...new Set(transfers.map((t) => t.path).filter(isDuckDbFile))],
        failed,
        offHost: opened.offHost,
        consoleErrors: opened.consoleErrors
      }
    };
  } finally {
    await opened.close();
  }
}

export async function benchPages(
  browser: Browser,
  site: Site,
  paths: string[],
  runs: number,
  log: (message: string) => void
): Promise<PageResult[]> {
  const results = new Map<string, PageResult>(paths.map((path) => [path, {path, runs: [], scripts: []}]));
  for (let i = 0; i < runs; ++i) {
    for (const path of paths) {
      const {run, transfers} = await measurePage(browser, site, path);
      const result = results.get(path)!;
      result.runs.push(run);
      if (i === 0) {
        result.scripts = transfers
          .filter((t) => t.kind === "js")
          .map(({path, bytes, gzipBytes}) => ({path, bytes, gzipBytes}))
          .sort((a, b) => b.bytes - a.bytes);
      }
    }
    log(`pages: run ${i + 1}/${runs} done (${paths.length} pages)`);
  }
  return [...results.values()];
}
