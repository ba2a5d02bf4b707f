/**
 * Analysts' own files on the SQL workbench. A 1,000,000-row CSV (about 50 MB):
 * from choosing the file to `SELECT count(*)` answered, then a warm GROUP BY
 * over it (DuckDB's time, as the page reports it), the memory of the
 * browser's processes before and after, and the next visit: the page
 * reloaded with the file stored, until a query on the notebook's own table is
 * answered. Measured "settled" (the file chosen once the page's CSV reader has
 * started in the background) and "at once" (chosen the moment the page's
 * first query is answered). Scaling: the same, once each, at 10⁴, 10⁵ and 10⁷
 * rows (10⁷, about 500 MB, skipped with --quick). The CSVs are generated
 * here, the same rows every run; each run has a new browser context.
 */
import {execFileSync} from "node:child_process";
import {createWriteStream, readFileSync, statSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {hashForQuery} from "../src/components/workbench/query-url.js";
import {openPage, type Site} from "./browser.js";
import {reportedTime} from "./sql.js";

export interface FileRun {
  rows: number;
  settled: boolean;
  fileBytes: number;
  /** From choosing the file to its first query answered; null if it failed. */
  firstAnswerMs: number | null;
  /** Warm GROUP BY runs, DuckDB's time as the page reports it. */
  groupByMs: number[];
  /** Proportional memory (PSS) of the browser's processes, before the file and after its queries. */
  memoryBeforeMb: number;
  memoryAfterMb: number;
  /** Next visit, the file stored: from reloading the page to a query on the notebook's own table answered. */
  nextVisitMs: number | null;
  /** From choosing the file to the progress bar's first movement, and the longest time it stood still until the load ended; null if it never moved. */
  progressFirstMs: number | null;
  progressStillMs: number | null;
}

/** id, a group of 100, a ward's name, a number with two decimals and a British date: about 50 bytes a row. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 0x5eed;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const WARDS = ["Kingfisher Ward", "Willow Community Unit", "Elmleigh Hospital", "Antelope House", "Melbury Lodge"];
  let buffer = "id,grp,ward,value,day\r\n";
  for (let i = 0; i < rows; ++i) {
    const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");
    buffer += `${i},g${String(Math.floor(random() * 100)).padStart(2, "0")},${WARDS[i % WARDS.length]},${(random() * 1000).toFixed(2)},${day}/0${1 + (i % 9)}/2016\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
      buffer = "";
    }
  }
  await new Promise<void>((r) => out.end(buffer, () => r()));
}

/** PSS of this process's descendants (Chromium, its renderers and workers), in MB. */
function browserMemoryMb(): number {
  const children = new Map<number, number[]>();
  for (const line of execFileSync("ps", ["-e", "-o", "pid=,ppid="], {encoding: "utf8"}).trim().split("\n")) {
    const [pid = NaN, ppid = NaN] = line.trim().split(/\s+/).map(Number);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let kb = 0;
  for (const stack = [...(children.get(process.pid) ?? [])]; stack.length; ) {
    const pid = stack.pop()!;
    stack.push(...(children.get(pid) ?? []));
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
    } catch {
      // ended meanwhile
    }
  }
  return kb / 1024;
}

const dataset = (page: Page, key: string) => page.evaluate((k) => document.querySelector<HTMLElement>(".sql-workbench")?.dataset[k], key);

async function run(page: Page, sql: string): Promise<number | null> {
  const before = Number(await dataset(page, "runs"));
  await page.locator("#sql-input").fill(sql);
  await page.locator("button.sql-run").click();
  await page.waitForFunction((n) => {
    const root = document.querySelector<HTMLElement>(".sql-workbench")!;
    return Number(root.dataset.runs) > n && root.dataset.state !== "running";
  }, before, {timeout: 180_000});
  if ((await dataset(page, "state")) !== "done") return null;
  return reportedTime((await page.locator(".sql-status").textContent()) ?? "");
}

async function fileRun(browser: Browser, site: Site, file: string, rows: number, settled: boolean, warm: number): Promise<FileRun> {
  const opened = await openPage(browser, site, `/explore${hashForQuery("SELECT 1 AS warm")}`);
  const {page} = opened;
  try {
    // A function, not a string: the page's policy refuses the eval a string predicate needs.
    await page.waitForFunction(() => (window as unknown as {__bench: {firstRunState: unknown}}).__bench.firstRunState !== null, undefined, {timeout: 60_000});
    if (settled) await page.waitForFunction(() => document.querySelector<HTMLElement>(".sql-workbench")?.dataset.csvReader === "ready", undefined, {timeout: 60_000});
    const memoryBeforeMb = browserMemoryMb();
    const loads = Number(await dataset(page, "fileLoads"));
    // Every movement of the progress bar, timed in the page from the moment the file is chosen.
    await page.evaluate(() => {
      const bar = document.querySelector("#sql-file-progress-bar");
      const moves: number[] = [];
      (window as unknown as {__moves: number[]; __chosen: number}).__moves = moves;
      if (bar) new MutationObserver(() => Number(bar.getAttribute("value")) > 0 && moves.push(performance.now())).observe(bar, {attributes: true, attributeFilter: ["value"]});
      (window as unknown as {__chosen: number}).__chosen = performance.now();
    });
    const started = Date.now();
    await page.locator("#sql-file-input").setInputFiles(file);
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".sql-workbench")?.dataset.fileLoads) > n, loads, {timeout: 600_000, polling: 50});
    const {progressFirstMs, progressStillMs} = await page.evaluate(() => {
      const {__moves: moves, __chosen: chosen} = window as unknown as {__moves: number[]; __chosen: number};
      const times = [chosen, ...moves, performance.now()];
      let still = 0;
      for (let i = 1; i < times.length; ++i) still = Math.max(still, (times[i] ?? 0) - (times[i - 1] ?? 0));
      return moves.length ? {progressFirstMs: (moves[0] ?? chosen) - chosen, progressStillMs: still} : {progressFirstMs: null, progressStillMs: null};
    });
    const answered = (await run(page, "SELECT count(*) AS n FROM bench_file")) !== null;
    const firstAnswerMs = answered ? Date.now() - started : null;
    const groupByMs: number[] = [];
    for (let i = 0; answered && i <= warm; ++i) {
      const ms = await run(page, "SELECT grp, count(*) AS n, avg(value) AS mean, max(day) AS last_day FROM bench_file GROUP BY grp ORDER BY grp");
      if (i > 0 && ms !== null) groupByMs.push(ms); // the first warms DuckDB up
    }
    const memoryAfterMb = browserMemoryMb();
    let nextVisitMs: number | null = null;
    if (answered) {
      await page.goto(`${site.url}explore${hashForQuery("SELECT count(*) AS n FROM events")}`);
      const reloaded = Date.now();
      await page.reload();
      await page.waitForFunction(() => {
        const root = document.querySelector<HTMLElement>(".sql-workbench");
        return root !== null && Number(root.dataset.runs) > 0 && root.dataset.state !== "running";
      }, undefined, {timeout: 180_000, polling: 50});
      if ((await dataset(page, "state")) === "done") nextVisitMs = Date.now() - reloaded;
    }
    return {rows, settled, fileBytes: statSync(file).size, firstAnswerMs, groupByMs, memoryBeforeMb, memoryAfterMb, nextVisitMs, progressFirstMs, progressStillMs};
  } finally {
    await opened.close();
  }
}

