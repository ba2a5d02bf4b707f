/**
 * Driving the SQL workbench (/explore) in a browser: run a query the way an
 * analyst does, wait for DuckDB's answer, and read the result table back.
 * The workbench reports data-state and counts finished runs in data-runs,
 * which is what these helpers wait on (never on a fixed delay).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {parseCsv} from "../../src/lib/factbase/csv.js";
import {projectRoot} from "./site.js";

const ROOT = ".sql-workbench";

export async function finishedRuns(page: Page): Promise<number> {
  return Number(await page.locator(ROOT).getAttribute("data-runs"));
}

/**
 * Waits until more than `before` runs have finished and none is running; returns the state. The
 * limit stops a run that never ends: a first run starts DuckDB, which took over 30 s on a busy machine.
 */
export async function waitForRun(page: Page, before: number, timeout = 90_000): Promise<string> {
  await page.waitForFunction(
    ({root, before}) => {
      const node = document.querySelector<HTMLElement>(root);
      return node !== null && Number(node.dataset.runs) > before && node.dataset.state !== "running";
    },
    {root: ROOT, before},
    {timeout}
  );
  return (await page.locator(ROOT).getAttribute("data-state")) ?? "";
}

/** Types a query into the editor and runs it with the Run button (or Ctrl+Enter). */
export async function runQuery(page: Page, sql: string, {shortcut = false} = {}): Promise<string> {
  const before = await finishedRuns(page);
  await page.locator("#sql-input").fill(sql);
  if (shortcut) await page.locator("#sql-input").press("Control+Enter");
  else await page.locator("button.sql-run").click();
  return waitForRun(page, before);
}

export async function resultHeaders(page: Page): Promise<string[]> {
  return page.locator(".sql-result-table thead .sql-col-name").allTextContents();
}

export async function resultRows(page: Page): Promise<string[][]> {
  return page.locator(".sql-result-table tbody tr").evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll("td"), (td) => td.textContent ?? "")));
}

/** A data/ table as parsed by the loaders' own CSV reader: one Map of column → text per row. */
export function dataRows(table: string): Map<string, string>[] {
  const file = join(projectRoot, "data", `${table}.csv`);
  return parseCsv(file, readFileSync(file, "utf8")).records.map((record) => new Map([...record.cells].map(([column, cell]) => [column, cell.value])));
}