/** The file the budgets are on: a million rows. */
export const BUDGET_ROWS = 1_000_000;

export async function benchFiles(browser: Browser, site: Site, runs: number, big: boolean, log: (message: string) => void): Promise<FileRun[]> {
  const dir = await mkdtemp(join(tmpdir(), "bench-files-"));
  const results: FileRun[] = [];
  try {
    for (const rows of [10_000, 100_000, BUDGET_ROWS, ...(big ? [10_000_000] : [])]) {
      const file = join(dir, "bench_file.csv");
      await writeCsv(file, rows);
      // The budgets are on the 10⁶-row file, measured both ways and repeatedly; the other sizes once, for scaling.
      for (const settled of rows === BUDGET_ROWS ? [true, false] : [true]) {
        for (let i = 0; i < (rows === BUDGET_ROWS ? runs : 1); ++i) {
          const r = await fileRun(browser, site, file, rows, settled, rows > BUDGET_ROWS ? 3 : 10);
          results.push(r);
          log(`files: ${rows} rows, ${settled ? "settled" : "at once"}: first answer ${r.firstAnswerMs ?? "failed"} ms, GROUP BY ${r.groupByMs.join("/")} ms, memory ${Math.round(r.memoryBeforeMb)} → ${Math.round(r.memoryAfterMb)} MB, next visit ${r.nextVisitMs ?? "failed"} ms, progress first moved at ${r.progressFirstMs ?? "never"} ms, still for ${r.progressStillMs ?? "–"} ms at most`);
        }
      }
    }
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
  return results;
}
